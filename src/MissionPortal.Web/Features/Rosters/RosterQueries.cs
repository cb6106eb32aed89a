using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Rosters;

/// <summary>Who opens a roster: what they may do on it, and for a company user, the company.</summary>
public sealed record RosterViewer(bool CanOrder, bool CanShare, bool CanPrintBadges, int? Company);

/// <summary>
/// Reads a roster in two commands whatever its size: the delegation with its mission and programme
/// items (for the filter) as one flat join, then the people, with an item's attendees as a subquery of the
/// same command. Order and grouping are applied in memory, since Russian collation is not the database's.
/// </summary>
public sealed class RosterQueries(PortalDbContext db, ProgrammeQueries programme)
{
    // A LEFT JOIN straight onto the items (not onto a subquery, which SQLite would build for every item of every mission).
    private static readonly Func<PortalDbContext, int, IAsyncEnumerable<HeaderRow>> Header = EF.CompileAsyncQuery(
        (PortalDbContext db, int delegationId) =>
            from d in db.Delegations.AsNoTracking()
            where d.Id == delegationId
            from i in db.ProgrammeItems.Where(i => i.MissionId == d.MissionId).DefaultIfEmpty()
            orderby i.Date, i.Start, i.Id
            select new HeaderRow
            {
                Name = d.Name,
                Side = d.Side,
                SharesFullRoster = d.SharesFullRoster,
                MissionId = d.MissionId,
                Mission = d.Mission!.Title,
                StartDate = d.Mission.StartDate,
                EndDate = d.Mission.EndDate,
                ItemId = (int?)i.Id,
                ItemDate = i.Date,
                ItemStart = i.Start,
                ItemKind = i.Kind,
                ItemTitle = i.Title,
                IsVisit = i.Visit != null,
            });

    private static readonly Expression<Func<Participant, LineRow>> LineOf = p => new LineRow
    {
        Id = p.Id,
        Surname = p.Surname,
        GivenName = p.GivenName,
        Patronymic = p.Patronymic,
        Position = p.Position,
        OrganizationId = p.OrganizationId,
        Organization = p.Organization!.ShortName ?? p.Organization.Name,
        Role = p.Role,
        Status = p.Status,
        ProtocolOrder = p.ProtocolOrder,
        Version = p.Version,
        Side = p.Delegation!.Side,
        DelegationId = p.DelegationId,
    };

    // The whole delegation, the reference page: the people who are going (approved, and pending unless only approved are asked for).
    private static readonly Func<PortalDbContext, int, bool, IAsyncEnumerable<LineRow>> Delegation = EF.CompileAsyncQuery(
        (PortalDbContext db, int delegationId, bool approvedOnly) => db.Participants.AsNoTracking()
            .Where(p => p.DelegationId == delegationId
                && (p.Status == ParticipantStatus.Approved || (!approvedOnly && p.Status == ParticipantStatus.Pending)))
            .Select(LineOf));

    public Task<RosterViewModel?> LoadAsync(int delegationId, RosterFilter filter, bool canOrder, CancellationToken ct) =>
        LoadAsync(delegationId, filter, new RosterViewer(canOrder, canOrder, CanPrintBadges: true, Company: null), ct);

    /// <summary>
    /// The roster as <paramref name="viewer"/> may see it. For a company user it is null (404) unless the company
    /// has people in the delegation, and it lists only the company's own people unless the agency shares the full list.
    /// </summary>
    public async Task<RosterViewModel?> LoadAsync(int delegationId, RosterFilter filter, RosterViewer viewer, CancellationToken ct)
    {
        var company = viewer.Company;
        var rows = await Header(db, delegationId).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return null;
        }

        if (company is { } own && !await db.Participants.AnyAsync(
                p => p.DelegationId == delegationId && p.OrganizationId == own
                    && (p.Status == ParticipantStatus.Approved || p.Status == ParticipantStatus.Pending),
                ct))
        {
            return null;
        }

        var header = rows[0];
        var ownPeopleOnly = company is not null && !header.SharesFullRoster;
        var items = rows.Where(r => r.ItemId is not null)
            .Select(r => new RosterItemOption(r.ItemId!.Value, r.ItemDate!.Value, r.ItemStart!.Value, r.ItemKind!.Value, r.ItemTitle!, r.IsVisit))
            .ToList();
        RosterItemOption? item = null;
        if (filter.ItemId is { } itemId)
        {
            item = items.FirstOrDefault(i => i.Id == itemId);
            if (item is null)
            {
                return null;
            }
        }

        List<LineRow> people;
        if (item is null)
        {
            people = await Delegation(db, delegationId, filter.ApprovedOnly).ToListAsync(ct);
        }
        else
        {
            // Declined and withdrawn people are not going: no roster lists them.
            var query = db.Participants.AsNoTracking().Where(p => p.DelegationId == delegationId);
            query = filter.ApprovedOnly
                ? query.Where(p => p.Status == ParticipantStatus.Approved)
                : query.Where(p => p.Status == ParticipantStatus.Approved || p.Status == ParticipantStatus.Pending);
            var attendees = programme.PeopleOfItem(item.Id);
            people = await Rows(query.Where(p => attendees.Contains(p.Id))).ToListAsync(ct);
        }

        if (ownPeopleOnly)
        {
            people = people.Where(p => p.OrganizationId == company).ToList();
        }

        var lines = Lines(people);
        return new RosterViewModel
        {
            DelegationId = delegationId,
            Delegation = header.Name,
            Side = header.Side,
            SharesFullRoster = header.SharesFullRoster,
            OwnPeopleOnly = ownPeopleOnly,
            MissionId = header.MissionId,
            Mission = header.Mission,
            StartDate = header.StartDate,
            EndDate = header.EndDate,
            Filter = filter,
            Items = items,
            Item = item,
            Groups = Arrange(lines, filter.ByOrganization),
            CanOrder = viewer.CanOrder && filter.IsWholeDelegation,
            CanShare = viewer.CanShare,
            CanPrintBadges = viewer.CanPrintBadges,
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
        var lines = Lines(
            await Rows(db.Participants.AsNoTracking().Where(p => attendees.Contains(p.Id) && (p.Status == ParticipantStatus.Approved || p.Status == ParticipantStatus.Pending))).ToListAsync(ct),
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

    private static IQueryable<LineRow> Rows(IQueryable<Participant> people) => people.Select(LineOf);

    private static List<RosterLineViewModel> Lines(IReadOnlyList<LineRow> rows, bool bySide = false)
    {
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

    private sealed class HeaderRow
    {
        public required string Name { get; init; }

        public DelegationSide Side { get; init; }

        public bool SharesFullRoster { get; init; }

        public int MissionId { get; init; }

        public required string Mission { get; init; }

        public DateOnly StartDate { get; init; }

        public DateOnly EndDate { get; init; }

        public int? ItemId { get; init; }

        public DateOnly? ItemDate { get; init; }

        public TimeOnly? ItemStart { get; init; }

        public ProgrammeItemKind? ItemKind { get; init; }

        public string? ItemTitle { get; init; }

        public bool IsVisit { get; init; }
    }

    private sealed class LineRow
    {
        public int Id { get; init; }

        public required string Surname { get; init; }

        public required string GivenName { get; init; }

        public string? Patronymic { get; init; }

        public required string Position { get; init; }

        public int? OrganizationId { get; init; }

        public string? Organization { get; init; }

        public DelegationRole Role { get; init; }

        public ParticipantStatus Status { get; init; }

        public int ProtocolOrder { get; init; }

        public Guid Version { get; init; }

        public DelegationSide Side { get; init; }

        public int DelegationId { get; init; }
    }
}
