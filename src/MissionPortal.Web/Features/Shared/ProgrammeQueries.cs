using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Data.Configurations;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.Web.Features.Shared;

/// <summary>
/// Reads a mission's programme once for every page that shows it: the items as people read them,
/// the people each item involves, and the conflicts the rules find — three commands whatever the size
/// of the mission (the items; every link of an item or group to a person, group or agreement; the
/// delegations with their people), each a flat join on indexed columns, compiled once. Travel times
/// come from <see cref="ReferenceData"/>.
/// </summary>
public sealed class ProgrammeQueries(PortalDbContext db, ReferenceData reference)
{
    private static readonly Func<PortalDbContext, int, IAsyncEnumerable<ItemRow>> Items = EF.CompileAsyncQuery(
        (PortalDbContext db, int missionId) => db.ProgrammeItems.AsNoTracking()
            .Where(i => i.MissionId == missionId)
            .OrderBy(i => i.Date).ThenBy(i => i.Start).ThenBy(i => i.Id)
            .Select(i => new ItemRow
            {
                Id = i.Id,
                Version = i.Version,
                Sequence = i.Sequence,
                Date = i.Date,
                Start = i.Start,
                End = i.End,
                Kind = i.Kind,
                Title = i.Title,
                Description = i.Description,
                VenueId = i.VenueId,
                Venue = i.Venue!.Name,
                VenueCity = i.Venue.City,
                VenueCapacity = i.Venue.Capacity,
                ResponsibleId = i.ResponsibleId,
                AttendeeScope = i.AttendeeScope,
                DelegationId = i.DelegationId,
                Delegation = i.Delegation!.Name,
                GroupId = i.GroupId,
                Group = i.Group!.Name,
                VisitHostId = i.Visit!.HostOrganizationId,
                VisitHost = i.Visit.HostOrganization!.Name,
                RoundTableTopic = i.RoundTable!.Topic,
                ModeratorId = i.RoundTable.ModeratorId,
                Resolution = i.RoundTable.Resolution,
                HasB2bSession = db.B2bSessions.Any(s => s.ProgrammeItemId == i.Id),
            }));

    // Everything an item or a group points at, as rows of one shape: a UNION ALL of small joins on indexed keys
    // instead of one command per collection. Written as explicit joins: a navigation inside SelectMany would need APPLY.
    private static readonly Func<PortalDbContext, int, IAsyncEnumerable<LinkRow>> Links = EF.CompileAsyncQuery(
        (PortalDbContext db, int missionId) =>
            (from i in db.ProgrammeItems
             where i.MissionId == missionId
             join a in db.Set<ProgrammeItemAttendee>() on i.Id equals a.ProgrammeItemId
             select new LinkRow { Kind = LinkKind.Attendee, OwnerId = i.Id, TargetId = a.ParticipantId, Order = 0, Text = null })
            .Concat(
                from i in db.ProgrammeItems
                where i.MissionId == missionId
                join v in db.Visits on i.Id equals v.ProgrammeItemId
                join o in db.Set<VisitOfficial>() on v.Id equals o.VisitId
                select new LinkRow { Kind = LinkKind.Official, OwnerId = i.Id, TargetId = o.ParticipantId, Order = 0, Text = null })
            .Concat(
                from i in db.ProgrammeItems
                where i.MissionId == missionId
                join r in db.RoundTables on i.Id equals r.ProgrammeItemId
                join s in db.Set<RoundTableSpeaker>() on r.Id equals s.RoundTableId
                select new LinkRow { Kind = LinkKind.Speaker, OwnerId = i.Id, TargetId = s.ParticipantId, Order = s.Order, Text = null })
            .Concat(
                from a in db.Agreements
                where a.MissionId == missionId && a.ProgrammeItemId != null
                select new LinkRow { Kind = LinkKind.Agreement, OwnerId = a.ProgrammeItemId!.Value, TargetId = a.Id, Order = 0, Text = a.Title })
            .Concat(
                from d in db.Delegations
                where d.MissionId == missionId
                join g in db.DelegationGroups on d.Id equals g.DelegationId
                select new LinkRow { Kind = LinkKind.Group, OwnerId = g.Id, TargetId = d.Id, Order = 0, Text = g.Name })
            .Concat(
                from d in db.Delegations
                where d.MissionId == missionId
                join g in db.DelegationGroups on d.Id equals g.DelegationId
                join m in db.Set<Dictionary<string, object>>(DelegationGroupConfiguration.MemberTable) on g.Id equals EF.Property<int>(m, "GroupId")
                select new LinkRow { Kind = LinkKind.Member, OwnerId = g.Id, TargetId = EF.Property<int>(m, "ParticipantId"), Order = 0, Text = null }));

