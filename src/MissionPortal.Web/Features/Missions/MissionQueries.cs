using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;

namespace MissionPortal.Web.Features.Missions;

/// <summary>Read side of missions: one projection per page part, no tracking, a fixed number of commands.</summary>
public sealed class MissionQueries(PortalDbContext db)
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

        mission.Days = await ProgrammeAsync(mission, ct);
        return mission;
    }

    private async Task<IReadOnlyList<ProgrammeDayViewModel>> ProgrammeAsync(MissionDetailsViewModel mission, CancellationToken ct)
    {
        var items = await db.ProgrammeItems.AsNoTracking()
            .Where(i => i.MissionId == mission.Id)
            .OrderBy(i => i.Date).ThenBy(i => i.Start).ThenBy(i => i.Id)
            .Select(i => new ProgrammeItemViewModel
            {
                Id = i.Id,
                Date = i.Date,
                Start = i.Start,
                End = i.End,
                Kind = i.Kind,
                Title = i.Title,
                Description = i.Description,
                Venue = i.Venue!.Name,
                VenueCity = i.Venue.City,
                Responsible = i.Responsible == null ? null : PersonName.Short(i.Responsible.Surname, i.Responsible.GivenName, i.Responsible.Patronymic),
                AttendeeScope = i.AttendeeScope,
                Delegation = i.Delegation!.Name,
                Group = i.Group!.Name,
                NamedAttendees = i.Attendees
                    .Select(a => PersonName.Short(a.Participant!.Surname, a.Participant.GivenName, a.Participant.Patronymic))
                    .ToList(),
                VisitHost = i.Visit!.HostOrganization!.Name,
                VisitOfficials = i.Visit.Officials
                    .Select(o => PersonName.Short(o.Participant!.Surname, o.Participant.GivenName, o.Participant.Patronymic) + ", " + o.Participant.Position)
                    .ToList(),
                RoundTableTopic = i.RoundTable!.Topic,
                RoundTableModerator = i.RoundTable.Moderator == null
                    ? null
                    : PersonName.Short(i.RoundTable.Moderator.Surname, i.RoundTable.Moderator.GivenName, i.RoundTable.Moderator.Patronymic),
                RoundTableSpeakers = i.RoundTable.Speakers
                    .OrderBy(s => s.Order)
                    .Select(s => PersonName.Short(s.Participant!.Surname, s.Participant.GivenName, s.Participant.Patronymic))
                    .ToList(),
                RoundTableResolution = i.RoundTable.Resolution,
            })
            .AsSplitQuery()
            .ToListAsync(ct);

        var agreements = await db.Agreements.AsNoTracking()
            .Where(a => a.MissionId == mission.Id && a.ProgrammeItemId != null)
            .Select(a => new { ItemId = a.ProgrammeItemId!.Value, a.Title })
            .ToListAsync(ct);
        foreach (var item in items)
        {
            item.Agreements = agreements.Where(a => a.ItemId == item.Id).Select(a => a.Title).ToList();
        }

        var byDay = items.ToLookup(i => i.Date);
        var days = new List<ProgrammeDayViewModel>();
        for (var day = mission.StartDate; day <= mission.EndDate; day = day.AddDays(1))
        {
            days.Add(new ProgrammeDayViewModel(day, byDay[day].ToList()));
        }

        // Items outside the mission's dates are still shown, so nothing is hidden from the planner.
        days.AddRange(byDay.Where(g => g.Key < mission.StartDate || g.Key > mission.EndDate)
            .Select(g => new ProgrammeDayViewModel(g.Key, g.ToList())));
        return days.OrderBy(d => d.Date).ToList();
    }
}
