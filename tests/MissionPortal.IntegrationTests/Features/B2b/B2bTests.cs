using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Core.Domain.Common;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.B2b;

/// <summary>The B2B journeys through HTTP, and the rules: sides, duplicates, the request window, others' requests, conflicts.</summary>
public class B2bTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_agency_sets_up_a_session_on_a_B2B_item_and_bad_input_changes_nothing()
    {
        var world = await B2bWorld.CreateAsync(factory, withSession: false);
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var url = $"/b2b/sessions/new?itemId={world.ItemId}";

        using var bad = await agency.SubmitFormAsync(url, "form[data-testid=session-form]",
        [
            new("Start", "10:00"), new("End", "11:00"), new("MeetingMinutes", "40"), new("PauseMinutes", "0"), new("Tables", "3"),
            new("RequestsOpen", "2026-11-01T09:00"), new("RequestsClose", "2026-10-01T09:00"),
        ]);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await bad.Content.ReadAsStringAsync());
        var errors = page.QuerySelector("[data-testid=session-errors]")!.TextContent;
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Встреча длится от 15 до 30 минут.", errors, StringComparison.Ordinal);
        Assert.Contains("Выберите закрытие приёма запросов позже его открытия.", errors, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.B2bSessions.AnyAsync(s => s.ProgrammeItemId == world.ItemId)));

        using var outside = await agency.SubmitFormAsync(url, "form[data-testid=session-form]",
        [
            new("Start", "09:00"), new("End", "11:00"), new("MeetingMinutes", "20"), new("PauseMinutes", "0"), new("Tables", "3"),
            new("RequestsOpen", "2026-11-01T09:00"), new("RequestsClose", "2026-12-01T18:00"),
        ]);
        Assert.Contains("Время сессии должно быть внутри пункта программы: 10:00–11:00.", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var good = await agency.SubmitFormAsync(url, "form[data-testid=session-form]",
        [
            new("Start", "10:00"), new("End", "11:00"), new("MeetingMinutes", "15"), new("PauseMinutes", "5"), new("Tables", "4"),
            new("RequestsOpen", "2026-11-01T09:00"), new("RequestsClose", "2026-12-01T18:00"),
            new("Breaks[0].Start", "10:20"), new("Breaks[0].End", "10:30"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);

        var session = await factory.QueryAsync(db => db.B2bSessions.SingleAsync(s => s.ProgrammeItemId == world.ItemId));
        Assert.Equal((15, 5, 4), (session.MeetingMinutes, session.PauseMinutes, session.Tables));
        // Entered in Krasnoyarsk time (UTC+7), stored in UTC.
        Assert.Equal(new DateTime(2026, 11, 1, 2, 0, 0), session.RequestsOpenUtc);
        Assert.Equal(new DateTime(2026, 12, 1, 11, 0, 0), session.RequestsCloseUtc);
        // 10:00–10:15, then the break 10:20–10:30 pushes the next meeting to 10:30, then 10:30–10:45.
        Assert.Equal(["10:00", "10:30"], session.Slots().Select(s => s.Start.ToString("HH:mm", CultureInfo.InvariantCulture)));

        var details = await agency.GetPageAsync(good.Headers.Location!.OriginalString);
        Assert.Equal(2, details.QuerySelectorAll("[data-testid=meeting-grid] tbody tr").Length);
        Assert.Equal(4, details.QuerySelectorAll("[data-testid=meeting-grid] tbody tr:first-child td").Length);
    }

    [Fact]
    public async Task Host_and_guest_join_the_guest_asks_the_host_accepts_the_agency_schedules_and_both_see_the_slot()
    {
        var world = await B2bWorld.CreateAsync(factory);
        var id = world.SessionId!.Value;
        var hostA = await world.HostA.ClientAsync(factory);
        var hostB = await world.HostB.ClientAsync(factory);
        var guest = await world.GuestA.ClientAsync(factory);

        await JoinAsync(hostA, id, needs: ["Инфузионные растворы"], contact: "Иванова Ирина Петровна");
        await JoinAsync(hostB, id, needs: ["Мебель офисная"], contact: "Петров Пётр");
        // The guest's form starts from its profile: its products' category is ticked as an offer.
        var join = await guest.GetPageAsync($"/b2b/{id}/join");
        Assert.True(join.QuerySelector("input[name=OfferCategories][value='Инфузионные растворы']")!.HasAttribute("checked"));
        await JoinAsync(guest, id, offers: ["Инфузионные растворы"], contact: "Гостев Антон");

        var sides = await factory.QueryAsync(db => db.B2bParticipations.Where(p => p.SessionId == id)
            .ToDictionaryAsync(p => p.OrganizationId, p => p.Side));
        Assert.Equal(B2bSide.Host, sides[world.HostA.Id]);
        Assert.Equal(B2bSide.Guest, sides[world.GuestA.Id]);

        // The guest sees the host side only, the host whose needs match its offers first and marked as a suggestion.
        var companies = await guest.GetPageAsync($"/b2b/{id}/companies");
        var cards = companies.QuerySelectorAll("[data-testid=company-card]");
        Assert.Equal(2, cards.Length);
        Assert.Contains(world.HostA.Name, cards[0].TextContent, StringComparison.Ordinal);
        Assert.NotNull(cards[0].QuerySelector("[data-testid=suggested]"));
        Assert.Null(cards[1].QuerySelector("[data-testid=suggested]"));

        var hostAParticipation = await ParticipationAsync(id, world.HostA.Id);
        using var sent = await SendAsync(guest, id, hostAParticipation, "Предлагаем растворы для больничных аптек");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var request = await factory.QueryAsync(db => db.MeetingRequests.SingleAsync(r => r.SessionId == id));
        Assert.Equal((MeetingRequestStatus.Pending, "Предлагаем растворы для больничных аптек"), (request.Status, request.Message));

        var hub = await hostA.GetPageAsync($"/b2b/{id}");
        Assert.Contains(world.GuestA.Name, hub.QuerySelector("[data-testid=incoming]")!.TextContent, StringComparison.Ordinal);
        using var accepted = await PostAsync(hostA, $"/b2b/{id}", $"/b2b/requests/{request.Id}/accept");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(MeetingRequestStatus.Accepted, await factory.QueryAsync(db => db.MeetingRequests.Where(r => r.Id == request.Id).Select(r => r.Status).SingleAsync()));

        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        using var scheduled = await agency.SubmitFormAsync($"/b2b/sessions/{id}", "form[data-testid=schedule-form]", [new("KeepManual", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var meeting = await factory.QueryAsync(db => db.B2bMeetings.SingleAsync(m => m.RequestId == request.Id));
        Assert.Equal((new TimeOnly(10, 0), 1), (meeting.Start, meeting.Table));

        foreach (var (client, other, contact) in new[] { (guest, world.HostA.Name, "Иванова Ирина Петровна"), (hostA, world.GuestA.Name, "Гостев Антон") })
        {
            var schedule = await client.GetPageAsync($"/b2b/{id}/schedule");
            var row = schedule.QuerySelector("[data-testid=schedule] tbody tr")!.TextContent;
            Assert.Contains("10:00–10:20", row, StringComparison.Ordinal);
            Assert.Contains(other, row, StringComparison.Ordinal);
            Assert.Contains(contact, row, StringComparison.Ordinal);
            Assert.Contains("+7 391 265-14-08", row, StringComparison.Ordinal);

            using var ics = await client.GetAsync($"/b2b/{id}/schedule.ics");
            Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
            var text = (await ics.Content.ReadAsStringAsync()).Replace("\r\n ", string.Empty, StringComparison.Ordinal);
            Assert.Contains("DTSTART;TZID=Asia/Krasnoyarsk:" + meetingDate(world) + "T100000", text, StringComparison.Ordinal);
            Assert.Contains(other, text, StringComparison.Ordinal);
            Assert.Contains("+7 391 265-14-08", text, StringComparison.Ordinal);
        }

        var plan = await agency.GetPageAsync($"/b2b/sessions/{id}/plan");
        var firstSlot = plan.QuerySelector("[data-testid=plan-slot]")!.TextContent;
        Assert.Contains(world.HostA.Name, firstSlot, StringComparison.Ordinal);
        Assert.Contains("Гостев Антон", firstSlot, StringComparison.Ordinal);
        Assert.Contains("+7 391 265-14-08", firstSlot, StringComparison.Ordinal);
        Assert.DoesNotContain("+73912651408", firstSlot, StringComparison.Ordinal);
        Assert.Equal("+73912651408", await factory.QueryAsync(db => db.B2bParticipations.Where(p => p.SessionId == id && p.OrganizationId == world.GuestA.Id).Select(p => p.ContactPhone).SingleAsync()));

        static string meetingDate(B2bWorld w) => MissionPortal.Core.Domain.Common.HostCalendar.Today(TimeProvider.System).AddDays(-1).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Requests_to_ones_own_side_to_oneself_or_twice_are_refused_with_a_reason_and_nothing_is_stored()
    {
        var world = await B2bWorld.CreateAsync(factory);
        var id = world.SessionId!.Value;
        var guestA = await world.GuestA.ClientAsync(factory);
        var guestB = await world.GuestB.ClientAsync(factory);
        var host = await world.HostA.ClientAsync(factory);
        await JoinAsync(guestA, id, offers: ["Инфузионные растворы"]);
        await JoinAsync(guestB, id, offers: ["Мебель"]);
        await JoinAsync(host, id, needs: ["Мебель"]);
        var (a, b, h) = (await ParticipationAsync(id, world.GuestA.Id), await ParticipationAsync(id, world.GuestB.Id), await ParticipationAsync(id, world.HostA.Id));

        await AssertRefusedAsync(guestA, id, b, "Встречи назначаются с компаниями другой стороны");
        await AssertRefusedAsync(guestA, id, a, "Нельзя назначить встречу своей же компании.");

        using (var first = await SendAsync(guestA, id, h, null))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        await AssertRefusedAsync(guestA, id, h, $"Вы уже отправили запрос компании {world.HostA.Name}.");
        await AssertRefusedAsync(host, id, a, $"Компания {world.GuestA.Name} уже прислала вам запрос: ответьте на него.");
        Assert.Equal(1, await factory.QueryAsync(db => db.MeetingRequests.CountAsync(r => r.SessionId == id)));

        // A participation of another session is not something this form can reach.
        var other = await B2bWorld.CreateAsync(factory);
        var stranger = await other.HostA.ClientAsync(factory);
        await JoinAsync(stranger, other.SessionId!.Value, needs: ["Мебель"]);
        var foreign = await ParticipationAsync(other.SessionId!.Value, other.HostA.Id);
        using var cross = await SendAsync(guestA, id, foreign, null);
        Assert.Equal(HttpStatusCode.NotFound, cross.StatusCode);
    }

    [Fact]
    public async Task Requests_outside_the_open_window_are_refused_with_the_window_in_Krasnoyarsk_time()
    {
        var world = await B2bWorld.CreateAsync(factory);
        var id = world.SessionId!.Value;
        var guest = await world.GuestA.ClientAsync(factory);
        var host = await world.HostA.ClientAsync(factory);
        await JoinAsync(guest, id, offers: ["Инфузионные растворы"]);
        await JoinAsync(host, id, needs: ["Инфузионные растворы"]);
        var h = await ParticipationAsync(id, world.HostA.Id);

        var now = DateTime.UtcNow;
        await SetWindowAsync(id, now.AddDays(1), now.AddDays(2));
        await AssertRefusedAsync(guest, id, h, "приём ещё не открыт");
        await SetWindowAsync(id, now.AddDays(-2), now.AddHours(-1));
        var closesAt = LocalText(now.AddHours(-1), "Asia/Krasnoyarsk");
        await AssertRefusedAsync(guest, id, h, $"по {closesAt} (местное время: Красноярский край, UTC+7): приём закрыт.");
        Assert.False(await factory.QueryAsync(db => db.MeetingRequests.AnyAsync(r => r.SessionId == id)));

        var hub = await guest.GetPageAsync($"/b2b/{id}");
        Assert.NotNull(hub.QuerySelector("[data-testid=window-closed]"));
    }

    [Fact]
    public async Task A_company_cannot_see_or_answer_others_requests_and_the_sender_cannot_answer_its_own()
    {
        var world = await B2bWorld.CreateAsync(factory);
        var id = world.SessionId!.Value;
        var guest = await world.GuestA.ClientAsync(factory);
        var host = await world.HostA.ClientAsync(factory);
        var outsider = await world.HostB.ClientAsync(factory);
        await JoinAsync(guest, id, offers: ["Инфузионные растворы"]);
        await JoinAsync(host, id, needs: ["Инфузионные растворы"]);
        await JoinAsync(outsider, id, needs: ["Мебель"]);
        using (await SendAsync(guest, id, await ParticipationAsync(id, world.HostA.Id), "Секретное предложение")) { }
        var request = await factory.QueryAsync(db => db.MeetingRequests.Where(r => r.SessionId == id).Select(r => r.Id).SingleAsync());

        using var look = await outsider.GetAsync($"/b2b/requests/{request}");
        Assert.Equal(HttpStatusCode.NotFound, look.StatusCode);
        Assert.DoesNotContain("Секретное предложение", await look.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var answer = await PostAsync(outsider, $"/b2b/{id}", $"/b2b/requests/{request}/accept");
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);

        using var own = await PostAsync(guest, $"/b2b/{id}", $"/b2b/requests/{request}/accept");
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.Equal(MeetingRequestStatus.Pending, await factory.QueryAsync(db => db.MeetingRequests.Where(r => r.Id == request).Select(r => r.Status).SingleAsync()));

        var seen = await host.GetPageAsync($"/b2b/requests/{request}");
        Assert.Contains("Секретное предложение", seen.QuerySelector("[data-testid=request]")!.TextContent, StringComparison.Ordinal);
        using (await PostAsync(host, $"/b2b/{id}", $"/b2b/requests/{request}/decline")) { }
        Assert.Equal(MeetingRequestStatus.Declined, await factory.QueryAsync(db => db.MeetingRequests.Where(r => r.Id == request).Select(r => r.Status).SingleAsync()));
        using var again = await PostAsync(host, $"/b2b/{id}", $"/b2b/requests/{request}/accept");
        Assert.Equal(MeetingRequestStatus.Declined, await factory.QueryAsync(db => db.MeetingRequests.Where(r => r.Id == request).Select(r => r.Status).SingleAsync()));

        // A company of neither side's region and not in the mission does not see the session at all.
        var petersburg = factory.CreatePortalClient();
        await petersburg.LoginAsAsync(DemoOptions.CompanyEmail);
        using var hidden = await petersburg.GetAsync($"/b2b/{id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task The_agency_moves_a_meeting_only_where_no_rule_forbids_and_a_manual_move_survives_scheduling_again()
    {
        var world = await B2bWorld.CreateAsync(factory);
        var id = world.SessionId!.Value;
        var (hostA, hostB, guestA, guestB) = (await world.HostA.ClientAsync(factory), await world.HostB.ClientAsync(factory),
            await world.GuestA.ClientAsync(factory), await world.GuestB.ClientAsync(factory));
        await JoinAsync(hostA, id, needs: ["Инфузионные растворы"]);
        await JoinAsync(hostB, id, needs: ["Мебель"], away: ["10:40"]);
        await JoinAsync(guestA, id, offers: ["Инфузионные растворы"]);
        await JoinAsync(guestB, id, offers: ["Мебель"]);
        var p = new Dictionary<string, int>
        {
            ["hA"] = await ParticipationAsync(id, world.HostA.Id), ["hB"] = await ParticipationAsync(id, world.HostB.Id),
            ["gA"] = await ParticipationAsync(id, world.GuestA.Id), ["gB"] = await ParticipationAsync(id, world.GuestB.Id),
        };
        await AcceptedAsync(id, p["gA"], p["hA"]);
        await AcceptedAsync(id, p["gB"], p["hB"]);
        await AcceptedAsync(id, p["gA"], p["hB"]);

        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        using (await agency.SubmitFormAsync($"/b2b/sessions/{id}", "form[data-testid=schedule-form]", [new("KeepManual", "true")])) { }
        var meetings = await MeetingsAsync(id);
        Assert.Equal(3, meetings.Count);
        Assert.DoesNotContain(meetings, m => m.Start == new TimeOnly(10, 40) && (m.From == p["hB"] || m.To == p["hB"]));

        var gAhA = meetings.Single(m => m.From == p["gA"] && m.To == p["hA"]);
        var gAhB = meetings.Single(m => m.From == p["gA"] && m.To == p["hB"]);
        var gBhB = meetings.Single(m => m.From == p["gB"] && m.To == p["hB"]);

        // Guest A already meets host B at that time.
        await AssertMoveRefusedAsync(agency, id, gAhA.Id, gAhB.Start, gAhA.Table == 1 ? 2 : 1, "уже есть встреча");
        // The table is taken at that time.
        await AssertMoveRefusedAsync(agency, id, gAhA.Id, gBhB.Start, gBhB.Table, $"Стол {gBhB.Table} в");
        // Host B takes 10:40 as a break.
        await AssertMoveRefusedAsync(agency, id, gBhB.Id, new TimeOnly(10, 40), 1, "перерыв");
        Assert.Equal(meetings, await MeetingsAsync(id));

        var free = new[] { new TimeOnly(10, 0), new TimeOnly(10, 20), new TimeOnly(10, 40) }
            .First(t => t != gAhB.Start && t != gAhA.Start);
        using var moved = await agency.SubmitFormAsync($"/b2b/sessions/{id}", $"tr[data-meeting='{gAhA.Id}'] form", [new("Start", free.ToString("HH:mm", CultureInfo.InvariantCulture)), new("Table", "2")]);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var after = (await MeetingsAsync(id)).Single(m => m.Id == gAhA.Id);
        Assert.Equal((free, 2, true), (after.Start, after.Table, after.Pinned));

        using (await agency.SubmitFormAsync($"/b2b/sessions/{id}", "form[data-testid=schedule-form]", [new("KeepManual", "true")])) { }
        var again = (await MeetingsAsync(id)).Single(m => m.Id == gAhA.Id);
        Assert.Equal((free, 2), (again.Start, again.Table));
        // One change of time and table, counted once: the companies' calendars take it, and a run that keeps it adds nothing.
        Assert.Equal(1, await factory.QueryAsync(db => db.B2bMeetings.Where(m => m.Id == gAhA.Id).Select(m => m.Sequence).SingleAsync()));
    }

    [Fact]
    public async Task Accepted_requests_that_find_no_slot_are_listed_with_the_reason()
    {
        var world = await B2bWorld.CreateAsync(factory);
        var id = world.SessionId!.Value;
        var host = await world.HostA.ClientAsync(factory);
        var guest = await world.GuestA.ClientAsync(factory);
        await JoinAsync(host, id, needs: ["Инфузионные растворы"], away: ["10:00", "10:20", "10:40"]);
        await JoinAsync(guest, id, offers: ["Инфузионные растворы"]);
        await AcceptedAsync(id, await ParticipationAsync(id, world.GuestA.Id), await ParticipationAsync(id, world.HostA.Id));

        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        using (await agency.SubmitFormAsync($"/b2b/sessions/{id}", "form[data-testid=schedule-form]", [new("KeepManual", "true")])) { }

        var details = await agency.GetPageAsync($"/b2b/sessions/{id}");
        Assert.Contains($"У компании {world.HostA.Name} перерыв на всё время сессии.", details.QuerySelector("[data-testid=unplaced]")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.B2bMeetings.AnyAsync(m => m.SessionId == id)));
    }

    [Fact]
    public async Task Each_side_records_how_a_meeting_went_and_the_mission_figures_count_it()
    {
        var world = await B2bWorld.CreateAsync(factory);
        var id = world.SessionId!.Value;
        var host = await world.HostA.ClientAsync(factory);
        var guest = await world.GuestA.ClientAsync(factory);
        var stranger = await world.HostB.ClientAsync(factory);
        var agency = await AcceptedAndScheduledAsync(world, host, guest);
        var meeting = await factory.QueryAsync(db => db.B2bMeetings.Where(m => m.SessionId == id).Select(m => m.Id).SingleAsync());

        using var guestSays = await guest.SubmitFormAsync($"/b2b/{id}/schedule", "form[data-testid=outcome-form]",
            [new("TookPlace", "true"), new("ContactMade", "true"), new("FollowUpAgreed", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, guestSays.StatusCode);
        using (await host.SubmitFormAsync($"/b2b/{id}/schedule", "form[data-testid=outcome-form]",
            [new("TookPlace", "true"), new("ContractIntended", "true")])) { }
        // A meeting that did not take place made nothing, whatever else is ticked; a company not in it gets 404.
        using var strangerSays = await PostAsync(stranger, $"/b2b/{id}", $"/b2b/meetings/{meeting}/outcome", [new("TookPlace", "true")]);
        Assert.Equal(HttpStatusCode.NotFound, strangerSays.StatusCode);

        var figures = await FiguresAsync(world.MissionId);
        Assert.Equal(new B2bTotals(1, 1, 1, 1, 1, 1, 1), figures.Totals);
        var guestRow = figures.Companies.Single(c => c.OrganizationId == world.GuestA.Id);
        Assert.Equal((B2bSide.Guest, 1, 1, 1, 1, 1), (guestRow.Side, guestRow.Scheduled, guestRow.Held, guestRow.ContactsMade, guestRow.FollowUpsAgreed, guestRow.ContractsIntended));

        // The mission's report counts the meeting, its contact and its contract; the results page shows the companies' lines.
        var report = await ReportFiguresAsync(world.MissionId);
        Assert.Equal((1, 1, 1), (report.Meetings, report.Contacts, report.ContractsIntended));
        var results = await agency.GetPageAsync($"/results/{world.MissionId}");
        Assert.Contains("состоялось 1", results.QuerySelector("[data-testid=b2b-totals]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, results.QuerySelectorAll("[data-testid=b2b-results-row]").Length);
        var own = await guest.GetPageAsync($"/results/{world.MissionId}");
        Assert.Null(own.QuerySelector("[data-testid=b2b-totals]"));
        Assert.Contains(world.GuestA.Name, Assert.Single(own.QuerySelectorAll("[data-testid=b2b-results-row]")).TextContent, StringComparison.Ordinal);

        using (await guest.SubmitFormAsync($"/b2b/{id}/schedule", "form[data-testid=outcome-form]", [new("ContactMade", "true")])) { }
        using (await host.SubmitFormAsync($"/b2b/{id}/schedule", "form[data-testid=outcome-form]", [])) { }
        var none = await FiguresAsync(world.MissionId);
        Assert.Equal(new B2bTotals(1, 1, 1, 0, 0, 0, 0), none.Totals);
        Assert.Equal(0, (await ReportFiguresAsync(world.MissionId)).Meetings);
    }

    [Fact]
    public async Task Contacts_a_company_entered_are_its_total_and_its_b2b_meeting_is_not_counted_on_top()
    {
        var world = await B2bWorld.CreateAsync(factory);
        var id = world.SessionId!.Value;
        var host = await world.HostA.ClientAsync(factory);
        var guest = await world.GuestA.ClientAsync(factory);
        var agency = await AcceptedAndScheduledAsync(world, host, guest);
        using (await host.SubmitFormAsync($"/b2b/{id}/schedule", "form[data-testid=outcome-form]",
            [new("TookPlace", "true"), new("ContactMade", "true"), new("ContractIntended", "true")])) { }

        // Nothing entered yet: the meeting's contact and contract count, once, for the guest.
        var before = await ReportFiguresAsync(world.MissionId);
        Assert.Equal((1, 1, 1), (before.Meetings, before.Contacts, before.ContractsIntended));

        // The guest's total, its B2B meeting included: 4 contacts, 1 contract. Not 5 and 2.
        using (var entered = await agency.SubmitFormAsync($"/results/{world.MissionId}/companies/{world.GuestA.Id}", "form[data-testid=result-form]",
            [new("ContactsMade", "4"), new("ContractsIntended", "1")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, entered.StatusCode);
        }

        var after = await ReportFiguresAsync(world.MissionId);
        Assert.Equal((1, 4, 1), (after.Meetings, after.Contacts, after.ContractsIntended));
        var report = await agency.GetPageAsync($"/reports/{world.MissionId}");
        Assert.Contains("B2B-встречи входят в них", report.QuerySelector("[data-testid=contacts-rule]")!.TextContent, StringComparison.Ordinal);
        var results = await agency.GetPageAsync($"/results/{world.MissionId}");
        Assert.Contains("деловых контактов 4,", results.QuerySelector("[data-testid=results-figures]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(results.QuerySelector("[data-testid=contacts-rule]"));
    }

    [Fact]
    public async Task A_guest_cancels_an_accepted_meeting_before_the_session_its_slot_is_freed_and_the_host_sees_it_cancelled()
    {
        var world = await B2bWorld.CreateAsync(factory);
        var id = world.SessionId!.Value;
        await MoveSessionToAsync(world, HostCalendar.Today(TimeProvider.System).AddDays(1));
        var host = await world.HostA.ClientAsync(factory);
        var guest = await world.GuestA.ClientAsync(factory);
        var stranger = await world.HostB.ClientAsync(factory);
        var agency = await AcceptedAndScheduledAsync(world, host, guest);
        var request = await factory.QueryAsync(db => db.MeetingRequests.Where(r => r.SessionId == id).Select(r => r.Id).SingleAsync());
        Assert.Equal(1, await factory.QueryAsync(db => db.B2bMeetings.CountAsync(m => m.RequestId == request)));

        // A company outside the meeting gets 404 on the page and on the button.
        await stranger.GetPageAsync($"/b2b/requests/{request}/cancel", HttpStatusCode.NotFound);
        var details = await guest.GetPageAsync($"/b2b/requests/{request}");
        Assert.NotNull(details.QuerySelector($"a[data-testid=cancel-link][href='/b2b/requests/{request}/cancel']"));
        var confirm = await guest.GetPageAsync($"/b2b/requests/{request}/cancel");
        Assert.Contains("стол 1", confirm.QuerySelector("[data-testid=cancel-meeting]")!.TextContent, StringComparison.Ordinal);
        using (var refused = await PostAsync(stranger, $"/b2b/{id}", $"/b2b/requests/{request}/cancel"))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        using (var cancelled = await guest.SubmitFormAsync($"/b2b/requests/{request}/cancel", "form[data-testid=cancel-form]", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        }

        Assert.Equal(MeetingRequestStatus.Cancelled, await factory.QueryAsync(db => db.MeetingRequests.Where(r => r.Id == request).Select(r => r.Status).SingleAsync()));
        Assert.Equal(0, await factory.QueryAsync(db => db.B2bMeetings.CountAsync(m => m.SessionId == id)));
        var hub = await host.GetPageAsync($"/b2b/{id}");
        Assert.Contains("Встреча отменена", hub.QuerySelector("[data-testid=incoming]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty((await host.GetPageAsync($"/b2b/{id}/schedule")).QuerySelectorAll("[data-testid=schedule] tbody tr"));

        // Cancelled once is cancelled: the page says so instead of offering the button, and the scheduler does not place it again.
        var again = await guest.GetPageAsync($"/b2b/requests/{request}/cancel");
        Assert.Null(again.QuerySelector("form[data-testid=cancel-form]"));
        Assert.Contains("только принятую", again.QuerySelector("[data-testid=cancel-refused]")!.TextContent, StringComparison.Ordinal);

        using (await agency.SubmitFormAsync($"/b2b/sessions/{id}", "form[data-testid=schedule-form]", [new("KeepManual", "true")])) { }
        Assert.Equal(0, await factory.QueryAsync(db => db.B2bMeetings.CountAsync(m => m.SessionId == id)));
    }

    [Fact]
    public async Task An_accepted_meeting_cannot_be_cancelled_once_requests_have_closed_or_the_session_has_begun()
    {
        var world = await B2bWorld.CreateAsync(factory);
        var id = world.SessionId!.Value;
        var host = await world.HostA.ClientAsync(factory);
        var guest = await world.GuestA.ClientAsync(factory);
        await AcceptedAndScheduledAsync(world, host, guest, schedule: false);
        var request = await factory.QueryAsync(db => db.MeetingRequests.Where(r => r.SessionId == id).Select(r => r.Id).SingleAsync());

        // The session was yesterday.
        await AssertCancelRefusedAsync(guest, id, request, "уже началась");

        // Tomorrow's session, but requests closed an hour ago: the agency keeps the schedule now.
        await MoveSessionToAsync(world, HostCalendar.Today(TimeProvider.System).AddDays(1));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var session = await db.B2bSessions.SingleAsync(s => s.Id == id);
            var now = DateTime.UtcNow;
            session.Change(new SessionSettings(session.Start, session.End, session.MeetingMinutes, session.PauseMinutes, session.Tables, now.AddDays(-2), now.AddHours(-1), []));
            await db.SaveChangesAsync();
        }

        await AssertCancelRefusedAsync(guest, id, request, "обратитесь в агентство");
    }

    // ---------------------------------------------------------------- a mission hosted in another zone

    private const string KaliningradLabel = "(местное время: Калининградская область, UTC+2)";

    /// <summary>A stored instant as a page writes it in a zone: «05.12.2026 14:30».</summary>
    private static string LocalText(DateTime utc, string zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById(zone)).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string KaliningradText(DateTime utc) => LocalText(utc, "Europe/Kaliningrad");

    [Fact]
    public async Task The_request_window_of_a_mission_hosted_in_Kaliningrad_is_typed_and_shown_in_Kaliningrad_time_and_stored_in_UTC()
    {
        var world = await B2bWorld.CreateAsync(factory, withSession: false, hostRegionCode: 39);
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var url = $"/b2b/sessions/new?itemId={world.ItemId}";

        using var saved = await agency.SubmitFormAsync(url, "form[data-testid=session-form]",
        [
            new("Start", "10:00"), new("End", "11:00"), new("MeetingMinutes", "20"), new("PauseMinutes", "0"), new("Tables", "2"),
            new("RequestsOpen", "2026-11-01T09:00"), new("RequestsClose", "2026-12-01T18:00"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // Kaliningrad is UTC+2: 09:00 there is 07:00 UTC (Krasnoyarsk's 09:00 would be 02:00).
        var session = await factory.QueryAsync(db => db.B2bSessions.SingleAsync(s => s.ProgrammeItemId == world.ItemId));
        Assert.Equal((new DateTime(2026, 11, 1, 7, 0, 0), new DateTime(2026, 12, 1, 16, 0, 0)), (session.RequestsOpenUtc, session.RequestsCloseUtc));

        var form = await agency.GetPageAsync($"/b2b/sessions/{session.Id}/edit");
        Assert.Equal($"Приём запросов открывается {KaliningradLabel}", form.QuerySelector("label[for=RequestsOpen]")!.TextContent.Trim());
        Assert.Equal($"Приём запросов закрывается {KaliningradLabel}", form.QuerySelector("label[for=RequestsClose]")!.TextContent.Trim());
        var details = await agency.GetPageAsync(saved.Headers.Location!.OriginalString);
        var head = details.QuerySelector("[data-testid=session-head]")!.TextContent;
        Assert.Contains($"Запросы принимаются с 01.11.2026 09:00 по 01.12.2026 18:00 {KaliningradLabel}.", Squash(head), StringComparison.Ordinal);
        Assert.Equal(KaliningradLabel, details.QuerySelector("[data-testid=session-zone]")!.TextContent.Trim());

        // The edit form gives back what was typed.
        Assert.StartsWith("2026-11-01T09:00", form.QuerySelector("input[name=RequestsOpen]")!.GetAttribute("value"), StringComparison.Ordinal);
        Assert.StartsWith("2026-12-01T18:00", form.QuerySelector("input[name=RequestsClose]")!.GetAttribute("value"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Companies_of_a_mission_hosted_in_Kaliningrad_see_its_times_and_zone_on_every_page_in_the_calendar_file_and_the_letter()
    {
        var world = await B2bWorld.CreateAsync(factory, hostRegionCode: 39);
        var id = world.SessionId!.Value;
        var host = await world.HostA.ClientAsync(factory);
        var hostB = await world.HostB.ClientAsync(factory);
        var guest = await world.GuestA.ClientAsync(factory);
        await JoinAsync(host, id, needs: ["Инфузионные растворы"]);
        await JoinAsync(hostB, id);
        await JoinAsync(guest, id, offers: ["Инфузионные растворы"]);
        var window = await factory.QueryAsync(db => db.B2bSessions.Where(s => s.Id == id).Select(s => new { s.RequestsOpenUtc, s.RequestsCloseUtc }).SingleAsync());
        var said = $"Запросы принимаются с {KaliningradText(window.RequestsOpenUtc)} по {KaliningradText(window.RequestsCloseUtc)} {KaliningradLabel}.";

        var list = await guest.GetPageAsync("/b2b");
        Assert.Contains(said, Squash(list.Body!.TextContent), StringComparison.Ordinal);
        var hub = await guest.GetPageAsync($"/b2b/{id}");
        Assert.Contains(said, Squash(hub.QuerySelector("[data-testid=session-head]")!.TextContent), StringComparison.Ordinal);

        using var sent = await SendAsync(guest, id, await ParticipationAsync(id, world.HostA.Id), "Встретимся?");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var request = await factory.QueryAsync(db => db.MeetingRequests.SingleAsync(r => r.SessionId == id));
        var details = await host.GetPageAsync($"/b2b/requests/{request.Id}");
        Assert.Contains($"Отправлен {KaliningradText(request.SentAtUtc)} {KaliningradLabel}.", Squash(details.Body!.TextContent), StringComparison.Ordinal);
        using (var accepted = await PostAsync(host, $"/b2b/{id}", $"/b2b/requests/{request.Id}/accept"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        using (var scheduled = await agency.SubmitFormAsync($"/b2b/sessions/{id}", "form[data-testid=schedule-form]", [new("KeepManual", "true")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        }

        var scheduledAt = await factory.QueryAsync(db => db.B2bSessions.Where(s => s.Id == id).Select(s => s.ScheduledAtUtc).SingleAsync());
        var grid = await agency.GetPageAsync($"/b2b/sessions/{id}");
        Assert.Contains($"Расписание составлено {KaliningradText(scheduledAt!.Value)} {KaliningradLabel}.", Squash(grid.Body!.TextContent), StringComparison.Ordinal);

        // The calendar file: the meeting at 10:00 of the item's day, in Kaliningrad's zone.
        var day = await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.Id == world.ItemId).Select(i => i.Date).SingleAsync());
        var ics = await guest.GetStringAsync($"/b2b/{id}/schedule.ics");
        Assert.Contains("TZID:Europe/Kaliningrad", ics, StringComparison.Ordinal);
        Assert.Contains($"DTSTART;TZID=Europe/Kaliningrad:{day:yyyyMMdd}T100000", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("Asia/Krasnoyarsk", ics, StringComparison.Ordinal);

        // The letter telling the guest of its schedule gives the meeting's local time and says whose time it is.
        var letter = await factory.QueryAsync(db => db.OutboxMessages
            .Where(m => m.Kind == "b2b-schedule-published" && m.ToAddress == world.GuestA.Email).Select(m => m.TextBody).SingleAsync());
        Assert.Contains(KaliningradLabel + ":", letter, StringComparison.Ordinal);
        Assert.Contains($"10:00–10:20, стол 1: {world.HostA.Name}", letter, StringComparison.Ordinal);

        // A refusal names the window in the same zone.
        var now = DateTime.UtcNow;
        await SetWindowAsync(id, now.AddDays(-2), now.AddHours(-1));
        await AssertRefusedAsync(guest, id, await ParticipationAsync(id, world.HostB.Id),
            $"с {KaliningradText(now.AddDays(-2))} по {KaliningradText(now.AddHours(-1))} {KaliningradLabel}: приём закрыт.");
    }

    [Fact]
    public async Task The_seed_missions_B2B_session_still_shows_Krasnoyarsk_time()
    {
        var host = factory.CreatePortalClient();
        await host.LoginAsAsync(DemoOptions.HostCompanyEmail);

        var list = await host.GetPageAsync("/b2b");

        Assert.Contains("Запросы принимаются с 20.11.2026 09:00 по 10.12.2026 14:00 (местное время: Красноярский край, UTC+7).", Squash(list.Body!.TextContent), StringComparison.Ordinal);
    }

    private static string Squash(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    /// <summary>Host A and guest A join, guest A's request to host A is accepted and, unless told not to, the agency schedules; the agency's client.</summary>
    private async Task<HttpClient> AcceptedAndScheduledAsync(B2bWorld world, HttpClient host, HttpClient guest, bool schedule = true)
    {
        var id = world.SessionId!.Value;
        await JoinAsync(host, id, needs: ["Инфузионные растворы"]);
        await JoinAsync(guest, id, offers: ["Инфузионные растворы"]);
        await AcceptedAsync(id, await ParticipationAsync(id, world.GuestA.Id), await ParticipationAsync(id, world.HostA.Id));
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        if (schedule)
        {
            using (await agency.SubmitFormAsync($"/b2b/sessions/{id}", "form[data-testid=schedule-form]", [new("KeepManual", "true")])) { }
        }

        return agency;
    }

    private async Task AssertCancelRefusedAsync(HttpClient client, int sessionId, int request, string message)
    {
        var version = await factory.QueryAsync(db => db.MeetingRequests.Where(r => r.Id == request).Select(r => r.Version).SingleAsync());
        using var response = await PostAsync(client, $"/b2b/{sessionId}", $"/b2b/requests/{request}/cancel", [new KeyValuePair<string, string>("version", version.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains(message, page.QuerySelector("[data-testid=error]")?.TextContent ?? "(no error shown)", StringComparison.Ordinal);
        Assert.Equal(MeetingRequestStatus.Accepted, await factory.QueryAsync(db => db.MeetingRequests.Where(r => r.Id == request).Select(r => r.Status).SingleAsync()));
    }

    private async Task MoveSessionToAsync(B2bWorld world, DateOnly date)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var item = await db.ProgrammeItems.SingleAsync(i => i.Id == world.ItemId);
        item.Reschedule(date, item.Start, item.End);
        await db.SaveChangesAsync();
    }

    // ---------------------------------------------------------------- helpers

    private static async Task JoinAsync(HttpClient client, int sessionId, string[]? offers = null, string[]? needs = null, string contact = "Контактное Лицо", string[]? away = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("ContactPerson", contact), new("ContactPhone", "8 (391) 265-14-08"), new("Offers", "Предложение компании") };
        fields.AddRange((offers ?? []).Select(o => new KeyValuePair<string, string>("OtherOffers", o)));
        fields.AddRange((needs ?? []).Select(n => new KeyValuePair<string, string>("OtherNeeds", n)));
        fields.AddRange((away ?? []).Select(t => new KeyValuePair<string, string>("AwaySlots", t)));
        using var response = await client.SubmitFormAsync($"/b2b/{sessionId}/join", "form[data-testid=join-form]", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"join answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<int> ParticipationAsync(int sessionId, int organizationId) =>
        await factory.QueryAsync(db => db.B2bParticipations.Where(p => p.SessionId == sessionId && p.OrganizationId == organizationId).Select(p => p.Id).SingleAsync());

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, int sessionId, int toId, string? message) =>
        await PostAsync(client, $"/b2b/{sessionId}", $"/b2b/{sessionId}/requests", [new("ToId", S(toId)), new("Message", message ?? string.Empty)]);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string tokenPage, string url, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        var token = await client.AntiforgeryTokenAsync(tokenPage);
        return await client.PostAsync(url, new FormUrlEncodedContent((fields ?? []).Append(new("__RequestVerificationToken", token))));
    }

    private async Task AssertRefusedAsync(HttpClient client, int sessionId, int toId, string message)
    {
        var before = await factory.QueryAsync(db => db.MeetingRequests.CountAsync());
        using var response = await SendAsync(client, sessionId, toId, "Сообщение");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains(message, page.QuerySelector("[data-testid=error]")?.TextContent ?? "(no error shown)", StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.MeetingRequests.CountAsync()));
    }

    private static async Task AssertMoveRefusedAsync(HttpClient agency, int sessionId, int meetingId, TimeOnly start, int table, string message)
    {
        using var response = await agency.SubmitFormAsync($"/b2b/sessions/{sessionId}", $"tr[data-meeting='{meetingId}'] form",
            [new("Start", start.ToString("HH:mm", CultureInfo.InvariantCulture)), new("Table", S(table))]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await agency.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains(message, page.QuerySelector("[data-testid=error]")?.TextContent ?? "(no error shown)", StringComparison.Ordinal);
    }

    private async Task SetWindowAsync(int sessionId, DateTime openUtc, DateTime closeUtc)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var session = await db.B2bSessions.SingleAsync(s => s.Id == sessionId);
        session.Change(new SessionSettings(session.Start, session.End, session.MeetingMinutes, session.PauseMinutes, session.Tables, openUtc, closeUtc, [.. session.Breaks]));
        await db.SaveChangesAsync();
    }

    /// <summary>A request the guest sent and the host accepted, written directly: the journeys above go through the pages.</summary>
    private async Task AcceptedAsync(int sessionId, int fromId, int toId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var request = new MeetingRequest(sessionId, fromId, toId, null, DateTime.UtcNow);
        request.Accept(DateTime.UtcNow);
        db.MeetingRequests.Add(request);
        await db.SaveChangesAsync();
    }

    private async Task<List<(int Id, int From, int To, TimeOnly Start, int Table, bool Pinned)>> MeetingsAsync(int sessionId) =>
        (await factory.QueryAsync(db => db.B2bMeetings.Where(m => m.SessionId == sessionId).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Request!.FromId, m.Request.ToId, m.Start, m.Table, m.Pinned }).ToListAsync()))
        .Select(m => (m.Id, m.FromId, m.ToId, m.Start, m.Table, m.Pinned)).ToList();

    private async Task<MissionPortal.Web.Features.Shared.MissionFigures> ReportFiguresAsync(int missionId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MissionPortal.Web.Features.Shared.MissionFiguresQuery>().ForAsync(missionId, CancellationToken.None);
    }

    private async Task<B2bMissionFigures> FiguresAsync(int missionId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<B2bFigures>().ForMissionAsync(missionId, CancellationToken.None);
    }
}