    // The delegations with their people: a delegation without anyone yet is one row with no person.
    private static readonly Func<PortalDbContext, int, IAsyncEnumerable<PersonRow>> People = EF.CompileAsyncQuery(
        (PortalDbContext db, int missionId) =>
            from d in db.Delegations.AsNoTracking()
            where d.MissionId == missionId
            from p in db.Participants.Where(p => p.DelegationId == d.Id).DefaultIfEmpty()
            orderby d.Side, d.Id, p.ProtocolOrder, p.Surname, p.Id
            select new PersonRow
            {
                DelegationId = d.Id,
                Delegation = d.Name,
                Side = d.Side,
                SharesFullRoster = d.SharesFullRoster,
                Id = (int?)p.Id,
                Surname = p.Surname,
                GivenName = p.GivenName,
                Patronymic = p.Patronymic,
                Position = p.Position,
                Status = p.Status,
                Role = p.Role,
                ProtocolOrder = p.ProtocolOrder,
                OrganizationId = p.OrganizationId,
                Organization = p.Organization!.ShortName ?? p.Organization.Name,
            });

    public async Task<ProgrammeSnapshot> LoadAsync(int missionId, DateOnly missionStart, DateOnly missionEnd, CancellationToken ct)
    {
        var rows = await Items(db, missionId).ToListAsync(ct);
        var links = await Links(db, missionId).ToListAsync(ct);
        var delegationRows = await People(db, missionId).ToListAsync(ct);
        var travelTable = await reference.TravelTimesAsync(ct);

        var people = delegationRows.Where(r => r.Id is not null).ToList();
        var linksOf = links.ToLookup(l => (l.Kind, l.OwnerId));
        List<int> Targets(LinkKind kind, int owner) => linksOf[(kind, owner)].OrderBy(l => l.Order).ThenBy(l => l.TargetId).Select(l => l.TargetId).ToList();
        var groups = links.Where(l => l.Kind == LinkKind.Group)
            .Select(g => new GroupRow(g.OwnerId, g.TargetId, g.Text!, Targets(LinkKind.Member, g.OwnerId)))
            .OrderBy(g => g.Id)
            .ToList();
        foreach (var row in rows)
        {
            row.AttendeeIds = Targets(LinkKind.Attendee, row.Id);
            row.OfficialIds = Targets(LinkKind.Official, row.Id);
            row.SpeakerIds = Targets(LinkKind.Speaker, row.Id);
        }

        var names = people.ToDictionary(p => p.Id!.Value);
        var scheduled = rows.Select(r => new ScheduledItem(
                r.Id, r.Date, r.Start, r.End, r.Kind, r.VenueId, r.VenueCity, r.VenueCapacity, PeopleOf(r, people, groups)))
            .ToList();
        var conflicts = ConflictDetector.Detect(
            missionStart,
            missionEnd,
            scheduled,
            (from, to) => travelTable.TryGetValue((from, to), out var minutes) ? minutes : null);

        string Short(int? id) => id is { } key && names.TryGetValue(key, out var p) ? PersonName.Short(p.Surname!, p.GivenName!, p.Patronymic) : string.Empty;

        var items = rows.Select((r, index) =>
        {
            var agreements = linksOf[(LinkKind.Agreement, r.Id)].OrderBy(a => a.TargetId).ToList();
            return new ProgrammeItemViewModel
            {
                Id = r.Id,
                Version = r.Version,
                Sequence = r.Sequence,
                Date = r.Date,
                Start = r.Start,
                End = r.End,
                Kind = r.Kind,
                Title = r.Title,
                Description = r.Description,
                VenueId = r.VenueId,
                Venue = r.Venue,
                VenueCity = r.VenueCity,
                ResponsibleId = r.ResponsibleId,
                Responsible = r.ResponsibleId is null ? null : Short(r.ResponsibleId),
                AttendeeScope = r.AttendeeScope,
                DelegationId = r.DelegationId,
                Delegation = r.Delegation,
                GroupId = r.GroupId,
                Group = r.Group,
                AttendeeIds = r.AttendeeIds,
                NamedAttendees = r.AttendeeIds.Select(id => Short(id)).ToList(),
                VisitHostId = r.VisitHostId,
                VisitHost = r.VisitHost,
                OfficialIds = r.OfficialIds,
                VisitOfficials = r.OfficialIds.Select(id => $"{Short(id)}, {names.GetValueOrDefault(id)?.Position}").ToList(),
                RoundTableTopic = r.RoundTableTopic,
                ModeratorId = r.ModeratorId,
                RoundTableModerator = r.ModeratorId is null ? null : Short(r.ModeratorId),
                SpeakerIds = r.SpeakerIds,
                RoundTableSpeakers = r.SpeakerIds.Select(id => Short(id)).ToList(),
                RoundTableResolution = r.Resolution,
                AgreementId = agreements.FirstOrDefault()?.TargetId,
                Agreements = agreements.Select(a => a.Text!).ToList(),
                PeopleCount = scheduled[index].People.Count,
                HasB2bSession = r.HasB2bSession,
            };
        }).ToList();

        var delegations = delegationRows
            .GroupBy(r => r.DelegationId)
            .Select(d => new DelegationViewModel
            {
                Id = d.Key,
                Name = d.First().Delegation,
                Side = d.First().Side,
                SharesFullRoster = d.First().SharesFullRoster,
                Participants = d.Where(p => p.Id is not null).Select(p => new ParticipantListItemViewModel
                {
                    Id = p.Id!.Value,
                    OrganizationId = p.OrganizationId,
                    FullName = PersonName.Full(p.Surname!, p.GivenName!, p.Patronymic),
                    Position = p.Position!,
                    Organization = p.Organization,
                    Role = p.Role!.Value,
                    ProtocolOrder = p.ProtocolOrder!.Value,
                }).ToList(),
            })
            .ToList();

        return new ProgrammeSnapshot(
            items,
            scheduled,
            conflicts,
            // Pickers list people alphabetically as Russian does, Ё with Е (not before А, as code points would).
            people.Select(p => new PersonOptionViewModel(
                    p.Id!.Value, p.DelegationId, p.Side, PersonName.Full(p.Surname!, p.GivenName!, p.Patronymic), p.Position!, p.Organization))
                .OrderBy(p => p.FullName, RussianCollation.Instance).ToList(),
            groups.Select(g => new GroupOptionViewModel(g.Id, g.DelegationId, g.Name, g.MemberIds.Count)).ToList(),
            delegations);
    }

