using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Web.Features.Programme;

namespace MissionPortal.Web.Features.Rosters;

/// <summary>
/// Reads a roster in two commands whatever its size: the delegation with its mission and programme
/// items (for the filter), then the people, with an item's attendees as a subquery of the same command.
/// Order and grouping are applied in memory, since Russian collation is not the database's.
/// </summary>
public sealed class RosterQueries(PortalDbContext db, ProgrammeQueries programme)
{
    public async Task<RosterViewModel?> LoadAsync(int delegationId, RosterFilter filter, bool canOrder, CancellationToken ct)
    {
        var header = await db.Delegations.AsNoTracking()
            .Where(d => d.Id == delegationId)
            .Select(d => new
            {
                d.Name,
                d.Side,
                d.MissionId,
                Mission = d.Mission!.Title,
                d.Mission.StartDate,
                d.Mission.EndDate,
                Items = d.Mission.ProgrammeItems
                    .OrderBy(i => i.Date).ThenBy(i => i.Start).ThenBy(i => i.Id)
                    .Select(i => new RosterItemOption(i.Id, i.Date, i.Start, i.Kind, i.Title, i.Visit != null))
                    .ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (header is null)
        {
            return null;
        }

        RosterItemOption? item = null;
        if (filter.ItemId is { } itemId)
        {
            item = header.Items.FirstOrDefault(i => i.Id == itemId);
            if (item is null)
            {
                return null;
            }
        }

        // Declined and withdrawn people are not going: no roster lists them.
        var people = db.Participants.AsNoTracking().Where(p => p.DelegationId == delegationId);
        people = filter.ApprovedOnly
            ? people.Where(p => p.Status == ParticipantStatus.Approved)
            : people.Where(p => p.Status == ParticipantStatus.Approved || p.Status == ParticipantStatus.Pending);

        if (item is not null)
        {
            var attendees = programme.PeopleOfItem(item.Id);
            people = people.Where(p => attendees.Contains(p.Id));
        }

        var lines = await LinesAsync(people, ct);
        return new RosterViewModel
        {
            DelegationId = delegationId,
            Delegation = header.Name,
            Side = header.Side,
            MissionId = header.MissionId,
            Mission = header.Mission,
            StartDate = header.StartDate,
            EndDate = header.EndDate,
            Filter = filter,
            Items = header.Items,
            Item = item,
            Groups = Arrange(lines, filter.ByOrganization),
            CanOrder = canOrder && filter.IsWholeDelegation,
        };
    }

    /// <summary>Everyone a site visit involves, of every delegation: the visiting people first, then the host side.</summary>
    public async Task<PassListViewModel?> PassListAsync(int itemId, CancellationToken ct)
    {
        var visit = await db.ProgrammeItems.AsNoTracking()
            .Where(i => i.Id == itemId && i.Visit != null)
            .Select(i => new
            {
                i.MissionId,
                Mission = i.Mission!.Title,
                i.Title,
                i.Date,
                i.Start,
                i.End,
                Host = i.Visit!.HostOrganization!.Name,
                Venue = i.Venue == null ? null : i.Venue.Name + ", " + i.Venue.Address + ", " + i.Venue.City,
            })
            .SingleOrDefaultAsync(ct);
        if (visit is null)
        {
            return null;
        }

        var attendees = programme.PeopleOfItem(itemId);
        var lines = await LinesAsync(
            db.Participants.AsNoTracking().Where(p => attendees.Contains(p.Id) && (p.Status == ParticipantStatus.Approved || p.Status == ParticipantStatus.Pending)),
            ct,
            bySide: true);
        return new PassListViewModel
        {
            ItemId = itemId,
            MissionId = visit.MissionId,
            Mission = visit.Mission,
            Item = visit.Title,
            Date = visit.Date,
            Start = visit.Start,
            End = visit.End,
            Host = visit.Host,
            Venue = visit.Venue,
            Lines = Numbered(lines),
        };
    }

    private static async Task<List<RosterLineViewModel>> LinesAsync(IQueryable<Participant> people, CancellationToken ct, bool bySide = false)
    {
        var rows = await people
            .Select(p => new
            {
                p.Id,
                p.Surname,
                p.GivenName,
                p.Patronymic,
                p.Position,
                Organization = p.Organization!.ShortName ?? p.Organization.Name,
                p.Role,
                p.Status,
                p.ProtocolOrder,
                p.Version,
                p.Delegation!.Side,
                p.DelegationId,
            })
            .ToListAsync(ct);

        var lines = rows.Select(p => new
        {
            p.Side,
            p.DelegationId,
            Line = new RosterLineViewModel
            {
                ParticipantId = p.Id,
                FullName = PersonName.Full(p.Surname, p.GivenName, p.Patronymic),
                Surname = p.Surname,
                GivenNames = string.IsNullOrWhiteSpace(p.Patronymic) ? p.GivenName : p.GivenName + " " + p.Patronymic,
                Position = p.Position,
                Organization = p.Organization,
                Role = p.Role,
                Status = p.Status,
                ProtocolOrder = p.ProtocolOrder,
                Version = p.Version,
                Key = ProtocolKey.Of(p.Role, p.ProtocolOrder, p.Surname, p.GivenName, p.Patronymic),
            },
        });
        return bySide
            ? lines.OrderBy(l => l.Side).ThenBy(l => l.DelegationId).ThenBy(l => l.Line.Key, ProtocolKey.Comparer).Select(l => l.Line).ToList()
            : lines.Select(l => l.Line).Order(LineComparer).ToList();
    }

    private static readonly IComparer<RosterLineViewModel> LineComparer =
        Comparer<RosterLineViewModel>.Create((x, y) => ProtocolKey.Comparer.Compare(x.Key, y.Key));

    /// <summary>Numbers the lines 1..n; with grouping, each organisation stands where its first person stands.</summary>
    public static IReadOnlyList<RosterGroupViewModel> Arrange(IReadOnlyList<RosterLineViewModel> ordered, bool byOrganization)
    {
        var groups = byOrganization
            ? ordered.GroupBy(l => l.Organization).Select(g => new RosterGroupViewModel(g.Key ?? string.Empty, g.ToList())).ToList()
            : [new RosterGroupViewModel(null, ordered)];
        Numbered(groups.SelectMany(g => g.Lines).ToList());
        return groups;
    }

    private static List<RosterLineViewModel> Numbered(List<RosterLineViewModel> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            lines[i].Number = i + 1;
        }

        return lines;
    }
}
