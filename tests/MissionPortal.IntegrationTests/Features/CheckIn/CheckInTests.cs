using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data.Demo;
using MissionPortal.IntegrationTests.Features.Rosters;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Database;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace MissionPortal.IntegrationTests.Features.CheckIn;

/// <summary>Badges with a signed check-in link, the check-in page, and attendance per programme item.</summary>
public class CheckInTests(ClockFactory factory) : IClassFixture<ClockFactory>
{
    /// <summary>18 November 2026, 10:00 in Krasnoyarsk: the hospital visit (09:30–11:30) is running.</summary>
    private static readonly DateTimeOffset DuringHospitalVisit = new(2026, 11, 18, 3, 0, 0, TimeSpan.Zero);

    private async Task<HttpClient> ClientAsync(string email = DemoOptions.AgencyEmail)
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(email);
        return client;
    }

    private async Task<string> LinkAsync(string surname, string missionTitle = DemoData.PetersburgMissionTitle)
    {
        var ids = await factory.QueryAsync(db => db.Participants.Where(p => p.Surname == surname)
            .Select(p => new { p.Id, MissionId = db.Missions.Where(m => m.Title == missionTitle).Select(m => m.Id).Single() }).FirstAsync());
        var links = factory.Services.GetRequiredService<CheckInLinks>();
        return "/check-in?t=" + Uri.EscapeDataString(links.Token(ids.Id, ids.MissionId));
    }

    [Fact]
    public async Task A_badge_sheet_has_a_badge_per_person_with_a_link_that_checks_the_person_in_at_the_running_item()
    {
        factory.Clock.UtcNow = DuringHospitalVisit;
        var client = await ClientAsync();
        var delegation = await RosterData.PetersburgAsync(factory);
        var visit = await RosterData.ItemAsync(factory, RosterData.OncologyVisit);
        var gavrilova = await factory.QueryAsync(db => db.Participants.Where(p => p.Surname == "Гаврилова").Select(p => p.Id).SingleAsync());

        using var response = await client.GetAsync($"/rosters/{delegation}/badges");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, pdf.NumberOfPages);
        var page = pdf.GetPage(1);
        var text = ContentOrderTextExtractor.GetText(page);
        Assert.Contains("Гаврилова", text, StringComparison.Ordinal);
        Assert.Contains("Анастасия Вячеславовна", text, StringComparison.Ordinal);
        Assert.Contains("Культурно-деловой визит", text, StringComparison.Ordinal);
        var links = page.GetHyperlinks().Select(h => new Uri(h.Uri!)).ToList();
        Assert.Equal(7, links.Count);
        Assert.All(links, l => Assert.Equal("/check-in", l.AbsolutePath));
        Assert.Equal(7, links.Distinct().Count());

        // The fifth badge in roster order is Гаврилова's: scanning it opens her check-in with the hospital visit chosen.
        var form = await client.GetPageAsync(links[4].PathAndQuery);
        Assert.Equal("Гаврилова Анастасия Вячеславовна", form.QuerySelector("[data-testid=check-in-name]")!.TextContent.Trim());
        Assert.Equal(visit.ToString(System.Globalization.CultureInfo.InvariantCulture), form.QuerySelector("select[name=ItemId] option[selected]")!.GetAttribute("value"));

        using var checkIn = await client.SubmitFormAsync(links[4].PathAndQuery, "form[data-testid=check-in-form]", [new("ItemId", $"{visit}")]);

        Assert.Equal(HttpStatusCode.Redirect, checkIn.StatusCode);
        var missionId = await factory.QueryAsync(db => db.Missions.Where(m => m.Title == DemoData.PetersburgMissionTitle).Select(m => m.Id).SingleAsync());
        Assert.Equal($"/check-in/mission/{missionId}?itemId={visit}", checkIn.Headers.Location!.OriginalString);
        var stored = await factory.QueryAsync(db => db.Attendances.Where(a => a.ParticipantId == gavrilova).Select(a => new { a.ProgrammeItemId, a.CheckedInAtUtc, a.By }).SingleAsync());
        Assert.Equal(visit, stored.ProgrammeItemId);
        Assert.Equal(DuringHospitalVisit.UtcDateTime, stored.CheckedInAtUtc);
        Assert.False(string.IsNullOrWhiteSpace(stored.By));

        var attendance = await client.GetPageAsync(checkIn.Headers.Location.OriginalString);
        var present = attendance.QuerySelectorAll("[data-testid=attendance-person]").Single(r => r.TextContent.Contains("Гаврилова", StringComparison.Ordinal));
        Assert.Contains("присутствует, 10:00", present.QuerySelector("[data-testid=attendance-mark]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Присутствие отмечено: ", attendance.QuerySelector("[data-testid=message]")!.TextContent, StringComparison.Ordinal);
        var row = attendance.QuerySelectorAll("[data-testid=attendance-item]").Single(r => r.TextContent.Contains("онкологический", StringComparison.Ordinal));
        Assert.Equal("1 / 5", row.QuerySelector("[data-testid=attendance-count]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_second_scan_keeps_one_mark_and_a_bad_item_is_refused_in_Russian()
    {
        factory.Clock.UtcNow = DuringHospitalVisit;
        var client = await ClientAsync();
        var link = await LinkAsync("Чихман");
        var visit = await RosterData.ItemAsync(factory, RosterData.OncologyVisit);
        var kalugaItem = await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.Mission!.Title == DemoData.KalugaMissionTitle).Select(i => i.Id).FirstAsync());
        var chikhman = await factory.QueryAsync(db => db.Participants.Where(p => p.Surname == "Чихман").Select(p => p.Id).SingleAsync());

        foreach (var item in new[] { string.Empty, $"{kalugaItem}", "abc" })
        {
            using var bad = await client.SubmitFormAsync(link, "form[data-testid=check-in-form]", [new("ItemId", item)]);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var page = new HtmlParser().ParseDocument(await bad.Content.ReadAsStringAsync());
            Assert.Contains("Выберите пункт программы этой миссии.", page.QuerySelector("form[data-testid=check-in-form]")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(0, await factory.QueryAsync(db => db.Attendances.CountAsync(a => a.ParticipantId == chikhman)));

        using (var first = await client.SubmitFormAsync(link, "form[data-testid=check-in-form]", [new("ItemId", $"{visit}")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var second = await client.SubmitFormAsync(link, "form[data-testid=check-in-form]", [new("ItemId", $"{visit}")]);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await factory.QueryAsync(db => db.Attendances.CountAsync(a => a.ParticipantId == chikhman)));
        Assert.Contains("уже отмечено", (await client.GetPageAsync(second.Headers.Location!.OriginalString)).QuerySelector("[data-testid=message]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_or_altered_link_is_refused_and_only_agency_staff_check_people_in()
    {
        factory.Clock.UtcNow = DuringHospitalVisit;
        var agency = await ClientAsync();
        var link = await LinkAsync("Козлов");
        var altered = link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..];
        var kozlov = await factory.QueryAsync(db => db.Participants.Where(p => p.Surname == "Козлов").Select(p => p.Id).SingleAsync());
        var kalugaMission = await factory.QueryAsync(db => db.Missions.Where(m => m.Title == DemoData.KalugaMissionTitle).Select(m => m.Id).SingleAsync());
        var otherMission = "/check-in?t=" + factory.Services.GetRequiredService<CheckInLinks>().Token(kozlov, kalugaMission);

        foreach (var url in new[] { altered, "/check-in?t=forged-token", otherMission, "/check-in?t=" + new string('A', 2000), "/check-in" })
        {
            using var response = await agency.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var token = await agency.AntiforgeryTokenAsync(link);
        using (var post = await agency.PostAsync(altered, new FormUrlEncodedContent([new("ItemId", "1"), new("__RequestVerificationToken", token)])))
        {
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        foreach (var email in new[] { DemoOptions.MinistryEmail, DemoOptions.CompanyEmail })
        {
            var client = await ClientAsync(email);
            using var response = await client.GetAsync(link);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var anonymous = await factory.CreatePortalClient().GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.Attendances.CountAsync(a => a.ParticipantId == kozlov)));
    }

    /// <summary>
    /// The Petersburg mission's last day is 18 November 2026 in Krasnoyarsk (UTC+7): its badges check people in through
    /// the 19th, a day of grace, and from midnight on say that the mission is over, to anyone, in their language.
    /// </summary>
    [Fact]
    public async Task A_link_works_through_the_day_after_the_mission_and_then_says_in_Russian_or_English_that_the_mission_is_over()
    {
        var link = await LinkAsync("Козлов");
        var kozlov = await factory.QueryAsync(db => db.Participants.Where(p => p.Surname == "Козлов").Select(p => p.Id).SingleAsync());
        var visit = await RosterData.ItemAsync(factory, RosterData.OncologyVisit);
        factory.Clock.UtcNow = new DateTimeOffset(2026, 11, 19, 16, 59, 0, TimeSpan.Zero);   // 19 November, 23:59 in Krasnoyarsk
        var agency = await ClientAsync();
        Assert.NotNull((await agency.GetPageAsync(link)).QuerySelector("[data-testid=check-in-form]"));
        var token = await agency.AntiforgeryTokenAsync(link);

        factory.Clock.UtcNow = new DateTimeOffset(2026, 11, 19, 17, 0, 0, TimeSpan.Zero);    // 20 November, 00:00
        var expired = await agency.GetPageAsync(link, HttpStatusCode.Gone);
        Assert.Contains("Миссия завершилась 18.11.2026", expired.QuerySelector("[data-testid=check-in-expired]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(expired.QuerySelector("[data-testid=check-in-form]"));
        Assert.DoesNotContain("Козлов", expired.Body!.TextContent, StringComparison.Ordinal);
        using (var post = await agency.PostAsync(link, new FormUrlEncodedContent([new("ItemId", $"{visit}"), new("__RequestVerificationToken", token)])))
        {
            Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        }

        Assert.Equal(0, await factory.QueryAsync(db => db.Attendances.CountAsync(a => a.ParticipantId == kozlov && a.ProgrammeItemId == visit)));

        // Whoever finds a lost badge and scans it is told the same, not sent to sign in; in English when they chose it.
        var stranger = factory.CreatePortalClient();
        Assert.Contains("Ссылка больше не действует", (await stranger.GetPageAsync(link, HttpStatusCode.Gone)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        using (await stranger.SwitchLanguageAsync("en-US"))
        {
        }

        var english = (await stranger.GetPageAsync(link, HttpStatusCode.Gone)).QuerySelector("[data-testid=check-in-expired]")!.TextContent;
        Assert.Contains("This link no longer works", english, StringComparison.Ordinal);
        Assert.Contains("The mission ended on 11/18/2026", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_the_programme_nothing_is_preselected_and_the_staff_choose_the_item()
    {
        factory.Clock.UtcNow = new DateTimeOffset(2026, 11, 18, 20, 0, 0, TimeSpan.Zero);
        var client = await ClientAsync();

        var page = await client.GetPageAsync(await LinkAsync("Орлов"));

        Assert.NotNull(page.QuerySelector("[data-testid=no-current-item]"));
        Assert.Null(page.QuerySelector("select[name=ItemId] option[selected][value]:not([value=''])"));
        Assert.True(page.QuerySelectorAll("select[name=ItemId] option").Length > 10);
    }

    [Fact]
    public async Task Eleven_people_make_two_badge_sheets()
    {
        var client = await ClientAsync(DemoOptions.MinistryEmail);
        var scenario = await Scenario.CreateAsync(factory, "Бейджи " + Guid.NewGuid().ToString("N")[..6]);
        var big = await RosterData.LargeDelegationAsync(factory, 11);

        using var four = PdfDocument.Open(await client.GetByteArrayAsync($"/rosters/{scenario.DelegationId}/badges"));
        using var eleven = PdfDocument.Open(await client.GetByteArrayAsync($"/rosters/{big}/badges"));

        Assert.Equal(1, four.NumberOfPages);
        Assert.Equal(4, four.GetPage(1).GetHyperlinks().Count);
        Assert.Contains("Ёлкина", ContentOrderTextExtractor.GetText(four.GetPage(1)), StringComparison.Ordinal);
        Assert.Equal(2, eleven.NumberOfPages);
        Assert.Equal(10, eleven.GetPage(1).GetHyperlinks().Count);
        Assert.Contains("Ёжикова-Щукина", ContentOrderTextExtractor.GetText(eleven.GetPage(2)), StringComparison.Ordinal);
    }
}
