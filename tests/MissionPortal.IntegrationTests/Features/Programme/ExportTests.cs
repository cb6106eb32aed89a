using System.Net;
using System.Text.RegularExpressions;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data.Demo;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Programme;

/// <summary>The programme as iCalendar at a stable address, and on paper.</summary>
[Collection(PortalCollection.Name)]
public class ExportTests(PortalFactory factory)
{
    private Task<(int Id, string Token)> KalugaAsync() => factory.QueryAsync(db => db.Missions.Where(m => m.Title == DemoData.KalugaMissionTitle)
        .Select(m => new ValueTuple<int, string>(m.Id, m.CalendarToken)).SingleAsync());

    [Fact]
    public async Task A_calendar_app_reads_the_whole_programme_without_signing_in_in_Krasnoyarsk_time()
    {
        var (id, token) = await KalugaAsync();
        var anonymous = factory.CreatePortalClient();

        using var response = await anonymous.GetAsync($"/calendar/{token}.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var items = await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.MissionId == id).Select(i => new { i.Title, i.Date, i.Start }).ToListAsync());
        Assert.Equal(items.Count, calendar.Events.Count);
        var transfer = calendar.Events.Single(e => e.Summary == "Трансфер Красноярск — Железногорск");
        Assert.Equal("Asia/Krasnoyarsk", transfer.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 12, 11, 8, 30, 0), transfer.DtStart.Value);
        Assert.Equal(new DateTime(2026, 12, 11, 1, 30, 0, DateTimeKind.Utc), transfer.DtStart.AsUtc);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Asia/Krasnoyarsk");
    }

    [Fact]
    public async Task The_feed_defines_its_zone_with_standard_time_and_names_each_kind_in_Russian()
    {
        var (_, token) = await KalugaAsync();

        var text = await factory.CreatePortalClient().GetStringAsync($"/calendar/{token}.ics");

        // Outlook refuses a VTIMEZONE that has no STANDARD or DAYLIGHT part: Krasnoyarsk is UTC+7 all year.
        var zone = Regex.Match(text, "BEGIN:VTIMEZONE.*?END:VTIMEZONE", RegexOptions.Singleline).Value;
        Assert.Contains("TZID:Asia/Krasnoyarsk", zone, StringComparison.Ordinal);
        Assert.Contains("BEGIN:STANDARD", zone, StringComparison.Ordinal);
        Assert.Contains("TZOFFSETTO:+0700", zone, StringComparison.Ordinal);
        Assert.Contains("METHOD:PUBLISH", text, StringComparison.Ordinal);
        var calendar = Calendar.Load(text)!;
        var transfer = calendar.Events.Single(e => e.Summary == "Трансфер Красноярск — Железногорск");
        Assert.Equal(["Трансфер"], transfer.Categories);
        Assert.DoesNotContain(calendar.Events.SelectMany(e => e.Categories), c => Regex.IsMatch(c, "^[A-Za-z]+$"));
    }

