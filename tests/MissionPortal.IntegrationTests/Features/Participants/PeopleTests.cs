using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Participants;

/// <summary>
/// The agency's people: a person corrected with their history on their page, the directory recognising the same person
/// across missions, the add-person form prefilled from an earlier mission, the participant list searched, filtered,
/// sorted and downloaded as .xlsx.
/// </summary>
public class PeopleTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_agency_corrects_a_person_and_their_page_shows_who_changed_what_while_bad_input_changes_nothing()
    {
        var world = await WorldAsync("edit");
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.AgencyEmail);
        var person = world.Earlier[0];
        var form = "form[data-testid=person-form]";

        using var blank = await client.SubmitFormAsync($"/people/{person}/edit", form, [new("Surname", " "), new("Phone", "12")]);
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        var refused = await blank.Content.ReadAsStringAsync();
        Assert.Contains("Укажите фамилию.", refused, StringComparison.Ordinal);
        Assert.Contains("Телефон укажите в российском формате", refused, StringComparison.Ordinal);
        Assert.Equal("Мазур", await factory.QueryAsync(db => db.Participants.Where(p => p.Id == person).Select(p => p.Surname).SingleAsync()));

        using var saved = await client.SubmitFormAsync($"/people/{person}/edit", form,
        [
            new("Surname", "Мазур"), new("GivenName", "Владимир"), new("Patronymic", "Владимирович"),
            new("Position", "Губернатор Томской области, председатель правительства"), new("OrganizationId", S(world.University)),
            new("Email", "mazur@tomsk.example.ru"), new("Phone", "8 (3822) 51-11-01"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await factory.QueryAsync(db => db.Participants.Where(p => p.Id == person).Select(p => new { p.Surname, p.Position, p.OrganizationId, p.Email, p.Phone }).SingleAsync());
        Assert.Equal(("Мазур", "Губернатор Томской области, председатель правительства", (int?)world.University, "mazur@tomsk.example.ru", "+73822511101"),
            (stored.Surname, stored.Position, stored.OrganizationId, stored.Email, stored.Phone));

        var page = await client.GetPageAsync($"/people/{person}");
        var history = page.QuerySelector("[data-testid=person-history]")!.TextContent;
        Assert.Contains("Губернатор Томской области, председатель правительства", history, StringComparison.Ordinal);
        Assert.Contains("Администрация Томской области", history, StringComparison.Ordinal);
        Assert.Contains("Томский государственный университет", history, StringComparison.Ordinal);
        Assert.Contains("mazur@tomsk.example.ru", history, StringComparison.Ordinal);
        Assert.Contains("UTC+7", history, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC+0", history, StringComparison.Ordinal);

        // An edit opened before this one is a conflict, not an overwrite; an unknown person is 404.
        var stale = await client.ReadFormAsync($"/people/{person}/edit", form);
        using (var first = await client.SubmitFormAsync($"/people/{person}/edit", form, [new("Surname", "Мазур"), new("GivenName", "Владимир"), new("Position", "Губернатор")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var late = await client.PostFormAsync(stale, [new("Surname", "Мазур"), new("GivenName", "Владимир"), new("Position", "Другое")]);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("Губернатор", await factory.QueryAsync(db => db.Participants.Where(p => p.Id == person).Select(p => p.Position).SingleAsync()));
        using var missing = await client.PostFormAsync(stale with { Action = "/people/99999999/edit" }, [new("Surname", "Мазур"), new("GivenName", "Владимир"), new("Position", "Другое")]);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_directory_shows_one_person_per_line_across_missions_and_the_add_form_is_prefilled_from_an_earlier_mission()
    {
        var world = await WorldAsync("directory");
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.AgencyEmail);

        // Кнорр of the earlier mission and Кнорр of the later one share an e-mail: one person; the namesake doesn't.
        var directory = await client.GetPageAsync("/people?q=directory");
        var rows = directory.QuerySelectorAll("[data-testid=directory-person]").Where(r => r.TextContent.Contains("Кнорр Андрей", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        var missions = rows.Select(r => r.QuerySelectorAll("[data-testid=directory-missions] a").Length).Order().ToList();
        Assert.Equal([1, 2], missions);
        var personPage = await client.GetPageAsync($"/people/{world.Later}");
        Assert.Contains(world.EarlierTitle, personPage.QuerySelector("[data-testid=person-elsewhere]")!.TextContent, StringComparison.Ordinal);

        // Found from the later mission's add form by part of the surname, prefilled, added without retyping.
        var petrova = world.Earlier[1];
        var found = await client.GetPageAsync($"/missions/{world.LaterMission}/participants?find=petrova.directory");
        var proposal = found.QuerySelector("[data-testid=person-proposal]")!;
        Assert.Contains("Петрова Ольга Игоревна", proposal.TextContent, StringComparison.Ordinal);
        var prefilled = await client.GetPageAsync(proposal.QuerySelector("a[data-testid=person-prefill]")!.GetAttribute("href")!);
        var form = (IHtmlFormElement)prefilled.QuerySelector("form[data-testid=add-person-form]")!;
        Assert.Equal("Петрова", ((IHtmlInputElement)form.QuerySelector("[name=Surname]")!).Value);
        Assert.Equal("petrova.directory@example.ru", ((IHtmlInputElement)form.QuerySelector("[name=Email]")!).Value);
        Assert.Equal("+7 38241 2-34-56", ((IHtmlInputElement)form.QuerySelector("[name=Phone]")!).Value);
        Assert.Equal(S(world.Instruments), ((IHtmlSelectElement)form.QuerySelector("[name=OrganizationId]")!).Value);

        // The basis is chosen again for the new mission: the earlier one's consent does not carry over.
        var fields = FormFields.Of(form).With(("DelegationId", S(world.LaterDelegation)), ("DataBasis", "ConsentCollectedBySender"));
        using var added = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var copy = await factory.QueryAsync(db => db.Participants.Where(p => p.DelegationId == world.LaterDelegation && p.Surname == "Петрова")
            .Select(p => new { p.GivenName, p.Patronymic, p.Position, p.Email, p.Phone, p.OrganizationId }).SingleAsync());
        Assert.Equal(("Ольга", "Игоревна", "Генеральный директор", "petrova.directory@example.ru", "+73824123456", (int?)world.Instruments),
            (copy.GivenName, copy.Patronymic, copy.Position, copy.Email, copy.Phone, copy.OrganizationId));
        Assert.NotEqual(petrova, await factory.QueryAsync(db => db.Participants.Where(p => p.DelegationId == world.LaterDelegation && p.Surname == "Петрова").Select(p => p.Id).SingleAsync()));

        // Now one line with both missions.
        var again = await client.GetPageAsync("/people?q=petrova.directory");
        Assert.Equal(2, again.QuerySelectorAll("[data-testid=directory-person] [data-testid=directory-missions] a").Length);
        Assert.Single(again.QuerySelectorAll("[data-testid=directory-person]"));
    }

    [Fact]
    public async Task The_participant_list_is_searched_filtered_sorted_and_downloaded_as_it_is_shown()
    {
        var world = await WorldAsync("list");
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.AgencyEmail);
        var list = $"/missions/{world.EarlierMission}/participants";

        static List<string> Names(IHtmlDocument page) =>
            page.QuerySelectorAll("[data-testid=person] [data-testid=person-link]").Select(a => a.TextContent.Trim()).ToList();

        // By default: applications waiting first, then the delegation by protocol, the head first.
        Assert.Equal(["Сидоров Илья", "Мазур Владимир Владимирович", "Кнорр Андрей Александрович", "Петрова Ольга Игоревна"], Names(await client.GetPageAsync(list)));
        Assert.Equal(["Петрова Ольга Игоревна"], Names(await client.GetPageAsync(list + "?q=" + Uri.EscapeDataString("ПРИБОРЫ"))));
        Assert.Equal(["Мазур Владимир Владимирович"], Names(await client.GetPageAsync(list + "?q=" + Uri.EscapeDataString("3822 51-11"))));
        Assert.Equal(["Кнорр Андрей Александрович"], Names(await client.GetPageAsync(list + "?role=DeputyHead")));
        Assert.Equal(["Сидоров Илья"], Names(await client.GetPageAsync(list + "?status=Pending")));
        Assert.Equal(["Кнорр Андрей Александрович", "Мазур Владимир Владимирович", "Петрова Ольга Игоревна", "Сидоров Илья"], Names(await client.GetPageAsync(list + "?sort=name")));
        Assert.Equal(4, Names(await client.GetPageAsync(list + "?sort=nonsense&role=77&status=99")).Count);

        var shown = await client.GetPageAsync(list + "?sort=name&status=Approved");
        var href = shown.QuerySelector("a[data-testid=participant-xlsx]")!.GetAttribute("href")!;
        using var file = await client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType!.MediaType);
        await using var stream = new MemoryStream(await file.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var people = rows.Where(r => r["Фамилия, имя, отчество"] is string { Length: > 0 }).ToList();
        Assert.Equal(["Кнорр Андрей Александрович", "Мазур Владимир Владимирович", "Петрова Ольга Игоревна"], people.Select(r => (string)r["Фамилия, имя, отчество"]!));
        Assert.Equal("Глава делегации", people[1]["Роль в делегации"]);
        Assert.Equal("+7 3822 51-11-01", people[1]["Телефон"]);
        Assert.Equal("ООО «Томские приборы»", people[2]["Организация"]);
        Assert.Equal("knorr.list@example.ru", people[0]["Электронная почта"]);
    }

    private sealed record World(int EarlierMission, string EarlierTitle, int[] Earlier, int LaterMission, int LaterDelegation, int Later, int University, int Instruments);

    /// <summary>
    /// Two Tomsk missions: the earlier with Мазур (head), Кнорр (deputy), Петрова and Сидоров (pending); the later with
    /// the same Кнорр (same e-mail) and a namesake Кнорр of another organisation.
    /// </summary>
    private async Task<World> WorldAsync(string tag)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var tomsk = await db.Regions.Where(r => r.Code == 70).Select(r => r.Id).SingleAsync();
        var krasnoyarsk = await db.Regions.Where(r => r.Code == 24).Select(r => r.Id).SingleAsync();
        var administration = new Organization($"Администрация Томской области ({tag})", OrganizationKind.Authority, tomsk);
        var university = new Organization($"Томский государственный университет ({tag})", OrganizationKind.Institution, tomsk);
        var instruments = new Organization($"ООО «Томские приборы {tag}»", OrganizationKind.Company, tomsk);
        instruments.UpdateRegistryEntry(OrganizationKind.Company, $"ООО «Томские приборы {tag}»", "ООО «Томские приборы»", tomsk, null, null, null, null, null, null, null);
        var other = new Organization($"АО «Сибирские сети {tag}»", OrganizationKind.Company, tomsk);
        db.Organizations.AddRange(administration, university, instruments, other);
        await db.SaveChangesAsync();

        var earlierTitle = $"Томская делегация в Красноярске, {tag}";
        var earlier = new Mission(MissionKind.BusinessMission, earlierTitle, tomsk, krasnoyarsk, new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 4));
        var first = earlier.AddDelegation("Делегация Томской области", DelegationSide.Visiting);
        var people = new[]
        {
            first.AddParticipant("Сидоров", "Илья", null, "Проректор", university.Id, DelegationRole.Member, approved: false),
            first.AddParticipant("Петрова", "Ольга", "Игоревна", "Генеральный директор", instruments.Id, DelegationRole.Member, approved: true).WithContacts($"petrova.{tag}@example.ru", "+73824123456"),
            first.AddParticipant("Кнорр", "Андрей", "Александрович", "Заместитель губернатора", administration.Id, DelegationRole.Member, approved: true).WithContacts($"knorr.{tag}@example.ru", "+73822512202"),
            first.AddParticipant("Мазур", "Владимир", "Владимирович", "Губернатор Томской области", administration.Id, DelegationRole.Member, approved: true).WithContacts(null, "+73822511101"),
        };
        first.AssignRole(people[3], DelegationRole.Head);
        first.AssignRole(people[2], DelegationRole.DeputyHead);
        var later = new Mission(MissionKind.BusinessMission, $"Томская делегация, второй визит, {tag}", tomsk, krasnoyarsk, new DateOnly(2027, 6, 1), new DateOnly(2027, 6, 2));
        var second = later.AddDelegation("Делегация Томской области", DelegationSide.Visiting);
        var same = second.AddParticipant("Кнорр", "Андрей", "Александрович", "Первый заместитель губернатора", null, DelegationRole.Member, approved: true).WithContacts($"KNORR.{tag}@example.ru", null);
        second.AddParticipant("Кнорр", "Андрей", "Александрович", "Инженер", other.Id, DelegationRole.Member, approved: true);
        db.Missions.AddRange(earlier, later);
        await db.SaveChangesAsync();
        return new World(earlier.Id, earlierTitle, [people[3].Id, people[1].Id, people[2].Id, people[0].Id], later.Id, second.Id, same.Id, university.Id, instruments.Id);
    }
}
