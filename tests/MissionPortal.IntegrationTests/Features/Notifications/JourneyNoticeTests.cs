using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MissionPortal.Core.Data;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.IntegrationTests.Features.B2b;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Notifications;

/// <summary>
/// The company journeys' notices, each driven through the pages by the people who cause it and read back from the .eml
/// the portal wrote: to whom, the subject, the text naming what it is about, the absolute link to its page and the
/// recipient's language. The B2B meeting schedule is told once per version of a company's own schedule.
/// </summary>
public class JourneyNoticeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task PostAsync(HttpClient client, string page, string url, params KeyValuePair<string, string>[] fields)
    {
        var token = await client.AntiforgeryTokenAsync(page);
        using var response = await client.PostAsync(url, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Presses the button of <paramref name="page"/> that posts to <paramref name="url"/>: its form carries the version the page showed.</summary>
    private static async Task PressAsync(HttpClient client, string page, string url)
    {
        using var response = await client.SubmitFormAsync(page, $"form[action='{url}']", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task JoinAsync(HttpClient client, int sessionId, string contact)
    {
        using var response = await client.SubmitFormAsync($"/b2b/{sessionId}/join", "form[data-testid=join-form]",
            [new("ContactPerson", contact), new("ContactPhone", "8 (391) 265-14-08"), new("Offers", "Предложение компании")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<int> ParticipationAsync(int sessionId, int organizationId) =>
        await factory.QueryAsync(db => db.B2bParticipations.Where(p => p.SessionId == sessionId && p.OrganizationId == organizationId).Select(p => p.Id).SingleAsync());

    private async Task<string> ShortNameAsync(int organizationId) =>
        await factory.QueryAsync(db => db.Organizations.Where(o => o.Id == organizationId).Select(o => o.ShortName ?? o.Name).SingleAsync());

    private List<MimeMessage> Letters(string to, string kind) => MailFolder.Of(MailFolder.Read(factory.DataPath), to, kind);

    /// <summary>
    /// The one of <paramref name="count"/> letters whose subject says <paramref name="subject"/>: letters written within
    /// the same second sort by their random key, so the later one is found by what it says, not by its place.
    /// </summary>
    private async Task<MimeMessage> LetterAsync(string to, string kind, int count, string subject)
    {
        await MailFolder.WaitForAsync(factory.DataPath, to, kind, count);
        return Assert.Single(Letters(to, kind), l => l.Subject?.Contains(subject, StringComparison.Ordinal) == true);
    }

    /// <summary>The letter's HTML part is in the language, and its button leads to the page by an absolute address.</summary>
    private static void AssertLinkAndLanguage(MimeMessage letter, string path, string language)
    {
        Assert.Equal(path, MailFolder.LinkIn(letter, path));
        Assert.Contains($"https://localhost{path}", letter.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"https://localhost{path}\"", letter.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"lang=\"{language}\"", letter.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_B2B_request_its_answers_its_cancellation_and_the_schedule_reach_the_other_company_and_the_schedule_once_per_version()
    {
        var world = await B2bWorld.CreateAsync(factory);
        var id = world.SessionId!.Value;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // Tomorrow: an accepted meeting may still be cancelled.
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var item = await db.ProgrammeItems.SingleAsync(i => i.Id == world.ItemId);
            item.Reschedule(HostCalendar.Today(TimeProvider.System).AddDays(1), item.Start, item.End);
            await db.SaveChangesAsync();
        }

        var mission = await factory.QueryAsync(db => db.Missions.Where(m => m.Id == world.MissionId).Select(m => m.Title).SingleAsync());
        var hostA = await world.HostA.ClientAsync(factory);
        var hostB = await world.HostB.ClientAsync(factory);
        var guest = await world.GuestA.ClientAsync(factory);
        // The first host reads in English: the language is kept on the account when a signed-in user switches.
        using (await hostA.SwitchLanguageAsync("en-US", $"/b2b/{id}"))
        {
        }

        await JoinAsync(hostA, id, "Иванова Ирина Петровна");
        await JoinAsync(hostB, id, "Петров Пётр");
        await JoinAsync(guest, id, "Гостев Антон");
        var (guestName, hostAName, hostBName) = (await ShortNameAsync(world.GuestA.Id), await ShortNameAsync(world.HostA.Id), await ShortNameAsync(world.HostB.Id));

        // Received, in English.
        await PostAsync(guest, $"/b2b/{id}", $"/b2b/{id}/requests", new("ToId", S(await ParticipationAsync(id, world.HostA.Id))), new("Message", "Предлагаем растворы для больничных аптек"));
        var received = await MailFolder.WaitForAsync(factory.DataPath, world.HostA.Email, Notifier.B2bRequestReceived);
        Assert.Equal(world.HostA.Email, Assert.Single(received.To.Mailboxes).Address);
        Assert.Equal($"B2B meeting request from {guestName}", received.Subject);
        Assert.Contains($"{guestName} asks you for a B2B meeting.", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("Message: Предлагаем растворы для больничных аптек", received.TextBody, StringComparison.Ordinal);
        AssertLinkAndLanguage(received, $"/b2b/{id}", "en");
        Assert.Empty(Letters(world.HostB.Email, Notifier.B2bRequestReceived));

        // Accepted, in Russian, to the company that asked.
        var toHostA = await factory.QueryAsync(db => db.MeetingRequests.Where(r => r.SessionId == id).Select(r => r.Id).SingleAsync());
        await PressAsync(hostA, $"/b2b/{id}", $"/b2b/requests/{toHostA}/accept");
        var accepted = await MailFolder.WaitForAsync(factory.DataPath, world.GuestA.Email, Notifier.B2bRequestAnswered);
        Assert.Equal($"Компания {hostAName} приняла запрос на B2B-встречу", accepted.Subject);
        Assert.Contains($"Компания {hostAName} приняла ваш запрос на B2B-встречу.", accepted.TextBody, StringComparison.Ordinal);
        AssertLinkAndLanguage(accepted, $"/b2b/requests/{toHostA}", "ru");

        // Declined.
        await PostAsync(guest, $"/b2b/{id}", $"/b2b/{id}/requests", new("ToId", S(await ParticipationAsync(id, world.HostB.Id))), new("Message", string.Empty));
        var toHostB = await factory.QueryAsync(db => db.MeetingRequests.Where(r => r.SessionId == id && r.Id != toHostA).Select(r => r.Id).SingleAsync());
        var noMessage = await MailFolder.WaitForAsync(factory.DataPath, world.HostB.Email, Notifier.B2bRequestReceived);
        Assert.Equal($"Запрос на B2B-встречу от компании {guestName}", noMessage.Subject);
        Assert.DoesNotContain("Сообщение:", noMessage.TextBody, StringComparison.Ordinal);
        await PressAsync(hostB, $"/b2b/{id}", $"/b2b/requests/{toHostB}/decline");
        var declined = await LetterAsync(world.GuestA.Email, Notifier.B2bRequestAnswered, 2, "отклонила");
        Assert.Equal($"Компания {hostBName} отклонила запрос на B2B-встречу", declined.Subject);
        Assert.Contains($"Компания {hostBName} отклонила ваш запрос на B2B-встречу.", declined.TextBody, StringComparison.Ordinal);
        AssertLinkAndLanguage(declined, $"/b2b/requests/{toHostB}", "ru");

        // The schedule: every company of the session hears of it the first time, in its language, with its count of meetings.
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        async Task ScheduleAsync()
        {
            using var scheduled = await agency.SubmitFormAsync($"/b2b/sessions/{id}", "form[data-testid=schedule-form]", [new("KeepManual", "true")]);
            Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        }

        await ScheduleAsync();
        var published = await MailFolder.WaitForAsync(factory.DataPath, world.GuestA.Email, Notifier.B2bSchedulePublished);
        Assert.Equal($"Опубликовано расписание B2B-встреч миссии «{mission}»", published.Subject);
        Assert.Contains($"Агентство составило расписание B2B-встреч миссии «{mission}». Встреч вашей компании в расписании: 1.", published.TextBody, StringComparison.Ordinal);
        AssertLinkAndLanguage(published, $"/b2b/{id}/schedule", "ru");
        var inEnglish = await MailFolder.WaitForAsync(factory.DataPath, world.HostA.Email, Notifier.B2bSchedulePublished);
        Assert.Equal($"The B2B meeting schedule of “{mission}” is published", inEnglish.Subject);
        Assert.Contains("Your company's meetings in it: 1.", inEnglish.TextBody, StringComparison.Ordinal);
        AssertLinkAndLanguage(inEnglish, $"/b2b/{id}/schedule", "en");
        var none = await MailFolder.WaitForAsync(factory.DataPath, world.HostB.Email, Notifier.B2bSchedulePublished);
        Assert.Contains("Встреч вашей компании в расписании: 0.", none.TextBody, StringComparison.Ordinal);

        // Scheduling again changes nothing for anyone: nobody is told again.
        await ScheduleAsync();
        Task<int> NoticesAsync(string email) => factory.QueryAsync(db => db.Notifications.CountAsync(n => n.Kind == Notifier.B2bSchedulePublished && db.Users.Any(u => u.Id == n.UserId && u.Email == email)));
        Assert.Equal((1, 1, 1), (await NoticesAsync(world.GuestA.Email), await NoticesAsync(world.HostA.Email), await NoticesAsync(world.HostB.Email)));

        // Cancelled: the other side hears who cancelled.
        using (var cancelled = await guest.SubmitFormAsync($"/b2b/requests/{toHostA}/cancel", "form[data-testid=cancel-form]", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        }

        var cancellation = await MailFolder.WaitForAsync(factory.DataPath, world.HostA.Email, Notifier.B2bRequestCancelled);
        Assert.Equal($"{guestName} cancelled the B2B meeting", cancellation.Subject);
        Assert.Contains($"{guestName} cancelled its B2B meeting with you", cancellation.TextBody, StringComparison.Ordinal);
        AssertLinkAndLanguage(cancellation, $"/b2b/requests/{toHostA}", "en");
        Assert.Empty(Letters(world.GuestA.Email, Notifier.B2bRequestCancelled));

        // The schedule made again differs for the two companies of that meeting only: they alone hear that it changed.
        await ScheduleAsync();
        var changed = await LetterAsync(world.GuestA.Email, Notifier.B2bSchedulePublished, 2, "изменено");
        Assert.Equal($"Расписание B2B-встреч миссии «{mission}» изменено", changed.Subject);
        Assert.Contains("Встреч вашей компании в расписании: 0.", changed.TextBody, StringComparison.Ordinal);
        await MailFolder.WaitForAsync(factory.DataPath, world.HostA.Email, Notifier.B2bSchedulePublished, 2);
        Assert.Equal((2, 2, 1), (await NoticesAsync(world.GuestA.Email), await NoticesAsync(world.HostA.Email), await NoticesAsync(world.HostB.Email)));
        await Task.Delay(300);
        Assert.Single(Letters(world.HostB.Email, Notifier.B2bSchedulePublished));
    }

    [Fact]
    public async Task A_join_request_approved_or_declined_reaches_the_person_who_asked_in_their_language()
    {
        var company = await factory.QueryAsync(db => db.Organizations.Where(o => o.Name == DemoData.FirstKalugaCompanyName).Select(o => new { o.Id, o.Name, o.Inn, o.Ogrn, o.RegionId }).SingleAsync());
        async Task<string> AskToJoinAsync(string culture)
        {
            var email = $"colleague-{Guid.NewGuid():N}@okafarm.ru";
            var client = factory.CreatePortalClient();
            using (await client.SwitchLanguageAsync(culture, "/registration"))
            {
            }

            using var signUp = await client.SubmitFormAsync("/registration", "form[data-testid=signup-form]",
            [
                new("Email", email), new("Password", "Ока-фарм-2026-коллега"), new("CompanyName", "ОкаФарм"), new("Inn", company.Inn!), new("Ogrn", company.Ogrn!),
                new("RegionId", S(company.RegionId)), new("Industry", "Фармацевтика"), new("ContactPerson", "Коллегова Мария Ивановна"),
                new("ContactPhone", "8 (4842) 22-33-44"), new("PersonalDataConsent", "true"),
            ]);
            Assert.Equal(HttpStatusCode.Redirect, signUp.StatusCode);
            // The company sees the request once the address is confirmed from the letter.
            await factory.ConfirmSignUpAsync(email);
            return email;
        }

        var welcome = await AskToJoinAsync("en-US");
        var refused = await AskToJoinAsync("ru-RU");
        var requests = await factory.QueryAsync(db => db.CompanyJoinRequests.Where(r => r.OrganizationId == company.Id)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.Id, u.Email }).ToDictionaryAsync(r => r.Email!, r => r.Id));

        var main = factory.CreatePortalClient();
        await main.LoginAsAsync(DemoOptions.CompanyEmail);
        await PressAsync(main, "/company", $"/company/join-requests/{requests[welcome]}/approve");
        await PressAsync(main, "/company", $"/company/join-requests/{requests[refused]}/reject");

        var approved = await MailFolder.WaitForAsync(factory.DataPath, welcome, Notifier.JoinRequestDecided);
        Assert.Equal(welcome, Assert.Single(approved.To.Mailboxes).Address);
        Assert.Equal($"You have joined “{company.Name}”", approved.Subject);
        Assert.Contains($"Your request to join “{company.Name}” is approved", approved.TextBody, StringComparison.Ordinal);
        AssertLinkAndLanguage(approved, "/company", "en");

        var declined = await MailFolder.WaitForAsync(factory.DataPath, refused, Notifier.JoinRequestDecided);
        Assert.Equal($"Запрос на присоединение к компании {Quotes.Quote(company.Name)} отклонён", declined.Subject);
        Assert.Contains($"Ваш запрос на присоединение к компании {Quotes.Quote(company.Name)} отклонён.", declined.TextBody, StringComparison.Ordinal);
        AssertLinkAndLanguage(declined, "/", "ru");
        Assert.Single(Letters(welcome, Notifier.JoinRequestDecided));
    }

    [Fact]
    public async Task A_participant_approved_then_declined_is_told_to_the_company_that_applied_with_the_person_and_the_mission_named()
    {
        var mission = await factory.QueryAsync(db => db.Missions.Where(m => m.Title == DemoData.KalugaMissionTitle).Select(m => m.Id).SingleAsync());
        var company = factory.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);
        var surname = "Уведомляемый" + Guid.NewGuid().ToString("N")[..4];
        using (var applied = await company.SubmitFormAsync($"/applications/{mission}", "form[data-testid=apply-form]",
            [new("Surname", surname), new("GivenName", "Семён"), new("Patronymic", "Артёмович"), new("Position", "Инженер-технолог")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        }

        var person = await factory.QueryAsync(db => db.Participants.Where(p => p.Surname == surname).Select(p => p.Id).SingleAsync());
        // A letter names the person in the short form, in the nominative, with a status about the participation.
        var shortName = $"{surname}\u00A0С.\u00A0А.";
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var page = $"/missions/{mission}/participants";
        await PressAsync(agency, page, $"/participants/{person}/approve");
        Assert.Equal(ParticipantStatus.Approved, await factory.QueryAsync(db => db.Participants.Where(p => p.Id == person).Select(p => p.Status).SingleAsync()));
        await PressAsync(agency, page, $"/participants/{person}/decline");

        async Task<MimeMessage> LetterAsync(string subject)
        {
            var until = DateTime.UtcNow.AddSeconds(20);
            while (true)
            {
                var found = Letters(DemoOptions.CompanyEmail, Notifier.ParticipantDecided).Where(m => m.Subject == subject).ToList();
                if (found.Count > 0)
                {
                    return Assert.Single(found);
                }

                Assert.True(DateTime.UtcNow < until, $"No letter «{subject}» to {DemoOptions.CompanyEmail}.");
                await Task.Delay(50);
            }
        }

        var approved = await LetterAsync($"Участие подтверждено: {shortName}");
        Assert.Contains($"Агентство подтвердило участие в миссии «{DemoData.KalugaMissionTitle}»: {shortName}.", approved.TextBody, StringComparison.Ordinal);
        AssertLinkAndLanguage(approved, $"/applications/{mission}", "ru");
        var declined = await LetterAsync($"Участие отклонено: {shortName}");
        Assert.Contains($"Агентство отклонило участие в миссии «{DemoData.KalugaMissionTitle}»: {shortName}.", declined.TextBody, StringComparison.Ordinal);
        AssertLinkAndLanguage(declined, $"/applications/{mission}", "ru");
    }
}
