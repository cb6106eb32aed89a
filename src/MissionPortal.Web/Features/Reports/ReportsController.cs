using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Security;

namespace MissionPortal.Web.Features.Reports;

/// <summary>
/// A mission's one-page report for the ministry to publish (page, print, PDF) and the yearly dashboard
/// of all missions with their figures.
/// </summary>
[Route("reports")]
[Authorize(Policy = Policies.ViewMissions)]
public class ReportsController(ReportQueries reports, ReportText text, IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, CancellationToken ct)
    {
        var chosen = year is >= 2000 and <= 2100 ? year.Value : HostCalendar.Today(clock).Year;
        return View(await reports.DashboardAsync(chosen, label => l[label], ct));
    }

    [HttpGet("{missionId:int}")]
    public async Task<IActionResult> Mission(int missionId, CancellationToken ct)
    {
        var report = await reports.ReportAsync(missionId, ct);
        return report is null ? NotFound() : View(report);
    }

    [HttpGet("{missionId:int}/pdf")]
    public async Task<IActionResult> Pdf(int missionId, CancellationToken ct)
    {
        var report = await reports.ReportAsync(missionId, ct);
        return report is null
            ? NotFound()
            : File(text.Pdf(report), "application/pdf", $"mission-report-{missionId}-{HostCalendar.Today(clock):yyyy-MM-dd}.pdf");
    }
}