    /// <summary>
    /// The ids of everyone one item involves, by the same rule as <see cref="PeopleOf"/>, as a query that
    /// runs inside another one (a roster's people WHERE Id IN ...), so a page pays no command of its own for it.
    /// </summary>
    public IQueryable<int> PeopleOfItem(int itemId)
    {
        var item = db.ProgrammeItems.Where(i => i.Id == itemId);
        var whole = item.Where(i => i.AttendeeScope == AttendeeScope.WholeDelegation && i.DelegationId != null)
            .SelectMany(i => db.Participants.Where(p => p.DelegationId == i.DelegationId && (p.Status == ParticipantStatus.Approved || p.Status == ParticipantStatus.Pending)).Select(p => p.Id));
        var group = item.Where(i => i.AttendeeScope == AttendeeScope.Group && i.GroupId != null)
            .SelectMany(i => i.Group!.Members.Select(m => m.Id));
        var named = item.Where(i => i.AttendeeScope == AttendeeScope.Named)
            .SelectMany(i => i.Attendees.Select(a => a.ParticipantId));
        var responsible = item.Where(i => i.ResponsibleId != null).Select(i => i.ResponsibleId!.Value);
        var officials = db.Visits.Where(v => v.ProgrammeItemId == itemId).SelectMany(v => v.Officials.Select(o => o.ParticipantId));
        var moderator = db.RoundTables.Where(r => r.ProgrammeItemId == itemId && r.ModeratorId != null).Select(r => r.ModeratorId!.Value);
        var speakers = db.RoundTables.Where(r => r.ProgrammeItemId == itemId).SelectMany(r => r.Speakers.Select(s => s.ParticipantId));
        return whole.Concat(group).Concat(named).Concat(responsible).Concat(officials).Concat(moderator).Concat(speakers);
    }

    /// <summary>Everyone an item involves: its attendees by scope, plus staff, officials, moderator and speakers.</summary>
    private static HashSet<int> PeopleOf(ItemRow item, IReadOnlyList<PersonRow> people, IReadOnlyList<GroupRow> groups)
    {
        var set = item.AttendeeScope switch
        {
            AttendeeScope.WholeDelegation when item.DelegationId is { } delegationId =>
                people.Where(p => p.DelegationId == delegationId && p.Status is ParticipantStatus.Approved or ParticipantStatus.Pending).Select(p => p.Id!.Value).ToHashSet(),
            AttendeeScope.Group when item.GroupId is { } groupId =>
                groups.FirstOrDefault(g => g.Id == groupId)?.MemberIds.ToHashSet() ?? [],
            AttendeeScope.Named => item.AttendeeIds.ToHashSet(),
            _ => [],
        };
        if (item.ResponsibleId is { } responsible)
        {
            set.Add(responsible);
        }

        set.UnionWith(item.OfficialIds);
        if (item.ModeratorId is { } moderator)
        {
            set.Add(moderator);
        }

        set.UnionWith(item.SpeakerIds);
        return set;
    }

