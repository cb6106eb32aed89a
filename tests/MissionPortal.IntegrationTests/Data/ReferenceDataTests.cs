using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Data;

/// <summary>The regions ship with the product: an empty deployment has all 89, and a second start changes nothing.</summary>
public class ReferenceDataTests
{
    [Fact]
    public async Task An_empty_deployment_has_the_89_regions_with_districts_and_zones_and_a_second_start_adds_none()
    {
        using var factory = new ConfiguredFactory(
            ("Demo:Enabled", "false"),
            ("Admin:Email", "chief@agency.example.ru"),
            ("Admin:Password", "Первый-администратор-2026"));
        var client = factory.CreatePortalClient();
        using var login = await client.LoginAsync("chief@agency.example.ru", "Первый-администратор-2026");

        var regions = await factory.QueryAsync(db => db.Regions.Select(r => new { r.Id, r.Code, r.Name, r.District, r.TimeZoneId }).ToListAsync());
        Assert.Equal(89, regions.Count);
        Assert.All(regions, r => Assert.NotNull(r.District));
        Assert.Equal("Asia/Tomsk", regions.Single(r => r.Name == "Томская область").TimeZoneId);
        Assert.Equal("Europe/Kaliningrad", regions.Single(r => r.Code == 39).TimeZoneId);
        Assert.Equal("Asia/Kamchatka", regions.Single(r => r.Code == 41).TimeZoneId);

        // The seeder runs again as at the next start: nothing is added or renumbered.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PortalSeeder>().SeedAsync();
        }

        var again = await factory.QueryAsync(db => db.Regions.OrderBy(r => r.Id).Select(r => new { r.Id, r.Code }).ToListAsync());
        Assert.Equal(regions.OrderBy(r => r.Id).Select(r => (r.Id, r.Code)), again.Select(r => (r.Id, r.Code)));

        // The new-mission form offers every region, the seeds' or not.
        var form = await client.GetPageAsync("/missions/create");
        var options = form.QuerySelectorAll("select[name=HostRegionId] option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Contains("Томская область", options);
        Assert.True(options.Count >= 89, $"{options.Count} regions offered");
    }

    [Fact]
    public async Task Demo_regions_seeded_before_keep_their_ids_and_get_district_and_zone()
    {
        using var factory = new PortalFactory();
        var regions = await factory.QueryAsync(db => db.Regions.Where(r => r.Code == 24 || r.Code == 40 || r.Code == 78)
            .Select(r => new { r.Code, r.District, r.TimeZoneId }).OrderBy(r => r.Code).ToListAsync());
        Assert.Equal(
            [(24, (FederalDistrict?)FederalDistrict.Siberian, "Asia/Krasnoyarsk"), (40, FederalDistrict.Central, "Europe/Moscow"), (78, FederalDistrict.NorthWestern, "Europe/Moscow")],
            regions.Select(r => (r.Code, r.District, r.TimeZoneId)));
        Assert.Equal(89, await factory.QueryAsync(db => db.Regions.CountAsync()));
    }

    [Fact]
    public async Task The_agency_adds_a_city_to_a_region_once_and_a_bad_one_is_refused_with_what_was_typed()
    {
        using var factory = new PortalFactory();
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.AgencyEmail);
        var tomsk = await factory.QueryAsync(db => db.Regions.Where(r => r.Code == 70).Select(r => r.Id).SingleAsync());

        using var added = await client.SubmitFormAsync("/regions", "form[data-testid=settlement-form]", [new("Name", " Северск "), new("RegionId", tomsk.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(["Северск"], await factory.QueryAsync(db => db.Settlements.Where(s => s.RegionId == tomsk).Select(s => s.Name).ToListAsync()));

        using var twice = await client.SubmitFormAsync("/regions", "form[data-testid=settlement-form]", [new("Name", "Северск"), new("RegionId", tomsk.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("«Северск» уже есть в этом регионе.", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var nowhere = await client.SubmitFormAsync("/regions", "form[data-testid=settlement-form]", [new("Name", "Атлантида"), new("RegionId", "987654")]);
        var html = await nowhere.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, nowhere.StatusCode);
        Assert.Contains("Выберите регион из списка.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Атлантида\"", html, StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => db.Settlements.CountAsync()));
    }
}
