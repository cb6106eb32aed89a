using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Organisations;

public class OrganisationRegistryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<(HttpClient Client, int Tomsk)> StartAsync()
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.AgencyEmail);
        return (client, await factory.QueryAsync(db => db.Regions.Where(r => r.Code == 70).Select(r => r.Id).SingleAsync()));
    }

    [Fact]
    public async Task The_agency_adds_a_body_without_legal_numbers_edits_it_and_finds_it_by_any_spelling()
    {
        var (client, tomsk) = await StartAsync();

        using var created = await client.SubmitFormAsync("/organisations/new", "form[data-testid=organisation-form]",
        [
            new("Kind", "Authority"), new("Name", "Администрация Томской области"), new("RegionId", S(tomsk)), new("City", "Томск"),
            new("ContactPhone", "8 (3822) 51-11-01"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var body = await factory.QueryAsync(db => db.Organizations.SingleAsync(o => o.Name == "Администрация Томской области"));
        Assert.Equal((OrganizationKind.Authority, tomsk, (string?)null, "+73822511101", OrganizationStatus.Approved), (body.Kind, body.RegionId, body.Inn, body.ContactPhone, body.Status));

        var found = await client.GetPageAsync("/organisations?q=" + Uri.EscapeDataString("АДМИНИСТРАЦИЯ томской") + "&regionId=" + S(tomsk) + "&kind=Authority");
        Assert.Contains("Администрация Томской области", found.QuerySelector("[data-testid=organisations]")!.TextContent, StringComparison.Ordinal);
        var other = await client.GetPageAsync("/organisations?q=" + Uri.EscapeDataString("Администрация Томской") + "&kind=Company");
        Assert.DoesNotContain("Администрация Томской области", other.QuerySelector("[data-testid=organisations]")!.TextContent, StringComparison.Ordinal);

        var edit = await client.GetPageAsync($"/organisations/{body.Id}");
        Assert.Equal("+7 3822 51-11-01", ((AngleSharp.Html.Dom.IHtmlInputElement)edit.QuerySelector("input[name=ContactPhone]")!).Value);
        using var edited = await client.SubmitFormAsync($"/organisations/{body.Id}", "form[data-testid=organisation-form]",
        [
            new("Kind", "Authority"), new("Name", "Администрация Томской области"), new("ShortName", "АТО"), new("RegionId", S(tomsk)),
            new("Inn", "7018016237"), new("City", "Томск"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(("АТО", "7018016237"), await factory.QueryAsync(db => db.Organizations.Where(o => o.Id == body.Id).Select(o => new ValueTuple<string?, string?>(o.ShortName, o.Inn)).SingleAsync()));
        var audited = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Organization) && a.EntityId == S(body.Id)).CountAsync());
        Assert.True(audited >= 2, $"{audited} audit rows");
    }

    [Fact]
    public async Task The_status_filter_shows_pending_rejected_or_merged_records_and_the_default_hides_only_merged_ones()
    {
        var (client, tomsk) = await StartAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var pending = new Organization("Статусная Ожидающая", OrganizationKind.Company, tomsk);
            pending.MarkPending();
            var rejected = new Organization("Статусная Отклонённая", OrganizationKind.Company, tomsk);
            rejected.Reject("Нет сведений");
            var survivor = new Organization("Статусная Действующая", OrganizationKind.Company, tomsk);
            var merged = new Organization("Статусная Дубликат", OrganizationKind.Company, tomsk);
            db.Organizations.AddRange(pending, rejected, survivor, merged);
            await db.SaveChangesAsync();
            merged.MergeInto(survivor);
            await db.SaveChangesAsync();
        }

        async Task<List<string>> NamesAsync(string status)
        {
            var page = await client.GetPageAsync("/organisations?q=" + Uri.EscapeDataString("Статусная") + "&status=" + status);
            return page.QuerySelectorAll("[data-testid=organisation] td:first-child .data").Select(c => c.TextContent.Trim()).Order(StringComparer.Ordinal).ToList();
        }

        Assert.Equal(["Статусная Действующая", "Статусная Ожидающая", "Статусная Отклонённая"], await NamesAsync(string.Empty));
        Assert.Equal(["Статусная Ожидающая"], await NamesAsync("Pending"));
        Assert.Equal(["Статусная Отклонённая"], await NamesAsync("Rejected"));
        Assert.Equal(["Статусная Дубликат"], await NamesAsync("Merged"));
        Assert.Equal(["Статусная Действующая"], await NamesAsync("Approved"));

        // An unknown status is ignored rather than answered with an error.
        Assert.Equal(3, (await NamesAsync("99")).Count);
    }

    [Fact]
    public async Task A_wrong_INN_a_missing_region_or_name_is_refused_in_both_languages_and_the_form_keeps_what_was_typed()
    {
        var (client, tomsk) = await StartAsync();
        var before = await factory.QueryAsync(db => db.Organizations.CountAsync());

        using var response = await client.SubmitFormAsync("/organisations/new", "form[data-testid=organisation-form]",
        [
            new("Kind", "Company"), new("Name", "ООО «Томские кедры»"), new("RegionId", "999999"), new("Inn", "7018016238"), new("Ogrn", "123"),
        ]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Выберите регион из списка.", html, StringComparison.Ordinal);
        Assert.Contains("Введите ИНН: 10 цифр", html, StringComparison.Ordinal);
        Assert.Contains("Введите ОГРН: 13 цифр", html, StringComparison.Ordinal);
        Assert.Contains("value=\"ООО «Томские кедры»\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"7018016238\"", html, StringComparison.Ordinal);

        await client.SwitchLanguageAsync("en-US", "/organisations/new");
        using var english = await client.SubmitFormAsync("/organisations/new", "form[data-testid=organisation-form]", [new("Kind", "Company"), new("Name", " "), new("RegionId", S(tomsk))]);
        Assert.Contains("Enter the organisation", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Organizations.CountAsync()));
    }

    [Fact]
    public async Task Merging_moves_every_reference_to_the_survivor_and_is_audited_and_merging_into_itself_is_refused()
    {
        var (client, tomsk) = await StartAsync();
        int survivorId, duplicateId, missionId, participantId, venueId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var survivor = new Organization("ООО «Сибирский кедр»", OrganizationKind.Company, tomsk).WithLegalData(LegalIdentifiers.CompleteInn("701700123"), null);
            var duplicate = new Organization("Общество с ограниченной ответственностью \"Сибирский Кедр\"", OrganizationKind.Company, tomsk).WithContacts("Кедров К.К.", "info@kedr.example.ru", "+73822000000");
            db.Organizations.AddRange(survivor, duplicate);
            await db.SaveChangesAsync();
            var krasnoyarsk = await db.Regions.Where(r => r.Code == 24).Select(r => r.Id).SingleAsync();
            var mission = new Mission(MissionKind.BusinessMission, "Миссия для слияния", tomsk, krasnoyarsk, new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 2));
            mission.AddOrganizer(duplicate, OrganizerRole.Organizer);
            mission.AddOrganizer(survivor, OrganizerRole.Organizer);
            var person = mission.AddDelegation("Делегация", DelegationSide.Visiting).AddParticipant("Кедров", "Кирилл", null, "Директор", duplicate);
            var venue = new Venue("Склад кедра", "Томск", "ул. Кедровая, 1", 10);
            db.Missions.Add(mission);
            db.Venues.Add(venue);
            await db.SaveChangesAsync();
            db.Entry(venue).Property("OrganizationId").CurrentValue = duplicate.Id;
            await db.SaveChangesAsync();
            (survivorId, duplicateId, missionId, participantId, venueId) = (survivor.Id, duplicate.Id, mission.Id, person.Id, venue.Id);
        }

        var page = await client.GetPageAsync($"/organisations/{duplicateId}/merge");
        Assert.Contains("ООО «Сибирский кедр»", page.QuerySelector("[data-testid=merge-form]")!.TextContent, StringComparison.Ordinal);

        using var itself = await client.SubmitFormAsync($"/organisations/{duplicateId}/merge", "form[data-testid=merge-form]", [new("SurvivorId", S(duplicateId))]);
        Assert.Equal(HttpStatusCode.OK, itself.StatusCode);
        Assert.Contains("Организацию нельзя объединить с самой собой.", await itself.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(OrganizationStatus.Approved, await factory.QueryAsync(db => db.Organizations.Where(o => o.Id == duplicateId).Select(o => o.Status).SingleAsync()));

        using var merged = await client.SubmitFormAsync($"/organisations/{duplicateId}/merge", "form[data-testid=merge-form]", [new("SurvivorId", S(survivorId))]);
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);

        var after = await factory.QueryAsync(async db => new
        {
            Duplicate = await db.Organizations.Where(o => o.Id == duplicateId).Select(o => new { o.Status, o.MergedIntoId }).SingleAsync(),
            Survivor = await db.Organizations.Where(o => o.Id == survivorId).Select(o => new { o.ContactEmail, o.ContactPhone }).SingleAsync(),
            Person = await db.Participants.Where(p => p.Id == participantId).Select(p => p.OrganizationId).SingleAsync(),
            Venue = await db.Venues.IgnoreQueryFilters().Where(v => v.Id == venueId).Select(v => v.OrganizationId).SingleAsync(),
            Organizers = await db.MissionOrganizers.Where(o => o.MissionId == missionId).Select(o => o.OrganizationId).ToListAsync(),
            Audit = await db.AuditEntries.Where(a => a.EntityType == nameof(Participant) && a.EntityId == S(participantId)).Select(a => a.Changes).ToListAsync(),
        });
        Assert.Equal((OrganizationStatus.Merged, (int?)survivorId), (after.Duplicate.Status, after.Duplicate.MergedIntoId));
        Assert.Equal(("info@kedr.example.ru", "+73822000000"), (after.Survivor.ContactEmail, after.Survivor.ContactPhone));
        Assert.Equal(survivorId, after.Person);
        Assert.Equal(survivorId, after.Venue);
        Assert.Equal([survivorId], after.Organizers);
        Assert.NotEmpty(after.Audit);

        // The merged record is out of the registry's list and can't be merged or edited again.
        var list = await client.GetPageAsync("/organisations?q=" + Uri.EscapeDataString("сибирский кедр"));
        Assert.Single(list.QuerySelectorAll("[data-testid=organisation]"));
        await client.GetPageAsync($"/organisations/{duplicateId}/merge", HttpStatusCode.NotFound);
    }
}
