using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Features.Rosters;
using MissionPortal.Web.Infrastructure.Database;
using MissionPortal.Web.Infrastructure.Diagnostics;

namespace MissionPortal.IntegrationTests.Features.Rosters;

/// <summary>The roster page: order, filters, grouping, the agency's protocol order, access, and its SQL cost.</summary>
public class RosterPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static List<string[]> Rows(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=roster-row]")
            .Select(r => r.QuerySelectorAll("td").Take(4).Select(c => c.ChildNodes.Where(n => n.NodeType == AngleSharp.Dom.NodeType.Text).Select(n => n.TextContent).Aggregate(string.Empty, (a, b) => a + b).Trim()).ToArray())
            .ToList();

    private async Task<HttpClient> ClientAsync(string email = DemoOptions.MinistryEmail)
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(email);
        return client;
    }

    [Fact]
    public async Task The_ministry_finds_the_Petersburg_roster_from_its_home_page_as_the_seed_prints_it()
    {
        var client = await ClientAsync();
        var delegation = await RosterData.PetersburgAsync(factory);

        var home = await client.GetPageAsync("/");
        var link = home.QuerySelectorAll("a[data-testid=roster-link]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/rosters/{delegation}", link);
        var page = await client.GetPageAsync($"/rosters/{delegation}");

        var rows = Rows(page);
        Assert.Equal(RosterData.PetersburgNames, rows.Select(r => r[1]));
        Assert.Equal(Enumerable.Range(1, 7).Select(n => n.ToString(CultureInfo.InvariantCulture)), rows.Select(r => r[0]));
        var gavrilova = rows.Single(r => r[1] == "Гаврилова Анастасия Вячеславовна");
        Assert.Equal("Референт по связям с общественностью Кластера медицинского, экологического приборостроения и биотехнологий", gavrilova[2]);
        Assert.Equal("Директор по развитию ООО \"СтройРеанимация\"", rows.Single(r => r[1] == "Чихман Николай Валерьевич")[2]);
        Assert.Equal(["№", "Фамилия, имя, отчество", "Должность", "Организация"], page.QuerySelectorAll("[data-testid=roster-table] thead tr:last-child th").Select(th => th.TextContent.Trim()));
        Assert.Contains(DemoData.PetersburgMissionTitle, page.QuerySelector(".roster-header")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("17.11.2026\u00A0– 18.11.2026", page.QuerySelector(".roster-header")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=order-form]"));
    }

    [Fact]
    public async Task The_mission_page_links_each_delegations_roster_for_staff()
    {
        var client = await ClientAsync(DemoOptions.AgencyEmail);
        var missionId = await factory.QueryAsync(db => db.Missions.Where(m => m.Title == DemoData.PetersburgMissionTitle).Select(m => m.Id).SingleAsync());
        var delegations = await factory.QueryAsync(db => db.Delegations.Where(d => d.MissionId == missionId).OrderBy(d => d.Side).ThenBy(d => d.Id).Select(d => d.Id).ToListAsync());

        var page = await client.GetPageAsync($"/missions/details/{missionId}");

        Assert.Equal(delegations.Select(d => $"/rosters/{d}"), page.QuerySelectorAll("[data-testid=delegation] a[data-testid=roster-link]").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task The_hospital_visit_filter_lists_the_cluster_and_the_host_side_lists_its_official_and_staff()
    {
        var client = await ClientAsync();
        var delegation = await RosterData.PetersburgAsync(factory);
        var host = await RosterData.DelegationAsync(factory, DemoData.PetersburgMissionTitle, DelegationSide.Host);
        var visit = await RosterData.ItemAsync(factory, RosterData.OncologyVisit);

        var page = await client.GetPageAsync($"/rosters/{delegation}?itemId={visit}");
        var hostPage = await client.GetPageAsync($"/rosters/{host}?itemId={visit}");

        Assert.Equal(["Гаврилова Анастасия Вячеславовна", "Чихман Николай Валерьевич", "Козлов Дмитрий Алексеевич"], Rows(page).Select(r => r[1]));
        Assert.Equal(["1", "2", "3"], Rows(page).Select(r => r[0]));
        Assert.Contains("онкологический диспансер", page.QuerySelector("[data-testid=roster-filter-text]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(visit.ToString(CultureInfo.InvariantCulture), page.QuerySelector("select[name=ItemId] option[selected]")!.GetAttribute("value"));
        Assert.Contains(Rows(hostPage), r => r[1] == "Белова Ольга Николаевна");
        Assert.Equal(2, Rows(hostPage).Count);
        Assert.Equal($"/rosters/pass-list/{visit}", page.QuerySelector("[data-testid=pass-list-link]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_items_filter_holds_exactly_the_people_the_programme_says_attend_it()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var programme = scope.ServiceProvider.GetRequiredService<ProgrammeQueries>();
        var rosters = scope.ServiceProvider.GetRequiredService<RosterQueries>();
        var scenario = await Scenario.CreateAsync(factory, "Отказы " + Guid.NewGuid().ToString("N")[..6]);
        var changed = await db.Participants.Where(p => p.DelegationId == scenario.DelegationId).OrderBy(p => p.Id).ToListAsync();
        changed[1].Decline();
        changed[2].MarkPending();
        changed[3].Withdraw();
        await db.SaveChangesAsync();
        var missions = await db.Missions.AsNoTracking().Where(m => m.Title == DemoData.KalugaMissionTitle || m.Title == DemoData.PetersburgMissionTitle || m.Id == scenario.MissionId)
            .Select(m => new { m.Id, m.StartDate, m.EndDate, Delegations = m.Delegations.Select(d => new { d.Id, People = d.Participants.Select(p => p.Id).ToList() }).ToList() })
            .ToListAsync();
        var compared = 0;
        var active = await db.Participants.Where(p => p.Status == ParticipantStatus.Approved || p.Status == ParticipantStatus.Pending).Select(p => p.Id).ToListAsync();

        foreach (var mission in missions)
        {
            var snapshot = await programme.LoadAsync(mission.Id, mission.StartDate, mission.EndDate, CancellationToken.None);
            foreach (var item in snapshot.Scheduled)
            {
                foreach (var delegation in mission.Delegations)
                {
                    var roster = await rosters.LoadAsync(delegation.Id, new RosterFilter { ItemId = item.Id }, canOrder: false, CancellationToken.None);
                    var expected = item.People.Intersect(delegation.People).Intersect(active).Order().ToList();
                    Assert.Equal(expected, roster!.Lines.Select(l => l.ParticipantId).Order().ToList());
                    compared++;
                }
            }
        }

        Assert.True(compared > 40, $"{compared} comparisons");
    }

    [Fact]
    public async Task Declined_people_are_never_listed_approved_only_leaves_out_pending_ones_and_grouping_keeps_protocol_order()
    {
        var scenario = await Scenario.CreateAsync(factory, "Статусы " + Guid.NewGuid().ToString("N")[..6]);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var people = await db.Participants.Where(p => p.DelegationId == scenario.DelegationId).ToListAsync();
            people.Single(p => p.Surname == "Петрова").MarkPending();
            people.Single(p => p.Surname == "Сидоров").Decline();
            await db.SaveChangesAsync();
        }

        var client = await ClientAsync();
        var all = Rows(await client.GetPageAsync($"/rosters/{scenario.DelegationId}"));
        var approved = Rows(await client.GetPageAsync($"/rosters/{scenario.DelegationId}?approvedOnly=true"));
        var grouped = await client.GetPageAsync($"/rosters/{await RosterData.PetersburgAsync(factory)}?byOrganization=true");

        Assert.Equal(["Иванов Иван Иванович", "Петрова Мария Сергеевна", "Ёлкина Анна"], all.Select(r => r[1]));
        Assert.Equal(["Иванов Иван Иванович", "Ёлкина Анна"], approved.Select(r => r[1]));
        var groups = grouped.QuerySelectorAll("[data-testid=roster-group]").Select(g => g.TextContent.Trim()).ToList();
        Assert.Equal(6, groups.Count);
        Assert.Equal("Правительство Санкт-Петербурга", groups[0]);
        var numbers = Rows(grouped).Select(r => r[0]).ToList();
        Assert.Equal(Enumerable.Range(1, 7).Select(n => n.ToString(CultureInfo.InvariantCulture)), numbers);
        var stroy = grouped.QuerySelectorAll("[data-testid=roster-group]").Last();
        Assert.Contains("СтройРеанимация", stroy.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agency_sets_protocol_order_with_the_form_and_ties_go_by_the_alphabet_with_Yo_as_Ye()
    {
        var scenario = await Scenario.CreateAsync(factory, "Порядок " + Guid.NewGuid().ToString("N")[..6]);
        var client = await ClientAsync(DemoOptions.AgencyEmail);
        var url = $"/rosters/{scenario.DelegationId}";
        var page = await client.GetPageAsync(url);
        var form = page.QuerySelector<IHtmlFormElement>("form[data-testid=order-form]")!;
        var fields = page.QuerySelectorAll<IHtmlInputElement>("input[form=order-form]")
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Name!.EndsWith(".Order", StringComparison.Ordinal) ? "5" : i.Value))
            .Append(new("__RequestVerificationToken", form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value))
            .ToList();

        using var response = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(url, response.Headers.Location!.OriginalString);
        var stored = await factory.QueryAsync(db => db.Participants.Where(p => p.DelegationId == scenario.DelegationId).Select(p => p.ProtocolOrder).ToListAsync());
        Assert.All(stored, order => Assert.Equal(5, order));
        var after = await client.GetPageAsync(url);
        Assert.Equal(["Иванов Иван Иванович", "Ёлкина Анна", "Петрова Мария Сергеевна", "Сидоров Пётр Олегович"], Rows(after).Select(r => r[1]));
        Assert.Contains("Порядок в списке сохранён.", after.QuerySelector("[data-testid=message]")!.TextContent, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadOrders => new()
    {
        { "abc", "Введите значение в нужном формате вместо «abc»." },
        { "0", "Порядковый номер — целое число от 1 до 9999." },
        { "", "Укажите порядковый номер у каждого человека." },
        { "100000", "Порядковый номер — целое число от 1 до 9999." },
    };

    [Theory]
    [MemberData(nameof(BadOrders))]
    public async Task A_bad_number_is_refused_in_Russian_and_changes_nothing(string value, string message)
    {
        var scenario = await Scenario.CreateAsync(factory, "Плохой порядок " + Guid.NewGuid().ToString("N")[..6]);
        var client = await ClientAsync(DemoOptions.AgencyEmail);
        var url = $"/rosters/{scenario.DelegationId}";
        var token = await client.AntiforgeryTokenAsync(url);
        var before = await factory.QueryAsync(db => db.Participants.Where(p => p.DelegationId == scenario.DelegationId).OrderBy(p => p.Id).Select(p => p.ProtocolOrder).ToListAsync());

        using var response = await client.PostAsync($"{url}/order", new FormUrlEncodedContent(
        [
            new("People[0].ParticipantId", $"{scenario.PeopleIds[1]}"), new("People[0].Order", "2"),
            new("People[1].ParticipantId", $"{scenario.PeopleIds[2]}"), new("People[1].Order", value),
            new("__RequestVerificationToken", token),
        ]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector("[data-testid=roster-errors]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, Rows(page).Count);
        Assert.Equal(before, await factory.QueryAsync(db => db.Participants.Where(p => p.DelegationId == scenario.DelegationId).OrderBy(p => p.Id).Select(p => p.ProtocolOrder).ToListAsync()));
    }

    [Fact]
    public async Task People_of_another_delegation_are_refused_and_a_stale_form_does_not_overwrite_a_newer_order()
    {
        var scenario = await Scenario.CreateAsync(factory, "Чужой " + Guid.NewGuid().ToString("N")[..6]);
        var other = await Scenario.CreateAsync(factory, "Другой " + Guid.NewGuid().ToString("N")[..6]);
        var client = await ClientAsync(DemoOptions.AgencyEmail);
        var url = $"/rosters/{scenario.DelegationId}";
        var token = await client.AntiforgeryTokenAsync(url);

        using var foreign = await client.PostAsync($"{url}/order", new FormUrlEncodedContent(
            [new("People[0].ParticipantId", $"{other.PeopleIds[1]}"), new("People[0].Order", "7"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("В списке есть люди не из этой делегации.", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await factory.QueryAsync(db => db.Participants.Where(p => p.Id == other.PeopleIds[1]).Select(p => p.ProtocolOrder).SingleAsync()));

        using var missing = await client.PostAsync("/rosters/99999999/order", new FormUrlEncodedContent(
            [new("People[0].ParticipantId", $"{scenario.PeopleIds[1]}"), new("People[0].Order", "7"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        using var stale = await client.PostAsync($"{url}/order", new FormUrlEncodedContent(
            [new("People[0].ParticipantId", $"{scenario.PeopleIds[1]}"), new("People[0].Order", "9"), new("People[0].Version", Guid.NewGuid().ToString()), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal(2, await factory.QueryAsync(db => db.Participants.Where(p => p.Id == scenario.PeopleIds[1]).Select(p => p.ProtocolOrder).SingleAsync()));
        Assert.Contains("изменил другой сотрудник", (await client.GetPageAsync(url)).QuerySelector("[data-testid=error]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Companies_cannot_reach_rosters_of_delegations_they_are_not_in_the_ministry_cannot_reorder_and_unknown_ids_are_404()
    {
        var delegation = await RosterData.PetersburgAsync(factory);
        var kalugaItem = await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.Mission!.Title == DemoData.KalugaMissionTitle).Select(i => i.Id).FirstAsync());
        var company = await ClientAsync(DemoOptions.CompanyEmail);
        var ministry = await ClientAsync();

        foreach (var url in new[] { $"/rosters/{delegation}", $"/rosters/{delegation}/pdf", $"/rosters/{delegation}/xlsx" })
        {
            using var response = await company.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        await ministry.GetPageAsync("/rosters/99999999", HttpStatusCode.NotFound);
        await ministry.GetPageAsync($"/rosters/{delegation}?itemId={kalugaItem}", HttpStatusCode.NotFound);
        await ministry.GetPageAsync($"/rosters/{delegation}?itemId=abc", HttpStatusCode.OK);
        var token = await ministry.AntiforgeryTokenAsync($"/rosters/{delegation}?byOrganization=true");
        using var reorder = await ministry.PostAsync($"/rosters/{delegation}/order", new FormUrlEncodedContent(
            [new("People[0].ParticipantId", "1"), new("People[0].Order", "1"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Forbidden, reorder.StatusCode);
    }

    [Fact]
    public async Task A_roster_page_costs_the_same_few_SQL_commands_for_7_people_and_for_500()
    {
        using var counted = new ConfiguredFactory(("Diagnostics:SqlCommandHeader", "true"));
        var client = counted.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.MinistryEmail);
        var petersburg = await RosterData.PetersburgAsync(counted);
        var visit = await RosterData.ItemAsync(counted, RosterData.OncologyVisit);
        var large = await RosterData.LargeDelegationAsync(counted, 500);
        var counts = new Dictionary<string, int>();

        foreach (var url in new[] { $"/rosters/{petersburg}", $"/rosters/{petersburg}?itemId={visit}&approvedOnly=true&byOrganization=true", $"/rosters/{large}", $"/rosters/{large}?approvedOnly=true" })
        {
            using (await client.GetAsync(url))
            {
            }

            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            counts[url] = int.Parse(response.Headers.GetValues(SqlCommandCounter.Header).Single(), CultureInfo.InvariantCulture);
        }

        Assert.True(counts.Values.All(c => c is >= 1 and <= 3), string.Join("; ", counts.Select(c => $"{c.Key}: {c.Value}")));
        Assert.Equal(counts[$"/rosters/{petersburg}"], counts[$"/rosters/{large}"]);
    }
}
