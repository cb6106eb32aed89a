using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Security;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Identity;
using MissionPortal.Web.Infrastructure.Localization;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Companies;

public sealed record CompanyListItemViewModel(int Id, string Name, string Region, string? Inn, string? Ogrn, string? Industry, OrganizationStatus Status, string? RejectionReason, string? ContactPerson, string? ContactPhone, int Products, Guid Version);

public sealed class CompaniesPageViewModel
{
    public IReadOnlyList<CompanyListItemViewModel> Pending { get; init; } = [];

    public IReadOnlyList<CompanyListItemViewModel> Companies { get; init; } = [];

    public IReadOnlyList<JoinRequestViewModel> JoinRequests { get; init; } = [];

    public string? Q { get; init; }
}

/// <summary>The agency's queue of companies waiting for approval, the registry of companies and requests to join one.</summary>
[Authorize(Policy = Policies.ScheduleMissions)]
[Route("companies")]
public class CompaniesController(
    PortalDbContext db,
    ApproveCompany.Handler approve,
    RejectCompany.Handler reject,
    DecideJoinRequest.Handler decideJoin,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, CancellationToken ct)
    {
        // A company signed up from an address not yet confirmed isn't in the queue until it is.
        var companies = db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Company
            && (o.Status != OrganizationStatus.Pending || !db.Users.Any(u => u.OrganizationId == o.Id) || db.Users.Any(u => u.OrganizationId == o.Id && u.EmailConfirmed)));
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            companies = companies.Where(o => o.Inn == term || o.Name.Contains(term));
        }

        var list = await companies.OrderBy(o => o.Name)
            .Select(o => new CompanyListItemViewModel(o.Id, o.Name, o.Region!.Name, o.Inn, o.Ogrn, o.Industry, o.Status, o.RejectionReason, o.ContactPerson, o.ContactPhone, o.Products.Count, o.Version))
            .Take(200)
            .ToListAsync(ct);
        return View(new CompaniesPageViewModel
        {
            Q = q,
            Pending = list.Where(c => c.Status == OrganizationStatus.Pending).ToList(),
            Companies = list.Where(c => c.Status != OrganizationStatus.Pending).ToList(),
            JoinRequests = await JoinRequestQueries.Pending(db, null).ToListAsync(ct),
        });
    }

    [HttpPost("{id:int}/approve")]
    public async Task<IActionResult> Approve(int id, Guid? version, CancellationToken ct)
    {
        var (outcome, name) = await approve.HandleAsync(new ApproveCompany.Input { Id = id, Version = version }, ct);
        switch (outcome)
        {
            case ApproveCompany.Outcome.NotFound:
                return NotFound();
            case ApproveCompany.Outcome.Stale:
                return await StaleCompanyAsync(id, ct);
            default:
                this.FlashDone(l["Компания «{0}» подтверждена.", name].Value);
                return RedirectToAction(nameof(Index));
        }
    }

    [HttpPost("{id:int}/reject")]
    public async Task<IActionResult> Reject(int id, string? reason, Guid? version, CancellationToken ct)
    {
        var result = await reject.HandleAsync(new RejectCompany.Input { Id = id, Reason = reason, Version = version }, ct);
        switch (result.Outcome)
        {
            case RejectCompany.Outcome.NotFound:
                return NotFound();
            case RejectCompany.Outcome.Stale:
                return await StaleCompanyAsync(id, ct);
            case RejectCompany.Outcome.Refused:
                this.FlashRefused(result.Refusal!);
                return RedirectToAction(nameof(Index));
            default:
                this.FlashDone(l["Регистрация компании «{0}» отклонена.", result.Name].Value);
                return RedirectToAction(nameof(Index));
        }
    }

    [HttpPost("join-requests/{id:int}/approve")]
    public Task<IActionResult> ApproveJoin(int id, CancellationToken ct) => DecideJoinAsync(id, approve: true, ct);

    [HttpPost("join-requests/{id:int}/reject")]
    public Task<IActionResult> RejectJoin(int id, CancellationToken ct) => DecideJoinAsync(id, approve: false, ct);

    private async Task<IActionResult> DecideJoinAsync(int id, bool approve, CancellationToken ct)
    {
        var decided = await decideJoin.HandleAsync(new DecideJoinRequest.Input { RequestId = id, Approve = approve, DecidedBy = User.DisplayName() }, ct);
        if (!decided.Found)
        {
            return NotFound();
        }

        this.FlashDone(decided.Message);
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> StaleCompanyAsync(int id, CancellationToken ct)
    {
        var current = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id, ct);
        return this.StaleDecision(l["Компания «{0}» сейчас: «{1}».", current.Name, l[EnumText.Of(current.Status)]], Url.Action(nameof(Index))!);
    }
}
