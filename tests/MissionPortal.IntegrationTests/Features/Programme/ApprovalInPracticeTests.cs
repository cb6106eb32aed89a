using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Programme;

/// <summary>
/// Approval as it is lived: open conflicts are named before a submission, an acceptance holds only for what it
/// accepted, the ministry's home shows what waits for it, the change list says each field before and after, and the
/// agency's home shows the ministry's return comment.
/// </summary>
public class ApprovalInPracticeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly HtmlParser Parser = new();

    private async Task<(HttpClient Agency, HttpClient Ministry, Scenario S)> StartAsync(string title)
    {
        var s = await Scenario.CreateAsync(factory, title + " " + Guid.NewGuid().ToString("N")[..6]);
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var ministry = factory.CreatePortalClient();
        await ministry.LoginAsAsync(DemoOptions.MinistryEmail);
        return (agency, ministry, s);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string url, params KeyValuePair<string, string>[] fields)
    {
        var token = await client.AntiforgeryTokenAsync(page);
        return await client.PostAsync(url, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }

    private static async Task AddOverlappingMeetingAsync(HttpClient agency, Scenario s, string start = "10:30", string end = "11:30")
    {
        using var added = await agency.SubmitFormAsync($"/programme/{s.MissionId}/items/new", "form[data-testid=item-form]",
        [
            new("Date", Scenario.Iso(Scenario.Day1)), new("Start", start), new("End", end), new("Kind", "Meeting"), new("Title", "Вторая встреча"),
            new("AttendeeScope", "WholeDelegation"), new("DelegationId", s.DelegationId.ToString(CultureInfo.InvariantCulture)),
            new("VenueId", s.HallId.ToString(CultureInfo.InvariantCulture)),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
    }

    private Task<MissionStatus> StatusAsync(Scenario s) =>
        factory.QueryAsync(db => db.Missions.Where(m => m.Id == s.MissionId).Select(m => m.Status).SingleAsync());

    [Fact]
    public async Task Submitting_with_open_conflicts_names_them_and_submits_only_once_confirmed()
    {
        var (agency, _, s) = await StartAsync("Конфликты при отправке");
        await AddOverlappingMeetingAsync(agency, s);
        var page = $"/programme/{s.MissionId}";

        using (var asked = await PostAsync(agency, page, $"/programme/{s.MissionId}/submit"))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            var question = Parser.ParseDocument(await asked.Content.ReadAsStringAsync());
            Assert.Contains("не признанные допустимыми: 2", question.QuerySelector("[data-testid=confirm-submit]")!.TextContent, StringComparison.Ordinal);
            var named = question.QuerySelectorAll("[data-testid=open-conflicts] li").Select(li => li.TextContent).ToList();
            Assert.Equal(2, named.Count);
            Assert.Contains(named, c => c.Contains("одновременно на площадке", StringComparison.Ordinal));
            Assert.Contains(named, c => c.Contains("одновременно в «Утренняя встреча» и «Вторая встреча»", StringComparison.Ordinal));
            Assert.Equal("true", question.QuerySelector("[data-testid=confirm-submit-form] input[name=Confirmed]")!.GetAttribute("value"));
        }

        Assert.Equal(MissionStatus.Draft, await StatusAsync(s));
        Assert.Equal(0, await factory.QueryAsync(db => db.ProgrammeReviews.CountAsync(r => r.MissionId == s.MissionId)));

        using (var confirmed = await PostAsync(agency, page, $"/programme/{s.MissionId}/submit", new KeyValuePair<string, string>("Confirmed", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        }

        Assert.Equal(MissionStatus.Submitted, await StatusAsync(s));
    }

    [Fact]
    public async Task An_acceptance_records_what_it_accepted_and_reopens_when_the_times_change()
    {
        var (agency, _, s) = await StartAsync("Принятие конфликта");
        await AddOverlappingMeetingAsync(agency, s);
        var page = $"/programme/{s.MissionId}";
        var programme = await agency.GetPageAsync(page);
        var key = programme.QuerySelectorAll("[data-testid=conflict]").First(c => c.TextContent.Contains("одновременно в", StringComparison.Ordinal)).GetAttribute("data-conflict-key")!;
        var venueKey = programme.QuerySelectorAll("[data-testid=conflict]").First(c => c.TextContent.Contains("на площадке", StringComparison.Ordinal)).GetAttribute("data-conflict-key")!;

        foreach (var (conflict, reason) in new[] { (key, "Делегация делится на две группы"), (venueKey, "Зал делится перегородкой") })
        {
            using var accepted = await PostAsync(agency, page, $"/programme/{s.MissionId}/acknowledge", new("ConflictKey", conflict), new("Reason", reason));
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var stored = await factory.QueryAsync(db => db.ConflictAcknowledgements.SingleAsync(a => a.MissionId == s.MissionId && a.ConflictKey == key));
        Assert.Contains("«Утренняя встреча» 10.03.2027 10:00–11:00", stored.Accepted, StringComparison.Ordinal);
        Assert.Contains("«Вторая встреча» 10.03.2027 10:30–11:30", stored.Accepted, StringComparison.Ordinal);
        Assert.Contains("Иванов Иван Иванович", stored.Accepted, StringComparison.Ordinal);
        var shown = (await agency.GetPageAsync(page)).QuerySelectorAll("[data-testid=conflict]").Single(c => c.GetAttribute("data-conflict-key") == key);
        Assert.Contains("10:30–11:30", shown.QuerySelector("[data-testid=accepted-what]")!.TextContent, StringComparison.Ordinal);

        // Everything accepted: the programme goes without a question.
        using (var submitted = await PostAsync(agency, page, $"/programme/{s.MissionId}/submit"))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        Assert.Equal(MissionStatus.Submitted, await StatusAsync(s));

        // The second meeting moves but still overlaps: the same conflicts, other times, so both are open again.
        var secondId = await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.MissionId == s.MissionId && i.Title == "Вторая встреча").Select(i => i.Id).SingleAsync());
        using (var moved = await agency.SubmitFormAsync(page, $"form[action='/programme/items/{secondId}/move']", [new("Date", Scenario.Iso(Scenario.Day1)), new("Start", "10:45")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        var after = await agency.GetPageAsync(page);
        var reopened = after.QuerySelectorAll("[data-testid=conflict]").Single(c => c.GetAttribute("data-conflict-key") == key);
        Assert.Null(reopened.QuerySelector("[data-testid=acknowledgement]"));
        Assert.Contains("10:30–11:30", reopened.QuerySelector("[data-testid=acceptance-reopened]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(reopened.QuerySelector("form input[name=Reason]"));
        Assert.Contains("Конфликты в программе: 2", after.QuerySelector("[data-testid=conflicts]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ministry_sees_what_waits_for_it_and_each_changed_field_before_and_after()
    {
        var (agency, ministry, s) = await StartAsync("Изменения по полям");
        var page = $"/programme/{s.MissionId}";
        var title = await factory.QueryAsync(db => db.Missions.Where(m => m.Id == s.MissionId).Select(m => m.Title).SingleAsync());

        (await PostAsync(agency, page, $"/programme/{s.MissionId}/submit")).Dispose();
        var home = await ministry.GetPageAsync("/");
        Assert.Contains(home.QuerySelectorAll("[data-testid=awaiting-programme]"), li => li.TextContent.Contains(title, StringComparison.Ordinal));
        var link = home.QuerySelectorAll("[data-testid=awaiting-programme] a").First(a => a.TextContent.Contains(title, StringComparison.Ordinal)).GetAttribute("href")!;
        Assert.Equal(page, link);

        (await PostAsync(ministry, page, $"/programme/{s.MissionId}/approve")).Dispose();
        home = await ministry.GetPageAsync("/");
        Assert.DoesNotContain(home.QuerySelectorAll("[data-testid=awaiting-programme], [data-testid=changed-programme]"), li => li.TextContent.Contains(title, StringComparison.Ordinal));
        Assert.Equal("Согласована", (await ministry.GetPageAsync($"/missions/details/{s.MissionId}")).QuerySelector("[data-testid=mission-status]")!.TextContent.Trim());

        // Saving the form as it is changes nothing and records nothing.
        var edit = $"/programme/items/{s.MorningItemId}/edit";
        var form = (await agency.GetPageAsync(edit)).QuerySelector("form[data-testid=item-form]")!;
        using (var unchanged = await agency.SubmitFormAsync(edit, "form[data-testid=item-form]", FormFields.Of(form)))
        {
            Assert.Equal(HttpStatusCode.Redirect, unchanged.StatusCode);
        }

        Assert.Equal(0, await factory.QueryAsync(db => db.ProgrammeChanges.CountAsync(c => c.MissionId == s.MissionId)));

        // A new title, another hour and another room: three fields, each before and after.
        var fields = FormFields.Of((await agency.GetPageAsync(edit)).QuerySelector("form[data-testid=item-form]")!)
            .With(("Title", "Утренняя встреча с министром"), ("Start", "11:00"), ("End", "12:00"), ("VenueId", s.SmallRoomId.ToString(CultureInfo.InvariantCulture)));
        using (var changed = await agency.SubmitFormAsync(edit, "form[data-testid=item-form]", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        var changes = await factory.QueryAsync(db => db.ProgrammeChanges.Where(c => c.MissionId == s.MissionId).OrderBy(c => c.Id)
            .Select(c => new { c.Kind, c.Before, c.After }).ToListAsync());
        Assert.Equal([ProgrammeChangeKind.Renamed, ProgrammeChangeKind.Moved, ProgrammeChangeKind.VenueChanged], changes.Select(c => c.Kind));
        Assert.All(changes, c => Assert.NotEqual(c.Before, c.After));

        var list = await ministry.GetPageAsync($"/programme/{s.MissionId}/changes");
        var rows = list.QuerySelectorAll("[data-testid=changes] tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Contains(rows, r => r[0] == "Изменено название" && r[2] == "Утренняя встреча" && r[3] == "Утренняя встреча с министром");
        Assert.Contains(rows, r => r[0] == "Перенесён" && r[2] == "10.03.2027 10:00–11:00" && r[3] == "10.03.2027 11:00–12:00");
        Assert.Contains(rows, r => r[0] == "Изменена площадка" && r[2].StartsWith("Зал ", StringComparison.Ordinal) && r[3].StartsWith("Переговорная ", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.NotEqual(r[2], r[3]));

        // Changed after approval: waiting for the ministry again, and nowhere «Согласована».
        home = await ministry.GetPageAsync("/");
        var waiting = home.QuerySelectorAll("[data-testid=changed-programme] a").Single(a => a.TextContent.Contains(title, StringComparison.Ordinal));
        Assert.Equal($"/programme/{s.MissionId}/changes", waiting.GetAttribute("href"));
        Assert.Equal("Изменена после согласования", (await ministry.GetPageAsync($"/missions/details/{s.MissionId}")).QuerySelector("[data-testid=mission-status]")!.TextContent.Trim());
        Assert.Equal("Изменена после согласования", (await ministry.GetPageAsync(page)).QuerySelector("[data-testid=mission-status]")!.TextContent.Trim());
        var listed = (await agency.GetPageAsync("/missions")).QuerySelectorAll("[data-testid=missions] tbody tr").Single(r => r.TextContent.Contains(title, StringComparison.Ordinal));
        Assert.Equal("Изменена после согласования", listed.QuerySelector("[data-testid=mission-status]")!.TextContent.Trim());

        (await PostAsync(ministry, page, $"/programme/{s.MissionId}/approve")).Dispose();
        Assert.DoesNotContain((await ministry.GetPageAsync("/")).QuerySelectorAll("[data-testid=changed-programme]"), li => li.TextContent.Contains(title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_ministrys_return_comment_is_on_the_agencys_home_until_the_programme_goes_again()
    {
        var (agency, ministry, s) = await StartAsync("Возврат с комментарием");
        var page = $"/programme/{s.MissionId}";
        var title = await factory.QueryAsync(db => db.Missions.Where(m => m.Id == s.MissionId).Select(m => m.Title).SingleAsync());
        (await PostAsync(agency, page, $"/programme/{s.MissionId}/submit")).Dispose();
        (await PostAsync(ministry, page, $"/programme/{s.MissionId}/return", new KeyValuePair<string, string>("Comment", "Добавьте обед во второй день"))).Dispose();

        var home = await agency.GetPageAsync("/");
        var returned = home.QuerySelectorAll("[data-testid=returned-programme]").Single(li => li.TextContent.Contains(title, StringComparison.Ordinal));
        Assert.Contains("«Добавьте обед во второй день»", returned.QuerySelector("[data-testid=return-comment]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(page, returned.QuerySelector("a")!.GetAttribute("href"));

        (await PostAsync(agency, page, $"/programme/{s.MissionId}/submit")).Dispose();
        Assert.DoesNotContain((await agency.GetPageAsync("/")).QuerySelectorAll("[data-testid=returned-programme]"), li => li.TextContent.Contains(title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_agencys_dashboard_counters_lead_to_the_work()
    {
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var s = await Scenario.CreateAsync(factory, "Счётчики " + Guid.NewGuid().ToString("N")[..6]);
        await factory.QueryAsync(async db =>
        {
            var person = await db.Participants.AsTracking().SingleAsync(p => p.Id == s.PeopleIds[3]);
            person.MarkPending();
            await db.SaveChangesAsync();
            return 0;
        });

        var card = (await agency.GetPageAsync("/")).QuerySelector("[data-testid=awaiting-approval]")!;
        var pending = card.QuerySelectorAll("[data-testid=pending-participants] a").Single(a => a.GetAttribute("href") == $"/missions/{s.MissionId}/participants");
        Assert.NotNull(pending);
        var links = card.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Distinct().ToList();
        Assert.Contains("/companies", links);
        foreach (var href in links)
        {
            await agency.GetPageAsync(href);
        }
    }
}