    [Fact]
    public async Task A_moved_item_comes_with_a_higher_sequence_so_calendars_take_the_new_time()
    {
        var s = await Scenario.CreateAsync(factory, "Календарь " + Guid.NewGuid().ToString("N")[..6]);
        var token = await factory.QueryAsync(db => db.Missions.Where(m => m.Id == s.MissionId).Select(m => m.CalendarToken).SingleAsync());
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var feed = factory.CreatePortalClient();
        async Task<CalendarEvent> MorningAsync() =>
            Calendar.Load(await feed.GetStringAsync($"/calendar/{token}.ics"))!.Events.Single(e => e.Uid == $"programme-item-{s.MorningItemId}@missionportal");

        var before = await MorningAsync();
        var version = await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.Id == s.MorningItemId).Select(i => i.Version).SingleAsync());
        var antiforgery = await agency.AntiforgeryTokenAsync($"/programme/{s.MissionId}");
        using (var moved = await agency.PostAsync($"/programme/items/{s.MorningItemId}/move", new FormUrlEncodedContent(
            [new("Date", Scenario.Iso(Scenario.Day1)), new("Start", "11:30"), new("Version", version.ToString()), new("__RequestVerificationToken", antiforgery)])))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        var after = await MorningAsync();
        Assert.Equal(0, before.Sequence);
        Assert.Equal(new DateTime(2027, 3, 10, 11, 30, 0), after.DtStart!.Value);
        Assert.Equal(1, after.Sequence);
        // The other items, untouched, keep theirs.
        var others = Calendar.Load(await feed.GetStringAsync($"/calendar/{token}.ics"))!.Events.Where(e => e.Uid != after.Uid);
        Assert.All(others, e => Assert.Equal(0, e.Sequence));
    }

    [Fact]
    public async Task A_participants_feed_holds_only_their_items_and_a_wrong_token_is_404()
    {
        var petersburg = await factory.QueryAsync(db => db.Missions.Where(m => m.Title == DemoData.PetersburgMissionTitle).Select(m => new { m.Id, m.CalendarToken }).SingleAsync());
        // An official of the delegation: not in the cluster's group, so not on its hospital visits.
        var official = await factory.QueryAsync(db => db.Participants.Where(p => p.Surname == "Орлов").Select(p => p.Id).SingleAsync());
        var anonymous = factory.CreatePortalClient();

        using var response = await anonymous.GetAsync($"/calendar/{petersburg.CalendarToken}/participant/{official}.ics");
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var all = await factory.QueryAsync(db => db.ProgrammeItems.CountAsync(i => i.MissionId == petersburg.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(calendar.Events.Count, 3, all - 1);
        Assert.Contains(calendar.Events, e => e.Summary!.Contains("Мемориалу Победы", StringComparison.Ordinal));
        Assert.DoesNotContain(calendar.Events, e => e.Summary!.Contains("онкологический", StringComparison.OrdinalIgnoreCase));
        using var wrong = await anonymous.GetAsync("/calendar/0123456789abcdef0123456789abcdef.ics");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        using var notInMission = await anonymous.GetAsync($"/calendar/{petersburg.CalendarToken}/participant/999999.ics");
        Assert.Equal(HttpStatusCode.NotFound, notInMission.StatusCode);
    }

    [Fact]
    public async Task Staff_find_each_participants_feed_on_the_mission_page_and_companies_do_not()
    {
        var (id, _) = await KalugaAsync();
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var company = factory.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);

        var links = (await agency.GetPageAsync($"/missions/details/{id}")).QuerySelectorAll("a[href$='.ics']").Select(a => a.GetAttribute("href")!).ToList();
        var companyLinks = (await company.GetPageAsync($"/missions/details/{id}")).QuerySelectorAll("a[href$='.ics']");

        Assert.True(links.Count >= 11, $"{links.Count} feed links");
        Assert.Empty(companyLinks);
        using var feed = await factory.CreatePortalClient().GetAsync(links[0]);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.NotEmpty(Calendar.Load(await feed.Content.ReadAsStringAsync())!.Events);
    }

    [Fact]
    public async Task The_print_view_lists_each_day_and_a_company_prints_only_its_own_missions()
    {
        var (id, _) = await KalugaAsync();
        var petersburg = await factory.QueryAsync(db => db.Missions.Where(m => m.Title == DemoData.PetersburgMissionTitle).Select(m => m.Id).SingleAsync());
        var company = factory.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);

        var print = await company.GetPageAsync($"/programme/{id}/print");
        await company.GetPageAsync($"/programme/{petersburg}/print", HttpStatusCode.NotFound);

        var days = print.QuerySelectorAll(".print-day");
        Assert.Equal(2, days.Length);
        Assert.Contains("11 декабря", days[1].QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("08:30–09:30", days[1].TextContent, StringComparison.Ordinal);
        Assert.Null(print.QuerySelector("form[action*='/move']"));
    }
}
