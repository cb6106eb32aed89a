using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MissionPortal.Core.Data;
using MissionPortal.Core.Security;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Features.Notifications;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Notifications;

/// <summary>
/// The notices no request raises, on a clock the test sets: each participant's programme the day before the mission,
/// and one notice per burst of changes to an approved programme; each raised once, however often and by however many
/// runs at once the job looks.
/// </summary>
public class NotificationJobTests(ClockFactory factory) : IClassFixture<ClockFactory>
{
    /// <summary>10:00 in Krasnoyarsk (UTC+7) the day before the scenario's first day.</summary>
    private static readonly DateTimeOffset Eve = new(Scenario.Day1.AddDays(-1).ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero);

    private async Task RunConcurrentlyAsync<TJob>(Func<TJob, Task<int>> run)
        where TJob : notnull
    {
        async Task<int> OneAsync()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await run(scope.ServiceProvider.GetRequiredService<TJob>());
        }

        await Task.WhenAll(OneAsync(), OneAsync(), OneAsync());
        await OneAsync();
    }

    [Fact]
    public async Task The_day_before_a_mission_whose_programme_is_approved_each_participant_with_an_email_gets_their_programme_with_the_calendar_once()
    {
        factory.Clock.UtcNow = Eve.AddHours(-4); // 06:00 local: before the hour the letters go
        var s = await Scenario.CreateAsync(factory, "Накануне " + Guid.NewGuid().ToString("N")[..6]);
        var withAccount = await factory.CreateUserAsync(Roles.Agency);
        var guest = $"guest-{Guid.NewGuid():N}@example.ru";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var people = await db.Participants.Where(p => s.PeopleIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
            people[s.PeopleIds[0]].WithContacts(guest, null);
            people[s.PeopleIds[1]].WithContacts(withAccount, null);
            await db.SaveChangesAsync();
        }

        await RunConcurrentlyAsync<MissionEveLetters>(job => job.RunAsync(CancellationToken.None));
        var prefix = $"mission-eve:{s.MissionId}:";
        Assert.False(await factory.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.OnceKey!.StartsWith(prefix))));

        // At the hour, but the programme is a draft the ministry has not approved: the mission may not go ahead as it stands.
        factory.Clock.UtcNow = Eve;
        await RunConcurrentlyAsync<MissionEveLetters>(job => job.RunAsync(CancellationToken.None));
        Assert.False(await factory.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.OnceKey!.StartsWith(prefix))));
        Assert.False(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.OnceKey!.StartsWith(prefix))));

        // Submitted, still nothing; approved, the letters go.
        var page = $"/programme/{s.MissionId}";
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        await PostAsync(agency, page, $"{page}/submit");
        await RunConcurrentlyAsync<MissionEveLetters>(job => job.RunAsync(CancellationToken.None));
        Assert.False(await factory.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.OnceKey!.StartsWith(prefix))));
        var ministry = factory.CreatePortalClient();
        await ministry.LoginAsAsync(DemoOptions.MinistryEmail);
        await PostAsync(ministry, page, $"{page}/approve");
        await RunConcurrentlyAsync<MissionEveLetters>(job => job.RunAsync(CancellationToken.None));

        var addresses = await factory.QueryAsync(db => db.OutboxMessages.Where(m => m.OnceKey!.StartsWith(prefix)).Select(m => m.ToAddress).ToListAsync());
        Assert.Equal(2, addresses.Count);
        Assert.Contains(guest, addresses);
        Assert.Contains(withAccount, addresses);
        var letter = await MailFolder.WaitForAsync(factory.DataPath, guest, Notifier.MissionEve);
        var title = await factory.QueryAsync(db => db.Missions.Where(m => m.Id == s.MissionId).Select(m => m.Title).SingleAsync());
        Assert.Equal($"Завтра начинается миссия «{title}»: ваша программа", letter.Subject);
        Assert.Contains("Здравствуйте, Иван Иванович!", letter.TextBody, StringComparison.Ordinal);
        Assert.Contains("10.03 10:00–11:00 Утренняя встреча — Зал", letter.TextBody, StringComparison.Ordinal);
        Assert.Contains("11.03 12:00–13:00 Посещение завода — Завод", letter.TextBody, StringComparison.Ordinal);
        Assert.Contains("(местное время: Красноярский край, UTC+7)", letter.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/calendar/", MailFolder.LinkIn(letter, $"/participant/{s.PeopleIds[0]}.ics"), StringComparison.Ordinal);

        var calendar = Assert.Single(letter.Attachments.OfType<MimePart>());
        Assert.Equal($"mission-{s.MissionId}-participant-{s.PeopleIds[0]}.ics", calendar.FileName);
        Assert.Equal("text/calendar", calendar.ContentType.MimeType);
        using var content = new MemoryStream();
        await calendar.Content!.DecodeToAsync(content);
        var ics = System.Text.Encoding.UTF8.GetString(content.ToArray());
        Assert.Contains("DTSTART;TZID=Asia/Krasnoyarsk:20270310T100000", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Утренняя встреча", ics, StringComparison.Ordinal);

        // The person with an account also finds it in the portal; a later run adds nothing.
        await MailFolder.WaitForAsync(factory.DataPath, withAccount, Notifier.MissionEve);
        Assert.Equal(1, await factory.QueryAsync(db => db.Notifications.CountAsync(n => n.OnceKey!.StartsWith(prefix))));
        factory.Clock.UtcNow = Eve.AddHours(5);
        await RunConcurrentlyAsync<MissionEveLetters>(job => job.RunAsync(CancellationToken.None));
        Assert.Equal(2, await factory.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.OnceKey!.StartsWith(prefix))));
        await Task.Delay(500);
        Assert.Single(MailFolder.Of(MailFolder.Read(factory.DataPath), guest, Notifier.MissionEve));
    }

    [Fact]
    public async Task Changes_to_an_approved_programme_reach_the_ministry_in_one_notice_per_burst()
    {
        factory.Clock.UtcNow = new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);
        var s = await Scenario.CreateAsync(factory, "Изменения " + Guid.NewGuid().ToString("N")[..6]);
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var ministry = factory.CreatePortalClient();
        await ministry.LoginAsAsync(DemoOptions.MinistryEmail);
        var page = $"/programme/{s.MissionId}";
        // The programme's buttons, with the version the page shows.
        async Task PressAsync(HttpClient client, string url, params KeyValuePair<string, string>[] fields)
        {
            using var pressed = await client.SubmitFormAsync(page, $"form[action='{url}']", fields);
            Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        }

        async Task PostAsync(HttpClient client, string url, params KeyValuePair<string, string>[] fields)
        {
            var token = await client.AntiforgeryTokenAsync(page);
            using var response = await client.PostAsync(url, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        await PostAsync(agency, $"{page}/submit");
        await PostAsync(ministry, $"{page}/approve");
        factory.Clock.UtcNow = factory.Clock.UtcNow.AddMinutes(1);
        await PressAsync(agency, $"/programme/items/{s.MorningItemId}/move", new("Date", Scenario.Iso(Scenario.Day1)), new("Start", "11:00"));
        factory.Clock.UtcNow = factory.Clock.UtcNow.AddMinutes(5);
        await PressAsync(agency, $"/programme/items/{s.PlantVisitId}/delete");
        var path = $"{page}/changes";
        Task<int> NoticesAsync() => factory.QueryAsync(db => db.Notifications.CountAsync(n => n.Kind == Notifier.ProgrammeChanged && n.Path == path));

        // The burst goes on: nothing yet.
        await RunConcurrentlyAsync<ProgrammeChangeDigest>(job => job.RunAsync(CancellationToken.None));
        Assert.Equal(0, await NoticesAsync());

        factory.Clock.UtcNow = factory.Clock.UtcNow.AddMinutes(20);
        await RunConcurrentlyAsync<ProgrammeChangeDigest>(job => job.RunAsync(CancellationToken.None));
        var ministers = await factory.QueryAsync(db => (from u in db.Users join ur in db.UserRoles on u.Id equals ur.UserId join r in db.Roles on ur.RoleId equals r.Id
                                                        where r.Name == Roles.Ministry select u.Id).CountAsync());
        Assert.Equal(ministers, await NoticesAsync());
        var letter = (await WaitAllAsync(DemoOptions.MinistryEmail, Notifier.ProgrammeChanged)).Single(m => (m.TextBody ?? string.Empty).Contains(path, StringComparison.Ordinal));
        Assert.Contains("изменена (изменений: 2)", letter.TextBody, StringComparison.Ordinal);
        Assert.Contains("Перенесён: Утренняя встреча", letter.TextBody, StringComparison.Ordinal);
        Assert.Contains("Удалён: Посещение завода", letter.TextBody, StringComparison.Ordinal);

        // A later change is a new burst: one more notice, about it alone.
        await PressAsync(agency, $"/programme/items/{s.MorningItemId}/move", new("Date", Scenario.Iso(Scenario.Day1)), new("Start", "12:00"));
        factory.Clock.UtcNow = factory.Clock.UtcNow.AddMinutes(20);
        await RunConcurrentlyAsync<ProgrammeChangeDigest>(job => job.RunAsync(CancellationToken.None));
        Assert.Equal(2 * ministers, await NoticesAsync());
        var second = await MailFolder.WaitForAsync(factory.DataPath, DemoOptions.MinistryEmail, Notifier.ProgrammeChanged, 2);
        Assert.Contains("изменена (изменений: 1)", second.TextBody, StringComparison.Ordinal);
    }

    private static async Task PostAsync(HttpClient client, string page, string url)
    {
        var token = await client.AntiforgeryTokenAsync(page);
        using var response = await client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<List<MimeMessage>> WaitAllAsync(string to, string kind)
    {
        await MailFolder.WaitForAsync(factory.DataPath, to, kind);
        return MailFolder.Of(MailFolder.Read(factory.DataPath), to, kind);
    }
}
