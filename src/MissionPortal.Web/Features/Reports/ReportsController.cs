using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Identity;

namespace MissionPortal.Web.Features.Reports;

/// <summary>
/// A mission's one-page report for the ministry to publish (page, print, PDF) and the yearly dashboard
/// of all missions with their figures. A visiting company reads the published report (the mission is completed)
/// of a mission its people took part in; any other mission is 404 to it, and the dashboard is not its page.
/// </summary>
[Route("reports")]
[Authorize(Policy = Policies.UsePortal)]
public class ReportsController(ReportQueries reports, ReportText text, IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    [HttpGet("")]
    [Authorize(Policy = Policies.ViewMissions)]
    public async Task<IActionResult> Index(int? year, CancellationToken ct)
    {
        var chosen = year is >= 2000 and <= 2100 ? year.Value : HostCalendar.Today(clock).Year;
        return View(await reports.DashboardAsync(chosen, label => l[label], ct));
    }

    [HttpGet("{missionId:int}")]
    public async Task<IActionResult> Mission(int missionId, CancellationToken ct)
    {
        var report = await ReportForUserAsync(missionId, ct);
        return report is null ? NotFound() : View(report);
    }

    [HttpGet("{missionId:int}/pdf")]
    public async Task<IActionResult> Pdf(int missionId, CancellationToken ct)
    {
        var report = await ReportForUserAsync(missionId, ct);
        return report is null
            ? NotFound()
            : File(text.Pdf(report), "application/pdf", $"mission-report-{missionId}-{HostCalendar.Today(clock):yyyy-MM-dd}.pdf");
    }

    /// <summary>The agency and the ministry read every report; a company only a published one of a mission it took part in.</summary>
    private async Task<MissionReportViewModel?> ReportForUserAsync(int missionId, CancellationToken ct)
    {
        if (User.SeesAllMissions())
        {
            return await reports.ReportAsync(missionId, ct);
        }

        return User.OrganizationId() is { } own && await reports.IsPublishedToAsync(missionId, own, ct)
            ? await reports.ReportAsync(missionId, ct)
            : null;
    }
}
