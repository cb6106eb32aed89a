using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Programme;

/// <summary>
/// The item form's host organisation for a visit lists the host region's enterprises, institutions and authorities and
/// the organisations taking part in the mission, with the chosen one always there: not the whole registry.
/// </summary>
public class VisitHostOptionsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_visit_host_lists_the_host_region_and_the_mission_organisations_and_keeps_the_chosen_one()
    {
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var kaluga = await factory.ResolveAsync("{kaluga}");
        var missionId = int.Parse(kaluga, CultureInfo.InvariantCulture);
        var hostRegion = await factory.QueryAsync(db => db.Missions.Where(m => m.Id == missionId).Select(m => m.HostRegionId).SingleAsync());
        var expected = await factory.QueryAsync(db => db.Organizations
            .Where(o => (o.RegionId == hostRegion && o.Kind != OrganizationKind.Company)
                || db.Participants.Any(p => p.OrganizationId == o.Id && p.Delegation!.MissionId == missionId))
            .Select(o => o.Name).ToListAsync());
        var outsider = await factory.QueryAsync(db => db.Organizations.Where(o => o.Name == "ООО «СтройРеанимация»").Select(o => o.Id).SingleAsync());

        var form = await agency.GetPageAsync($"/programme/{kaluga}/items/new");
        var offered = form.QuerySelectorAll("#HostOrganizationId option").Where(o => o.GetAttribute("value") != string.Empty).Select(o => o.TextContent).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));
        Assert.Contains("АО «Информационные спутниковые системы» имени академика М.Ф. Решетнёва", offered);
        Assert.Contains(DemoData.FirstKalugaCompanyName, offered);
        Assert.DoesNotContain("ООО «СтройРеанимация»", offered);
        Assert.True(offered.Count < await factory.QueryAsync(db => db.Organizations.CountAsync()));

        // An organisation outside the list, sent by the form and re-shown for another error, stays chosen.
        using var reshown = await agency.SubmitFormAsync($"/programme/{kaluga}/items/new", "form[data-testid=item-form]",
            [new("Kind", "SiteVisit"), new("Title", string.Empty), new("HostOrganizationId", outsider.ToString(CultureInfo.InvariantCulture))]);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await reshown.Content.ReadAsStringAsync());
        Assert.Equal("ООО «СтройРеанимация»", page.QuerySelector("#HostOrganizationId option[selected]")?.TextContent);
    }
}
