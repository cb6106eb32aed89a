using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Identity;
using MissionPortal.Web.Infrastructure.Localization;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Companies;

public sealed record CompanyListItemViewModel(int Id, string Name, string Region, string? Inn, string? Ogrn, string? Industry, OrganizationStatus Status, string? RejectionReason, string? ContactPerson, string? ContactPhone, int Products, Guid Version);

public sealed record JoinRequestViewModel(int Id, string Company, int CompanyId, string UserName, string Email, DateTime CreatedAtUtc);

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
public class CompaniesController(PortalDbContext db, UserManager<PortalUser> users, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, CancellationToken ct)
    {
        var companies = db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Company);
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
            JoinRequests = await JoinRequests(db, null).ToListAsync(ct),
        });
    }

    [HttpPost("{id:int}/approve")]
    public async Task<IActionResult> Approve(int id, Guid? version, CancellationToken ct)
    {
        var company = await db.Organizations.SingleOrDefaultAsync(o => o.Id == id && o.Kind == OrganizationKind.Company, ct);
        if (company is null)
        {
            return NotFound();
        }

        if (company.IsStale(version))
        {
            return await StaleCompanyAsync(id, ct);
        }

        db.ExpectVersion(company, version);
        company.Approve();
        if (!await db.TrySaveAsync(ct))
        {
            return await StaleCompanyAsync(id, ct);
        }

        this.FlashDone(l["Компания «{0}» подтверждена.", company.Name].Value);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/reject")]
    public async Task<IActionResult> Reject(int id, string? reason, Guid? version, CancellationToken ct)
    {
        var company = await db.Organizations.SingleOrDefaultAsync(o => o.Id == id && o.Kind == OrganizationKind.Company, ct);
        if (company is null)
        {
            return NotFound();
        }

        if (company.IsStale(version))
        {
            return await StaleCompanyAsync(id, ct);
        }

        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 1000)
        {
            this.FlashRefused(l["Укажите причину отказа (до 1000 символов): её увидит компания."].Value);
            return RedirectToAction(nameof(Index));
        }

        db.ExpectVersion(company, version);
        company.Reject(reason);
        if (!await db.TrySaveAsync(ct))
        {
            return await StaleCompanyAsync(id, ct);
        }

        this.FlashDone(l["Регистрация компании «{0}» отклонена.", company.Name].Value);
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> StaleCompanyAsync(int id, CancellationToken ct)
    {
        var current = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id, ct);
        return this.StaleDecision(l["Компания «{0}» сейчас: «{1}».", current.Name, l[EnumText.Of(current.Status)]], Url.Action(nameof(Index))!);
    }

    [HttpPost("join-requests/{id:int}/approve")]
    public Task<IActionResult> ApproveJoin(int id, CancellationToken ct) => DecideJoinAsync(db, users, l, this, id, approve: true, companyId: null, ct);

    [HttpPost("join-requests/{id:int}/reject")]
    public Task<IActionResult> RejectJoin(int id, CancellationToken ct) => DecideJoinAsync(db, users, l, this, id, approve: false, companyId: null, ct);

    /// <summary>Pending requests to join a company; all of them for the agency, one company's for its main user.</summary>
    internal static IQueryable<JoinRequestViewModel> JoinRequests(PortalDbContext db, int? companyId) =>
        from request in db.CompanyJoinRequests.AsNoTracking()
        join user in db.Users on request.UserId equals user.Id
        join company in db.Organizations on request.OrganizationId equals company.Id
        where request.Status == JoinRequestStatus.Pending && (companyId == null || request.OrganizationId == companyId)
        orderby request.CreatedAtUtc
        select new JoinRequestViewModel(request.Id, company.Name, company.Id, user.DisplayName, user.Email ?? string.Empty, request.CreatedAtUtc);

    /// <summary>Approving adds the user to the company with the Company role; either way the request is closed.</summary>
    internal static async Task<IActionResult> DecideJoinAsync(
        PortalDbContext db, UserManager<PortalUser> users, IStringLocalizer<SharedResource> l, Controller controller, int id, bool approve, int? companyId, CancellationToken ct)
    {
        var request = await db.CompanyJoinRequests.SingleOrDefaultAsync(
            r => r.Id == id && r.Status == JoinRequestStatus.Pending && (companyId == null || r.OrganizationId == companyId), ct);
        if (request is null)
        {
            return controller.NotFound();
        }

        var user = await users.FindByIdAsync(request.UserId);
        if (user is null)
        {
            return controller.NotFound();
        }

        var by = controller.User.DisplayName();
        if (approve)
        {
            request.Approve(by);
            user.OrganizationId = request.OrganizationId;
            await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user);
        }
        else
        {
            request.Reject(by);
        }

        await db.SaveChangesAsync(ct);
        controller.FlashDone((approve
            ? l["{0} присоединён к компании.", user.DisplayName]
            : l["Запрос {0} отклонён.", user.DisplayName]).Value);
        return companyId is null ? controller.RedirectToAction(nameof(Index), "Companies") : controller.RedirectToAction("Edit", "Profile", new { id = companyId });
    }
}