    private enum LinkKind
    {
        Attendee,
        Official,
        Speaker,
        Agreement,
        Group,
        Member,
    }

    /// <summary>One link: an item's attendee, official, speaker or agreement, a group of the mission, or a group's member.</summary>
    private sealed class LinkRow
    {
        public LinkKind Kind { get; init; }

        public int OwnerId { get; init; }

        public int TargetId { get; init; }

        public int Order { get; init; }

        public string? Text { get; init; }
    }

    /// <summary>A delegation and one of its people, or the delegation alone (person fields null) when it has nobody.</summary>
    private sealed class PersonRow
    {
        public int DelegationId { get; init; }

        public required string Delegation { get; init; }

        public DelegationSide Side { get; init; }

        public bool SharesFullRoster { get; init; }

        public int? Id { get; init; }

        public string? Surname { get; init; }

        public string? GivenName { get; init; }

        public string? Patronymic { get; init; }

        public string? Position { get; init; }

        public ParticipantStatus? Status { get; init; }

        public DelegationRole? Role { get; init; }

        public int? ProtocolOrder { get; init; }

        public int? OrganizationId { get; init; }

        public string? Organization { get; init; }
    }

    private sealed record GroupRow(int Id, int DelegationId, string Name, List<int> MemberIds);

    private sealed class ItemRow
    {
        public int Id { get; init; }

        public Guid Version { get; init; }

        public int Sequence { get; init; }

        public DateOnly Date { get; init; }

        public TimeOnly Start { get; init; }

        public TimeOnly End { get; init; }

        public ProgrammeItemKind Kind { get; init; }

        public required string Title { get; init; }

        public string? Description { get; init; }

        public int? VenueId { get; init; }

        public string? Venue { get; init; }

        public string? VenueCity { get; init; }

        public int? VenueCapacity { get; init; }

        public int? ResponsibleId { get; init; }

        public AttendeeScope AttendeeScope { get; init; }

        public int? DelegationId { get; init; }

        public string? Delegation { get; init; }

        public int? GroupId { get; init; }

        public string? Group { get; init; }

        public List<int> AttendeeIds { get; set; } = [];

        public int? VisitHostId { get; init; }

        public string? VisitHost { get; init; }

        public List<int> OfficialIds { get; set; } = [];

        public string? RoundTableTopic { get; init; }

        public int? ModeratorId { get; init; }

        public List<int> SpeakerIds { get; set; } = [];

        public string? Resolution { get; init; }

        public bool HasB2bSession { get; init; }
    }
}

public sealed record ProgrammeSnapshot(
    IReadOnlyList<ProgrammeItemViewModel> Items,
    IReadOnlyList<ScheduledItem> Scheduled,
    IReadOnlyList<ScheduleConflict> Conflicts,
    IReadOnlyList<PersonOptionViewModel> People,
    IReadOnlyList<GroupOptionViewModel> Groups,
    IReadOnlyList<DelegationViewModel> Delegations)
{
    /// <summary>The items grouped by day: every day of the mission, then any day outside it that has items.</summary>
    public IReadOnlyList<ProgrammeDayViewModel> Days(DateOnly start, DateOnly end)
    {
        var byDay = Items.ToLookup(i => i.Date);
        var days = new List<ProgrammeDayViewModel>();
        for (var day = start; day <= end; day = day.AddDays(1))
        {
            days.Add(new ProgrammeDayViewModel(day, byDay[day].ToList()));
        }

        days.AddRange(byDay.Where(g => g.Key < start || g.Key > end).Select(g => new ProgrammeDayViewModel(g.Key, g.ToList())));
        return days.OrderBy(d => d.Date).ToList();
    }
}

public sealed record AcknowledgementViewModel(string ConflictKey, string? Accepted, string Reason, string By, DateTime AtUtc);

public sealed record PersonOptionViewModel(int Id, int DelegationId, DelegationSide Side, string FullName, string Position, string? Organization);

public sealed record GroupOptionViewModel(int Id, int DelegationId, string Name, int Members);
