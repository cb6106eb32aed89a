using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Agreements;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Data;

/// <summary>Programme items and venues are referenced by other records: deleting hides them, the agency restores them.</summary>
public class SoftDeleteTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<HttpClient> AgencyAsync()
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.AgencyEmail);
        return client;
    }

    [Fact]
    public async Task A_deleted_programme_item_leaves_the_programme_keeps_its_visit_and_comes_back_when_the_agency_restores_it()
    {
        var s = await Scenario.CreateAsync(factory, "Миссия удалённого выезда");
        var client = await AgencyAsync();

        using (var deleted = await client.SubmitFormAsync($"/programme/{s.MissionId}", $"form[action='/programme/items/{s.PlantVisitId}/delete']", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        var programme = await client.GetPageAsync($"/programme/{s.MissionId}");
        var bin = await client.GetPageAsync($"/programme/{s.MissionId}/deleted");
        var stored = await factory.QueryAsync(db => db.ProgrammeItems.IgnoreQueryFilters().Where(i => i.Id == s.PlantVisitId)
            .Select(i => new { i.DeletedAtUtc, HasVisit = i.Visit != null }).SingleAsync());
        Assert.DoesNotContain(programme.QuerySelectorAll("[data-testid=programme-item]"), i => i.TextContent.Contains("Посещение завода", StringComparison.Ordinal));
        Assert.Contains("Посещение завода", Assert.Single(bin.QuerySelectorAll("[data-testid=deleted-item]")).TextContent, StringComparison.Ordinal);
        Assert.NotNull(stored.DeletedAtUtc);
        Assert.True(stored.HasVisit);

        using (var restored = await client.SubmitFormAsync($"/programme/{s.MissionId}/deleted", $"form[action='/programme/items/{s.PlantVisitId}/restore']", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        }

        Assert.Contains((await client.GetPageAsync($"/programme/{s.MissionId}")).QuerySelectorAll("[data-testid=programme-item]"), i => i.TextContent.Contains("Посещение завода", StringComparison.Ordinal));
        Assert.Empty((await client.GetPageAsync($"/programme/{s.MissionId}/deleted")).QuerySelectorAll("[data-testid=deleted-item]"));
        var company = factory.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);
        await company.GetPageAsync($"/programme/{s.MissionId}/deleted", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_deleted_venue_leaves_the_registry_stays_on_its_items_and_the_agency_restores_it()
    {
        var s = await Scenario.CreateAsync(factory, "Миссия удалённой площадки");
        var client = await AgencyAsync();
        var plant = await factory.QueryAsync(db => db.Venues.Where(v => v.Id == s.PlantId).Select(v => v.Name).SingleAsync());

        using (var deleted = await client.SubmitFormAsync($"/venues/edit/{s.PlantId}", "form[data-testid=venue-delete]", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        var registry = await client.GetPageAsync("/venues");
        var bin = await client.GetPageAsync("/venues/deleted");
        var programme = await client.GetPageAsync($"/programme/{s.MissionId}");
        var choice = await client.GetPageAsync($"/programme/{s.MissionId}/items/new");
        Assert.DoesNotContain(plant, registry.QuerySelector("[data-testid=venues]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(plant, Assert.Single(bin.QuerySelectorAll("[data-testid=deleted-venue]")).TextContent, StringComparison.Ordinal);
        Assert.Contains(programme.QuerySelectorAll("[data-testid=programme-item]"), i => i.TextContent.Contains(plant, StringComparison.Ordinal));
        Assert.DoesNotContain(choice.QuerySelectorAll("select[name=VenueId] option"), o => o.TextContent.Contains(plant, StringComparison.Ordinal));

        using (var restored = await client.SubmitFormAsync("/venues/deleted", $"form[action='/venues/restore/{s.PlantId}']", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        }

        Assert.Contains(plant, (await client.GetPageAsync("/venues")).QuerySelector("[data-testid=venues]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await factory.QueryAsync(db => db.Venues.Where(v => v.Id == s.PlantId).Select(v => v.DeletedAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task An_agreement_signed_at_a_deleted_programme_item_points_to_it_again_when_the_item_is_restored()
    {
        var s = await Scenario.CreateAsync(factory, "Миссия удалённого подписания");
        var agreement = new Agreement("Соглашение у удалённого пункта", AgreementKind.Interregional, CooperationAreas.Cultural);
        agreement.SignAt(s.MissionId, s.MorningItemId);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Agreements.Add(agreement);
            await db.SaveChangesAsync();
        }

        var client = await AgencyAsync();
        using (var deleted = await client.SubmitFormAsync($"/programme/{s.MissionId}", $"form[action='/programme/items/{s.MorningItemId}/delete']", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        var whileDeleted = await client.GetPageAsync($"/agreements/{agreement.Id}");
        Assert.DoesNotContain("Утренняя встреча", whileDeleted.QuerySelector("[data-testid=agreement-mission]")!.TextContent, StringComparison.Ordinal);

        using (var restored = await client.SubmitFormAsync($"/programme/{s.MissionId}/deleted", $"form[action='/programme/items/{s.MorningItemId}/restore']", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        }

        Assert.Equal(s.MorningItemId, await factory.QueryAsync(db => db.Agreements.Where(a => a.Id == agreement.Id).Select(a => a.ProgrammeItemId).SingleAsync()));
        Assert.Contains("пункт программы: Утренняя встреча", (await client.GetPageAsync($"/agreements/{agreement.Id}")).QuerySelector("[data-testid=agreement-mission]")!.TextContent, StringComparison.Ordinal);
    }
}
