using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Web.Infrastructure.Identity;

namespace MissionPortal.Web.Features.Shared;

/// <summary>Read side of missions: one projection per page part, no tracking, a fixed number of commands.</summary>
public sealed class MissionQueries(PortalDbContext db, ProgrammeQueries programme)
{
    public IQueryable<MissionListItemViewModel> List(ClaimsPrincipal user) =>
        db.Missions.AsNoTracking()
            .VisibleTo(user)
            .OrderByDescending(m => m.StartDate)
            .Select(m => new MissionListItemViewModel
            {
                Id = m.Id,
                Title = m.Title,
                Kind = m.Kind,
                Status = m.Status,
                StartDate = m.StartDate,
                EndDate = m.EndDate,
                OriginRegion = m.OriginRegion!.Name,
                HostRegion = m.HostRegion!.Name,
                ParticipantCount = m.Delegations.Where(d => d.Side == DelegationSide.Visiting).SelectMany(d => d.Participants).Count(),
                ChangedSinceApproval = m.Status == MissionStatus.Approved && db.ProgrammeChanges.Any(c => c.MissionId == m.Id && c.AtUtc > db.ProgrammeReviews
                    .Where(r => r.MissionId == m.Id && r.Decision == ReviewDecision.Approved)
                    .Max(r => (DateTime?)r.AtUtc)),
                LastReturnComment = m.Status == MissionStatus.Draft
                    ? db.ProgrammeReviews.Where(r => r.MissionId == m.Id).OrderByDescending(r => r.AtUtc).ThenByDescending(r => r.Id)
                        .Select(r => r.Decision == ReviewDecision.Returned ? r.Comment : null).FirstOrDefault()
                    : null,
            });

    /// <summary>
    /// The roster rule on the mission page: in a delegation the company belongs to it sees only its own people,
    /// unless the agency shares the full list.
    /// </summary>
    private static List<DelegationViewModel> AsCompanySees(IReadOnlyList<DelegationViewModel> delegations, int? company) =>
        delegations.Select(d => d.SharesFullRoster || d.Participants.All(p => p.OrganizationId != company)
            ? d
            : new DelegationViewModel
            {
                Id = d.Id,
                Name = d.Name,
                Side = d.Side,
                SharesFullRoster = d.SharesFullRoster,
                Participants = d.Participants.Where(p => p.OrganizationId == company).ToList(),
            }).ToList();

    public async Task<MissionDetailsViewModel?> DetailsAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var seesFeeds = user.SeesAllMissions();
        var company = user.OrganizationId();
        // One command for the mission with its organisers, a LEFT JOIN straight onto them (a joined subquery would be
        // built from every mission's organisers first); the programme's three bring the delegations and their people.
        var rows = await (
                from m in db.Missions.AsNoTracking().VisibleTo(user)
                where m.Id == id
                from o in db.MissionOrganizers.Where(o => o.MissionId == m.Id).DefaultIfEmpty()
                orderby o.Role, o.Id
                select new
                {
                    m.Id,
                    m.Title,
                    m.Kind,
                    m.Status,
                    m.StartDate,
                    m.EndDate,
                    OriginRegion = m.OriginRegion!.Name,
                    HostRegion = m.HostRegion!.Name,
                    m.Description,
                    m.CalendarToken,
                    ChangedSinceApproval = m.Status == MissionStatus.Approved && db.ProgrammeChanges.Any(c => c.MissionId == m.Id && c.AtUtc > db.ProgrammeReviews
                        .Where(r => r.MissionId == m.Id && r.Decision == ReviewDecision.Approved)
                        .Max(r => (DateTime?)r.AtUtc)),
                    CompanyApproved = company != null && db.Organizations.Any(c => c.Id == company && c.Status == OrganizationStatus.Approved),
                    Organizer = o.Organization!.Name,
                    Role = (OrganizerRole?)o.Role,
                })
            .ToListAsync(ct);
        var mission = rows.Count == 0 ? null : new MissionDetailsViewModel
        {
            Id = rows[0].Id,
            Title = rows[0].Title,
            Kind = rows[0].Kind,
            Status = rows[0].Status,
            StartDate = rows[0].StartDate,
            EndDate = rows[0].EndDate,
            OriginRegion = rows[0].OriginRegion,
            HostRegion = rows[0].HostRegion,
            Description = rows[0].Description,
            CalendarToken = seesFeeds ? rows[0].CalendarToken : null,
            ChangedSinceApproval = rows[0].ChangedSinceApproval,
            CompanyApproved = rows[0].CompanyApproved,
            Organizers = rows.Where(r => r.Role is not null).Select(r => new OrganizerViewModel(r.Organizer!, r.Role!.Value)).ToList(),
        };
        if (mission is null)
        {
            return null;
        }

        var snapshot = await programme.LoadAsync(id, mission.StartDate, mission.EndDate, ct);
        mission.Delegations = seesFeeds ? snapshot.Delegations : AsCompanySees(snapshot.Delegations, company);
        mission.Days = snapshot.Days(mission.StartDate, mission.EndDate);
        return mission;
    }
}
