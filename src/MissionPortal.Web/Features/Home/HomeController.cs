using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Identity;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Home;

/// <summary>Each role's start page: what the agency has to do, what the ministry reads, what the company has.</summary>
[Authorize(Policy = Policies.UsePortal)]
public class HomeController(PortalDbContext db, MissionQueries missions, IAuthorizationService authorization, TimeProvider clock) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        // The agency's page for whoever schedules missions, the ministry's for whoever approves programmes.
        if ((await authorization.AuthorizeAsync(User, Policies.ScheduleMissions)).Succeeded)
        {
            return View("Agency", await AgencyAsync(ct));
        }

        if ((await authorization.AuthorizeAsync(User, Policies.ApproveProgrammes)).Succeeded)
        {
            return View("Ministry", await MinistryAsync(ct));
        }

        return View("Company", await CompanyAsync(ct));
    }

    private async Task<AgencyHomeViewModel> AgencyAsync(CancellationToken ct)
    {
        var today = HostCalendar.Today(clock);
        // One command for both: programmes at the ministry, and programmes it returned with a comment.
        var withMinistry = await missions.List(User)
            .Where(m => m.Status == MissionStatus.Submitted || m.LastReturnComment != null)
            .ToListAsync(ct);
        return new AgencyHomeViewModel
        {
            UpcomingMissions = await missions.List(User)
                .Where(m => m.EndDate >= today && m.Status != MissionStatus.Cancelled && m.Status != MissionStatus.Completed)
                .OrderBy(m => m.StartDate)
                .Take(10)
                .ToListAsync(ct),
            AwaitingMinistry = [.. withMinistry.Where(m => m.Status == MissionStatus.Submitted)],
            Returned = [.. withMinistry.Where(m => m.LastReturnComment != null)],
            PendingCompanies = await db.Organizations.AsNoTracking()
                .Where(o => o.Status == OrganizationStatus.Pending)
                .OrderBy(o => o.Name)
                .Take(20)
                .Select(o => new PendingCompanyViewModel(o.Id, o.Name, o.Region!.Name, o.Inn))
                .ToListAsync(ct),
            PendingParticipants = await db.Participants.AsNoTracking()
                .Where(p => p.Status == ParticipantStatus.Pending)
                .GroupBy(p => new { p.Delegation!.MissionId, p.Delegation.Mission!.Title, p.Delegation.Mission.StartDate })
                .OrderBy(g => g.Key.StartDate)
                .Select(g => new PendingParticipantsViewModel(g.Key.MissionId, g.Key.Title, g.Count()))
                .ToListAsync(ct),
        };
    }

    private async Task<MinistryHomeViewModel> MinistryAsync(CancellationToken ct)
    {
        // The latest twenty missions and every programme waiting for the ministry (submitted, or changed since its
        // approval), in one command: the waiting ones may be older than the latest twenty.
        var latest = db.Missions.VisibleTo(User).OrderByDescending(m => m.StartDate).ThenBy(m => m.Id).Take(20).Select(m => m.Id);
        var read = await missions.List(User)
            .Where(m => m.Status == MissionStatus.Submitted || m.ChangedSinceApproval || latest.Contains(m.Id))
            .ToListAsync(ct);
        var list = read.OrderByDescending(m => m.StartDate).ThenBy(m => m.Id).Take(20).ToList();
        var ids = list.Select(m => m.Id).ToList();
        var delegations = await db.Delegations.AsNoTracking()
            .Where(d => ids.Contains(d.MissionId) && d.Side == DelegationSide.Visiting)
            .OrderBy(d => d.Id)
            .Select(d => new
            {
                d.Id,
                d.MissionId,
                d.Name,
                Head = d.Participants.Where(p => p.Role == DelegationRole.Head)
                    .Select(p => PersonName.Full(p.Surname, p.GivenName, p.Patronymic))
                    .FirstOrDefault(),
                People = d.Participants.Count,
            })
            .ToListAsync(ct);

        return new MinistryHomeViewModel
        {
            AwaitingApproval = [.. read.Where(m => m.Status == MissionStatus.Submitted)],
            ChangedSinceApproval = [.. read.Where(m => m.ChangedSinceApproval)],
            Missions = list.Select(m => new MissionRostersViewModel
            {
                Mission = m,
                Delegations = delegations.Where(d => d.MissionId == m.Id)
                    .Select(d => new DelegationSummaryViewModel(d.Id, d.MissionId, d.Name, d.Head, d.People))
                    .ToList(),
            }).ToList(),
        };
    }

    private async Task<CompanyHomeViewModel> CompanyAsync(CancellationToken ct)
    {
        var organizationId = User.OrganizationId();
        if (organizationId is null)
        {
            return new CompanyHomeViewModel();
        }

        var company = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == organizationId)
            .Select(o => new { o.Name, o.Status, o.RejectionReason })
            .SingleOrDefaultAsync(ct);

        return new CompanyHomeViewModel
        {
            CompanyName = company?.Name,
            CompanyStatus = company?.Status,
            RejectionReason = company?.RejectionReason,
            Missions = await missions.List(User).ToListAsync(ct),
            Products = await db.Products.AsNoTracking()
                .Where(p => p.OrganizationId == organizationId)
                .OrderBy(p => p.Name)
                .Select(p => new CompanyProductViewModel(p.Id, p.Name, p.Category, p.Okpd2Code))
                .ToListAsync(ct),
        };
    }
}
