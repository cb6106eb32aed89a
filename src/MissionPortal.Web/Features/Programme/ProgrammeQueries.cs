using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Web.Features.Missions;

namespace MissionPortal.Web.Features.Programme;

/// <summary>
/// Reads a mission's programme once for every page that shows it: the items as people read them,
/// the people each item involves, and the conflicts the rules find — a fixed number of commands.
/// </summary>
public sealed class ProgrammeQueries(PortalDbContext db)
{
    public async Task<ProgrammeSnapshot> LoadAsync(int missionId, DateOnly missionStart, DateOnly missionEnd, CancellationToken ct)
    {
        var rows = await db.ProgrammeItems.AsNoTracking()
            .Where(i => i.MissionId == missionId)
            .OrderBy(i => i.Date).ThenBy(i => i.Start).ThenBy(i => i.Id)
            .Select(i => new ItemRow
            {
                Id = i.Id,
                Version = i.Version,
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
                AttendeeIds = i.Attendees.Select(a => a.ParticipantId).ToList(),
                VisitHostId = i.Visit!.HostOrganizationId,
                VisitHost = i.Visit.HostOrganization!.Name,
                OfficialIds = i.Visit.Officials.Select(o => o.ParticipantId).ToList(),
                RoundTableTopic = i.RoundTable!.Topic,
                ModeratorId = i.RoundTable.ModeratorId,
                SpeakerIds = i.RoundTable.Speakers.OrderBy(s => s.Order).Select(s => s.ParticipantId).ToList(),
                Resolution = i.RoundTable.Resolution,
            })
            .AsSplitQuery()
            .ToListAsync(ct);

        var people = await db.Participants.AsNoTracking()
            .Where(p => p.Delegation!.MissionId == missionId)
            .OrderBy(p => p.Delegation!.Side).ThenBy(p => p.DelegationId).ThenBy(p => p.ProtocolOrder).ThenBy(p => p.Surname)
            .Select(p => new PersonRow(
                p.Id,
                p.DelegationId,
                p.Delegation!.Side,
                p.Surname,
                p.GivenName,
                p.Patronymic,
                p.Position,
                p.Status,
                p.Organization!.ShortName ?? p.Organization.Name))
            .ToListAsync(ct);

        var groups = await db.DelegationGroups.AsNoTracking()
            .Where(g => db.Delegations.Any(d => d.Id == g.DelegationId && d.MissionId == missionId))
            .Select(g => new GroupRow(g.Id, g.DelegationId, g.Name, g.Members.Select(m => m.Id).ToList()))
            .ToListAsync(ct);

        var agreements = await db.Agreements.AsNoTracking()
            .Where(a => a.MissionId == missionId && a.ProgrammeItemId != null)
            .Select(a => new { ItemId = a.ProgrammeItemId!.Value, a.Id, a.Title })
            .ToListAsync(ct);

        var travel = await db.TravelTimes.AsNoTracking().Select(t => new { t.FromCity, t.ToCity, t.Minutes }).ToListAsync(ct);
        var acknowledgements = await db.ConflictAcknowledgements.AsNoTracking()
            .Where(a => a.MissionId == missionId)
            .Select(a => new AcknowledgementViewModel(a.ConflictKey, a.Reason, a.AcknowledgedBy, a.AcknowledgedAtUtc))
            .ToListAsync(ct);

        var names = people.ToDictionary(p => p.Id);
        var scheduled = rows.Select(r => new ScheduledItem(
                r.Id, r.Date, r.Start, r.End, r.Kind, r.VenueId, r.VenueCity, r.VenueCapacity, PeopleOf(r, people, groups)))
            .ToList();
        var travelTable = travel
            .SelectMany(t => new[] { ((t.FromCity, t.ToCity), t.Minutes), ((t.ToCity, t.FromCity), t.Minutes) })
            .DistinctBy(t => t.Item1)
            .ToDictionary(t => t.Item1, t => t.Minutes);
        var conflicts = ConflictDetector.Detect(
            missionStart,
            missionEnd,
            scheduled,
            (from, to) => travelTable.TryGetValue((from, to), out var minutes) ? minutes : null);

        string Short(int? id) => id is { } key && names.TryGetValue(key, out var p) ? PersonName.Short(p.Surname, p.GivenName, p.Patronymic) : string.Empty;

        var items = rows.Select(r => new ProgrammeItemViewModel
        {
            Id = r.Id,
            Version = r.Version,
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
            AgreementId = agreements.FirstOrDefault(a => a.ItemId == r.Id)?.Id,
            Agreements = agreements.Where(a => a.ItemId == r.Id).Select(a => a.Title).ToList(),
            PeopleCount = scheduled.First(s => s.Id == r.Id).People.Count,
        }).ToList();

        return new ProgrammeSnapshot(
            items,
            scheduled,
            conflicts,
            acknowledgements,
            people.Select(p => new PersonOptionViewModel(
                p.Id, p.DelegationId, p.Side, PersonName.Full(p.Surname, p.GivenName, p.Patronymic), p.Position, p.Organization)).ToList(),
            groups.Select(g => new GroupOptionViewModel(g.Id, g.DelegationId, g.Name, g.MemberIds.Count)).ToList());
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
                people.Where(p => p.DelegationId == delegationId && p.Status is ParticipantStatus.Approved or ParticipantStatus.Pending).Select(p => p.Id).ToHashSet(),
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

    private sealed record PersonRow(
        int Id,
        int DelegationId,
        DelegationSide Side,
        string Surname,
        string GivenName,
        string? Patronymic,
        string Position,
        ParticipantStatus Status,
        string? Organization);

    private sealed record GroupRow(int Id, int DelegationId, string Name, List<int> MemberIds);

    private sealed class ItemRow
    {
        public int Id { get; init; }

        public Guid Version { get; init; }

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

        public List<int> AttendeeIds { get; init; } = [];

        public int? VisitHostId { get; init; }

        public string? VisitHost { get; init; }

        public List<int> OfficialIds { get; init; } = [];

        public string? RoundTableTopic { get; init; }

        public int? ModeratorId { get; init; }

        public List<int> SpeakerIds { get; init; } = [];

        public string? Resolution { get; init; }
    }
}

public sealed record ProgrammeSnapshot(
    IReadOnlyList<ProgrammeItemViewModel> Items,
    IReadOnlyList<ScheduledItem> Scheduled,
    IReadOnlyList<ScheduleConflict> Conflicts,
    IReadOnlyList<AcknowledgementViewModel> Acknowledgements,
    IReadOnlyList<PersonOptionViewModel> People,
    IReadOnlyList<GroupOptionViewModel> Groups)
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

    public AcknowledgementViewModel? AcknowledgementOf(ScheduleConflict conflict) =>
        Acknowledgements.FirstOrDefault(a => a.ConflictKey == conflict.Key);
}

public sealed record AcknowledgementViewModel(string ConflictKey, string Reason, string By, DateTime AtUtc);

public sealed record PersonOptionViewModel(int Id, int DelegationId, DelegationSide Side, string FullName, string Position, string? Organization);

public sealed record GroupOptionViewModel(int Id, int DelegationId, string Name, int Members);
