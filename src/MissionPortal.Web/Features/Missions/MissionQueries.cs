using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Web.Features.Programme;
using MissionPortal.Web.Infrastructure.Identity;

namespace MissionPortal.Web.Features.Missions;

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
        // One command for the mission with its organisers; the programme's three bring the delegations and their people.
        var mission = await db.Missions.AsNoTracking()
            .VisibleTo(user)
            .Where(m => m.Id == id)
            .Select(m => new MissionDetailsViewModel
            {
                Id = m.Id,
                Title = m.Title,
                Kind = m.Kind,
                Status = m.Status,
                StartDate = m.StartDate,
                EndDate = m.EndDate,
                OriginRegion = m.OriginRegion!.Name,
                HostRegion = m.HostRegion!.Name,
                Description = m.Description,
                CalendarToken = seesFeeds ? m.CalendarToken : null,
                Organizers = m.Organizers
                    .OrderBy(o => o.Role).ThenBy(o => o.Id)
                    .Select(o => new OrganizerViewModel(o.Organization!.Name, o.Role))
                    .ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (mission is null)
        {
            return null;
        }

        var snapshot = await programme.LoadAsync(id, mission.StartDate, mission.EndDate, ct);
        mission.Delegations = seesFeeds ? snapshot.Delegations : AsCompanySees(snapshot.Delegations, user.OrganizationId());
        mission.Days = snapshot.Days(mission.StartDate, mission.EndDate);
        return mission;
    }
}
