using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Programme;

/// <summary>The agency's programme editor through HTTP: each journey, then what the database holds.</summary>
public class ProgrammeEditorTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Iso(DateOnly date) => Scenario.Iso(date);

    private async Task<(HttpClient Client, Scenario Scenario)> StartAsync(string title)
    {
        var scenario = await Scenario.CreateAsync(factory, title + " " + Guid.NewGuid().ToString("N")[..6]);
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.AgencyEmail);
        return (client, scenario);
    }

    private static List<KeyValuePair<string, string>> ItemFields(
        DateOnly date, string start, string end, string title, int delegationId, string kind = "Meeting", int? venueId = null) =>
    [
        new("Date", Iso(date)), new("Start", start), new("End", end), new("Kind", kind), new("Title", title),
        new("AttendeeScope", "WholeDelegation"), new("DelegationId", delegationId.ToString(CultureInfo.InvariantCulture)),
        new("VenueId", venueId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty),
    ];

    [Fact]
    public async Task The_agency_adds_an_item_with_the_form_and_it_is_stored()
    {
        var (client, s) = await StartAsync("Добавление");
        var fields = ItemFields(Scenario.Day2, "15:00", "16:30", "Круглый стол о кооперации", s.DelegationId, "RoundTable", s.HallId);
        fields.AddRange([new("RoundTableTopic", "Кооперация в промышленности"), new("ModeratorId", $"{s.PeopleIds[1]}"), new("SpeakerIds", $"{s.PeopleIds[2]}"), new("SpeakerIds", $"{s.PeopleIds[3]}")]);

        using var response = await client.SubmitFormAsync($"/programme/{s.MissionId}/items/new", "form[data-testid=item-form]", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var item = await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.MissionId == s.MissionId && i.Title == "Круглый стол о кооперации")
            .Select(i => new { i.Date, i.Start, i.End, i.Kind, i.VenueId, i.RoundTable!.Topic, i.RoundTable.ModeratorId, Speakers = i.RoundTable.Speakers.OrderBy(x => x.Order).Select(x => x.ParticipantId).ToList() })
            .SingleAsync());
        Assert.Equal((Scenario.Day2, new TimeOnly(15, 0), new TimeOnly(16, 30)), (item.Date, item.Start, item.End));
        Assert.Equal(ProgrammeItemKind.RoundTable, item.Kind);
        Assert.Equal(s.HallId, item.VenueId);
        Assert.Equal("Кооперация в промышленности", item.Topic);
        Assert.Equal(s.PeopleIds[1], item.ModeratorId);
        Assert.Equal([s.PeopleIds[2], s.PeopleIds[3]], item.Speakers);

        var page = await client.GetPageAsync($"/programme/{s.MissionId}");
        Assert.Contains("Круглый стол о кооперации", page.QuerySelectorAll("[data-testid=programme-day]")[1].TextContent, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string, string> BadItems => new()
    {
        // date, start, end, title, the message the user reads
        { "2027-03-11", "12:00", "11:00", "Встреча", "Выберите окончание позже начала." },
        { "2027-03-15", "10:00", "11:00", "Встреча", "Выберите дату с 10.03.2027 по 11.03.2027: 15.03.2027 — вне дат миссии." },
        { "2027-03-11", "10:00", "11:00", "", "Укажите название." },
        { "2027-03-11", "10:00", "11:00", new string('Я', 401), "Сократите название до 400 символов." },
        { "завтра", "10:00", "11:00", "Встреча", "Введите значение в нужном формате вместо «завтра»." },
        { "2027-03-11", "25:99", "11:00", "Встреча", "Введите значение в нужном формате вместо «25:99»." },
    };

    [Theory]
    [MemberData(nameof(BadItems))]
    public async Task A_bad_item_is_refused_with_a_Russian_message_keeps_the_input_and_changes_nothing(string date, string start, string end, string title, string message)
    {
        var (client, s) = await StartAsync("Ошибки");
        var before = await factory.QueryAsync(db => db.ProgrammeItems.CountAsync(i => i.MissionId == s.MissionId));

        using var response = await client.SubmitFormAsync($"/programme/{s.MissionId}/items/new", "form[data-testid=item-form]",
            [new("Date", date), new("Start", start), new("End", end), new("Kind", "Meeting"), new("Title", title), new("AttendeeScope", "WholeDelegation"), new("DelegationId", $"{s.DelegationId}")]);

        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("form[data-testid=item-form]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(date, page.QuerySelector("input[name=Date]")!.GetAttribute("value"));
        Assert.Equal(title, page.QuerySelector("input[name=Title]")!.GetAttribute("value") ?? string.Empty);
        Assert.Equal(before, await factory.QueryAsync(db => db.ProgrammeItems.CountAsync(i => i.MissionId == s.MissionId)));
    }

    [Fact]
    public async Task Ids_from_elsewhere_are_refused_and_a_forged_item_id_is_404()
    {
        var (client, s) = await StartAsync("Чужие");
        var other = await Scenario.CreateAsync(factory, "Другая " + Guid.NewGuid().ToString("N")[..6]);
        var fields = ItemFields(Scenario.Day1, "14:00", "15:00", "Встреча", s.DelegationId, venueId: 987654);
        fields.AddRange([new("ResponsibleId", $"{other.PeopleIds[0]}"), new("GroupId", "424242")]);

        using var refused = await client.SubmitFormAsync($"/programme/{s.MissionId}/items/new", "form[data-testid=item-form]", fields);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Такой площадки нет.", html, StringComparison.Ordinal);
        Assert.Contains("Среди выбранных людей есть те, кого нет в этой миссии.", html, StringComparison.Ordinal);

        var token = await client.AntiforgeryTokenAsync($"/programme/{s.MissionId}");
        using var missing = await client.PostAsync("/programme/items/99999999/move", new FormUrlEncodedContent([new("Date", Iso(Scenario.Day1)), new("Start", "09:00"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var foreignDelete = await client.PostAsync("/programme/items/99999999/delete", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, foreignDelete.StatusCode);
        Assert.Equal(2, await factory.QueryAsync(db => db.ProgrammeItems.CountAsync(i => i.MissionId == s.MissionId)));
    }

    [Fact]
    public async Task Moving_keeps_the_length_and_the_drag_gets_json_from_the_same_endpoint()
    {
        var (client, s) = await StartAsync("Перенос");
        var token = await client.AntiforgeryTokenAsync($"/programme/{s.MissionId}");

        var version = await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.Id == s.MorningItemId).Select(i => i.Version).SingleAsync());
        using var moved = await client.PostAsync($"/programme/items/{s.MorningItemId}/move",
            new FormUrlEncodedContent([new("Date", Iso(Scenario.Day2)), new("Start", "15:30"), new("Version", version.ToString()), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var item = await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.Id == s.MorningItemId).Select(i => new { i.Date, i.Start, i.End }).SingleAsync());
        Assert.Equal((Scenario.Day2, new TimeOnly(15, 30), new TimeOnly(16, 30)), (item.Date, item.Start, item.End));

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/programme/items/{s.MorningItemId}/move")
        {
            Content = new FormUrlEncodedContent([new("Date", "2027-04-01"), new("Start", "09:00"), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Accept.ParseAdd("application/json");
        using var refused = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("вне дат миссии", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unchanged = await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.Id == s.MorningItemId).Select(i => i.Start).SingleAsync());
        Assert.Equal(new TimeOnly(15, 30), unchanged);
    }

    [Fact]
    public async Task After_a_move_the_page_opens_at_the_item_with_the_result_beside_it_and_not_above_the_page()
    {
        var (client, s) = await StartAsync("Итог переноса");
        var token = await client.AntiforgeryTokenAsync($"/programme/{s.MissionId}");
        var version = await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.Id == s.MorningItemId).Select(i => i.Version).SingleAsync());

        using var moved = await client.PostAsync($"/programme/items/{s.MorningItemId}/move",
            new FormUrlEncodedContent([new("Date", Iso(Scenario.Day2)), new("Start", "15:30"), new("Version", version.ToString()), new("__RequestVerificationToken", token)]));
        Assert.Equal($"/programme/{s.MissionId}#item-{s.MorningItemId}", moved.Headers.Location!.OriginalString);
        var page = await client.GetPageAsync(moved.Headers.Location.OriginalString);
        var item = page.QuerySelector($"#item-{s.MorningItemId}")!;
        Assert.Equal(Iso(Scenario.Day2), item.Closest("[data-testid=programme-day]")!.GetAttribute("data-date"));
        Assert.Contains("перенесён на 11.03 15:30", item.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main > .alert"));

        // Shown once: the next visit of the page has no message.
        var again = await client.GetPageAsync($"/programme/{s.MissionId}");
        Assert.Null(again.QuerySelector($"#item-{s.MorningItemId} [role=status]"));

        using var refused = await client.PostAsync($"/programme/items/{s.MorningItemId}/move",
            new FormUrlEncodedContent([new("Date", "2027-04-01"), new("Start", "09:00"), new("Version", version.ToString()), new("__RequestVerificationToken", token)]));
        Assert.Equal($"/programme/{s.MissionId}#item-{s.MorningItemId}", refused.Headers.Location!.OriginalString);
        var after = await client.GetPageAsync(refused.Headers.Location.OriginalString);
        Assert.Contains("вне дат миссии", after.QuerySelector($"#item-{s.MorningItemId} [role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(after.QuerySelectorAll("main > .alert"));
        Assert.Equal((Scenario.Day2, new TimeOnly(15, 30)), await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.Id == s.MorningItemId).Select(i => new { i.Date, i.Start }).SingleAsync()) is var x ? (x.Date, x.Start) : default);
    }

    [Fact]
    public async Task A_move_of_an_item_changed_since_the_page_was_shown_is_a_conflict_and_moves_nothing()
    {
        var (client, s) = await StartAsync("Конфликт переноса");
        var page = await client.GetPageAsync($"/programme/{s.MissionId}");
        var shown = page.QuerySelector($"#item-{s.MorningItemId}")!.GetAttribute("data-version")!;
        var token = await client.AntiforgeryTokenAsync($"/programme/{s.MissionId}");
        var stale = Guid.NewGuid().ToString();

        using var refused = await client.PostAsync($"/programme/items/{s.MorningItemId}/move",
            new FormUrlEncodedContent([new("Date", Iso(Scenario.Day2)), new("Start", "15:30"), new("Version", stale), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var after = await client.GetPageAsync(refused.Headers.Location!.OriginalString);
        Assert.Contains("только что изменили", after.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/programme/items/{s.MorningItemId}/move")
        {
            Content = new FormUrlEncodedContent([new("Date", Iso(Scenario.Day2)), new("Start", "15:30"), new("Version", stale), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Accept.ParseAdd("application/json");
        using var dragged = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Conflict, dragged.StatusCode);
        Assert.Contains("только что изменили", await dragged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unchanged = await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.Id == s.MorningItemId).Select(i => new { i.Date, i.Version }).SingleAsync());
        Assert.Equal((Scenario.Day1, shown), (unchanged.Date, unchanged.Version.ToString()));

        using var moved = await client.PostAsync($"/programme/items/{s.MorningItemId}/move",
            new FormUrlEncodedContent([new("Date", Iso(Scenario.Day2)), new("Start", "15:30"), new("Version", shown), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(Scenario.Day2, await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.Id == s.MorningItemId).Select(i => i.Date).SingleAsync()));
    }

    [Fact]
    public async Task Duplicate_delete_copy_day_and_add_to_several_days()
    {
        var (client, s) = await StartAsync("Копии");
        var token = await client.AntiforgeryTokenAsync($"/programme/{s.MissionId}");
        async Task<int> CountAsync() => await factory.QueryAsync(db => db.ProgrammeItems.CountAsync(i => i.MissionId == s.MissionId));

        using (var duplicate = await client.PostAsync($"/programme/items/{s.PlantVisitId}/duplicate", new FormUrlEncodedContent([new("__RequestVerificationToken", token)])))
        {
            Assert.Equal(HttpStatusCode.Redirect, duplicate.StatusCode);
        }

        var copies = await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.MissionId == s.MissionId && i.Title == "Посещение завода")
            .Select(i => new { i.Id, Host = i.Visit!.HostOrganizationId, i.DelegationId }).ToListAsync());
        Assert.Equal(2, copies.Count);
        Assert.Single(copies.Select(c => (c.Host, c.DelegationId)).Distinct());

        var last = copies.Max(c => c.Id);
        var lastVersion = await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.Id == last).Select(i => i.Version).SingleAsync());
        using (var delete = await client.PostAsync($"/programme/items/{last}/delete", new FormUrlEncodedContent([new("version", lastVersion.ToString()), new("__RequestVerificationToken", token)])))
        {
            Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        }

        Assert.Equal(2, await CountAsync());

        using (var copyDay = await client.PostAsync($"/programme/{s.MissionId}/copy-day",
            new FormUrlEncodedContent([new("From", Iso(Scenario.Day1)), new("To", Iso(Scenario.Day2)), new("__RequestVerificationToken", token)])))
        {
            Assert.Equal(HttpStatusCode.Redirect, copyDay.StatusCode);
        }

        Assert.Equal(2, await factory.QueryAsync(db => db.ProgrammeItems.CountAsync(i => i.MissionId == s.MissionId && i.Date == Scenario.Day2)));

        var fields = ItemFields(Scenario.Day1, "13:00", "14:00", "Обед", s.DelegationId, "Break");
        fields.RemoveAll(f => f.Key == "Date");
        fields.AddRange([new("Dates", Iso(Scenario.Day1)), new("Dates", Iso(Scenario.Day2))]);
        using var lunch = await client.SubmitFormAsync($"/programme/{s.MissionId}/add-to-days", "form[data-testid=item-form]", fields);
        Assert.Equal(HttpStatusCode.Redirect, lunch.StatusCode);
        var lunches = await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.MissionId == s.MissionId && i.Title == "Обед").Select(i => i.Date).OrderBy(d => d).ToListAsync());
        Assert.Equal([Scenario.Day1, Scenario.Day2], lunches);
    }

    [Fact]
    public async Task Each_conflict_rule_shows_on_the_page_and_an_acknowledgement_keeps_its_reason()
    {
        var (client, s) = await StartAsync("Конфликты");

        // the same hall at the same time; the same people twice
        using (await client.SubmitFormAsync($"/programme/{s.MissionId}/items/new", "form[data-testid=item-form]", ItemFields(Scenario.Day1, "10:30", "11:30", "Вторая встреча", s.DelegationId, venueId: s.HallId)))
        {
        }

        // four people in a room for two
        using (await client.SubmitFormAsync($"/programme/{s.MissionId}/items/new", "form[data-testid=item-form]", ItemFields(Scenario.Day1, "15:00", "16:00", "Тесная встреча", s.DelegationId, venueId: s.SmallRoomId)))
        {
        }

        // Krasnoyarsk 11:30, then Zheleznogorsk at 12:00: half an hour for an hour's road
        using (await client.SubmitFormAsync($"/programme/{s.MissionId}/items/new", "form[data-testid=item-form]", ItemFields(Scenario.Day2, "10:30", "11:30", "Встреча в городе", s.DelegationId, venueId: s.HallId)))
        {
        }

        var page = await client.GetPageAsync($"/programme/{s.MissionId}");
        var conflicts = page.QuerySelectorAll("[data-testid=conflict]").Select(c => c.TextContent).ToList();
        Assert.Contains(conflicts, c => c.Contains("одновременно на площадке", StringComparison.Ordinal));
        Assert.Contains(conflicts, c => c.Contains("Иванов Иван Иванович", StringComparison.Ordinal) && c.Contains("одновременно в «Утренняя встреча» и «Вторая встреча»", StringComparison.Ordinal));
        Assert.Contains(conflicts, c => c.Contains("а площадка «Переговорная", StringComparison.Ordinal) && c.Contains("вмещает 2", StringComparison.Ordinal));
        Assert.Contains(conflicts, c => c.Contains("остаётся 30\u00A0мин, а дорога занимает 60\u00A0мин", StringComparison.Ordinal));
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid=item-conflict]"));

        var key = page.QuerySelectorAll("[data-testid=conflict]").First(c => c.TextContent.Contains("вмещает 2", StringComparison.Ordinal)).GetAttribute("data-conflict-key")!;
        var token = await client.AntiforgeryTokenAsync($"/programme/{s.MissionId}");
        using (var empty = await client.PostAsync($"/programme/{s.MissionId}/acknowledge", new FormUrlEncodedContent([new("ConflictKey", key), new("Reason", "  "), new("__RequestVerificationToken", token)])))
        {
            Assert.Equal(HttpStatusCode.Redirect, empty.StatusCode);
        }

        Assert.Equal(0, await factory.QueryAsync(db => db.ConflictAcknowledgements.CountAsync(a => a.MissionId == s.MissionId)));
        using (var ack = await client.PostAsync($"/programme/{s.MissionId}/acknowledge", new FormUrlEncodedContent([new("ConflictKey", key), new("Reason", "Приставные стулья из соседнего зала"), new("__RequestVerificationToken", token)])))
        {
            Assert.Equal(HttpStatusCode.Redirect, ack.StatusCode);
        }

        var stored = await factory.QueryAsync(db => db.ConflictAcknowledgements.SingleAsync(a => a.MissionId == s.MissionId));
        Assert.Equal((key, "Приставные стулья из соседнего зала"), (stored.ConflictKey, stored.Reason));
        var after = await client.GetPageAsync($"/programme/{s.MissionId}");
        var acknowledged = after.QuerySelectorAll("[data-testid=conflict]").Single(c => c.GetAttribute("data-conflict-key") == key);
        Assert.Contains("Приставные стулья из соседнего зала", acknowledged.QuerySelector("[data-testid=acknowledgement]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_outside_the_missions_dates_after_the_dates_change_is_a_conflict()
    {
        var (client, s) = await StartAsync("Даты");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MissionPortal.Core.Data.PortalDbContext>();
            var mission = await db.Missions.SingleAsync(m => m.Id == s.MissionId);
            mission.UpdateDetails(mission.Kind, mission.Title, null, mission.OriginRegionId, mission.HostRegionId, Scenario.Day1, Scenario.Day1);
            await db.SaveChangesAsync();
        }

        var page = await client.GetPageAsync($"/programme/{s.MissionId}");

        Assert.Contains(page.QuerySelectorAll("[data-testid=conflict]"), c => c.TextContent.Contains("«Посещение завода» стоит на 11.03.2027 — вне дат миссии.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_second_of_two_edits_gets_the_conflict_page_and_can_reapply()
    {
        var (first, s) = await StartAsync("Одновременно");
        var second = factory.CreatePortalClient();
        await second.LoginAsAsync(DemoOptions.AgencyEmail);
        var url = $"/programme/items/{s.MorningItemId}/edit";
        var firstPage = await first.GetPageAsync(url);
        var secondPage = await second.GetPageAsync(url);
        string Version(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        Assert.Equal(Version(firstPage), Version(secondPage));

        using (var saved = await first.SubmitFormAsync(url, "form[data-testid=item-form]", ItemFields(Scenario.Day1, "10:00", "11:00", "Встреча — правка первого", s.DelegationId)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var stale = ItemFields(Scenario.Day1, "10:00", "11:00", "Встреча — правка второго", s.DelegationId);
        stale.Add(new("Version", Version(secondPage)));
        var token = secondPage.QuerySelector("form[data-testid=item-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        stale.Add(new("__RequestVerificationToken", token));
        using var conflict = await second.PostAsync(url, new FormUrlEncodedContent(stale));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var conflictPage = new HtmlParser().ParseDocument(await conflict.Content.ReadAsStringAsync());
        Assert.Contains("Встреча — правка первого", conflictPage.QuerySelector("[data-testid=current-version]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Встреча — правка второго", conflictPage.QuerySelector("[data-testid=your-version] input[name=Title]")!.GetAttribute("value"));
        Assert.Equal("Встреча — правка первого", await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.Id == s.MorningItemId).Select(i => i.Title).SingleAsync()));

        var reapply = ItemFields(Scenario.Day1, "10:00", "11:00", "Встреча — правка второго", s.DelegationId);
        reapply.Add(new("Version", conflictPage.QuerySelector("[data-testid=your-version] input[name=Version]")!.GetAttribute("value")!));
        reapply.Add(new("__RequestVerificationToken", conflictPage.QuerySelector("[data-testid=your-version] input[name=__RequestVerificationToken]")!.GetAttribute("value")!));
        using var again = await second.PostAsync(url, new FormUrlEncodedContent(reapply));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Встреча — правка второго", await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.Id == s.MorningItemId).Select(i => i.Title).SingleAsync()));
    }

    [Fact]
    public async Task The_ministry_may_read_the_programme_but_not_change_it()
    {
        var s = await Scenario.CreateAsync(factory, "Министерство " + Guid.NewGuid().ToString("N")[..6]);
        var ministry = factory.CreatePortalClient();
        await ministry.LoginAsAsync(DemoOptions.MinistryEmail);

        var page = await ministry.GetPageAsync($"/programme/{s.MissionId}");
        Assert.Empty(page.QuerySelectorAll("form[action*='/delete']"));
        var token = await ministry.AntiforgeryTokenAsync($"/programme/{s.MissionId}");
        using var move = await ministry.PostAsync($"/programme/items/{s.MorningItemId}/move",
            new FormUrlEncodedContent([new("Date", Iso(Scenario.Day2)), new("Start", "09:00"), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Forbidden, move.StatusCode);
        Assert.Equal(Scenario.Day1, await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.Id == s.MorningItemId).Select(i => i.Date).SingleAsync()));
    }
}
