using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Common;
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

    public async Task<MissionDetailsViewModel?> DetailsAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var seesFeeds = user.SeesAllMissions();
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
            })
            .SingleOrDefaultAsync(ct);
        if (mission is null)
        {
            return null;
        }

        mission.Organizers = await db.MissionOrganizers.AsNoTracking()
            .Where(o => o.MissionId == id)
            .OrderBy(o => o.Role).ThenBy(o => o.Id)
            .Select(o => new OrganizerViewModel(o.Organization!.Name, o.Role))
            .ToListAsync(ct);

        mission.Delegations = await db.Delegations.AsNoTracking()
            .Where(d => d.MissionId == id)
            .OrderBy(d => d.Side).ThenBy(d => d.Id)
            .Select(d => new DelegationViewModel
            {
                Id = d.Id,
                Name = d.Name,
                Side = d.Side,
                Participants = d.Participants
                    .OrderBy(p => p.ProtocolOrder).ThenBy(p => p.Surname)
                    .Select(p => new ParticipantListItemViewModel
                    {
                        Id = p.Id,
                        FullName = PersonName.Full(p.Surname, p.GivenName, p.Patronymic),
                        Position = p.Position,
                        Organization = p.Organization!.ShortName ?? p.Organization.Name,
                        Role = p.Role,
                        ProtocolOrder = p.ProtocolOrder,
                    })
                    .ToList(),
            })
            .ToListAsync(ct);

        mission.Days = (await programme.LoadAsync(id, mission.StartDate, mission.EndDate, ct)).Days(mission.StartDate, mission.EndDate);
        return mission;
    }
}
