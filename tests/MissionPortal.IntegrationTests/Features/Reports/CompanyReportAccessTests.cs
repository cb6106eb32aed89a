using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Reports;

/// <summary>
/// A visiting company reads the published report (the mission is completed) of a mission its people took part in,
/// as a page and as PDF; a mission still under way, or one it had no one at, is 404; the yearly dashboard is not its page.
/// </summary>
public class CompanyReportAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_company_reads_the_report_of_a_completed_mission_it_took_part_in_and_no_other()
    {
        var s = await Scenario.CreateAsync(factory, "Миссия справки для компании");
        var own = await factory.QueryAsync(db => db.Users.Where(u => u.Email == DemoOptions.CompanyEmail).Select(u => u.OrganizationId).SingleAsync());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var delegation = await db.Delegations.SingleAsync(d => d.Id == s.DelegationId);
            delegation.AddParticipant("Справкина", "Ольга", null, "Менеджер", own, DelegationRole.Member, approved: true);
            await db.SaveChangesAsync();
        }

        var company = factory.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);
        await company.GetPageAsync($"/reports/{s.MissionId}", HttpStatusCode.NotFound);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var mission = await db.Missions.SingleAsync(m => m.Id == s.MissionId);
            foreach (var step in new[] { MissionStatus.Submitted, MissionStatus.Approved, MissionStatus.Running, MissionStatus.Completed })
            {
                mission.ChangeStatus(step);
            }

            await db.SaveChangesAsync();
        }

        var report = await company.GetPageAsync($"/reports/{s.MissionId}");
        Assert.Equal("Миссия справки для компании", report.QuerySelector("[data-testid=report-title]")!.TextContent.Trim());
        Assert.Contains("Итоги миссии", report.QuerySelector("[data-testid=report]")!.TextContent, StringComparison.Ordinal);
        // No link into pages the company can't open: the yearly dashboard and the agency's mission page.
        Assert.DoesNotContain(report.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? string.Empty),
            href => href.StartsWith("/reports?", StringComparison.Ordinal) || href == "/reports" || href.StartsWith("/missions/", StringComparison.Ordinal));
        using var pdf = await company.GetAsync($"/reports/{s.MissionId}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);

        var results = await company.GetPageAsync($"/results/{s.MissionId}");
        Assert.NotNull(results.QuerySelector("[data-testid=report-link]"));

        var petersburg = await factory.QueryAsync(db => db.Missions.Where(m => m.Title == DemoData.PetersburgMissionTitle).Select(m => m.Id).SingleAsync());
        await company.GetPageAsync($"/reports/{petersburg}", HttpStatusCode.NotFound);
        await company.GetPageAsync("/reports", HttpStatusCode.Forbidden);
    }
}
