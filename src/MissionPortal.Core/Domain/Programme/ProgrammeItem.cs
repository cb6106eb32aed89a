using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;

namespace MissionPortal.Core.Domain.Programme;

public enum ProgrammeItemKind
{
    Presentation = 1,
    B2BSession = 2,
    SiteVisit = 3,
    Meeting = 4,
    Ceremony = 5,
    Conference = 6,
    RoundTable = 7,
    Signing = 8,
    Transfer = 9,
    Break = 10,
}

/// <summary>Who attends an item: the whole delegation, one of its sub-groups, or named participants.</summary>
public enum AttendeeScope
{
    WholeDelegation = 1,
    Group = 2,
    Named = 3,
}

/// <summary>
/// One timed item of a mission day. Date and times are the host region's local time:
/// DateOnly and TimeOnly sort and compare the same way on SQLite (ISO text) and SQL Server (date, time).
/// </summary>
public class ProgrammeItem : VersionedEntity
{
    private readonly List<ProgrammeItemAttendee> _attendees = [];

    internal ProgrammeItem(DateOnly date, TimeOnly start, TimeOnly end, ProgrammeItemKind kind, string title, Venue? venue)
    {
        if (end <= start)
        {
            throw new ArgumentException("A programme item must end after it starts.", nameof(end));
        }

        Date = date;
        Start = start;
        End = end;
        Kind = kind;
        Title = title;
        Venue = venue;
        AttendeeScope = AttendeeScope.WholeDelegation;
    }

    private ProgrammeItem()
    {
        Title = string.Empty;
    }

    public int MissionId { get; private set; }

    public Mission? Mission { get; private set; }

    /// <summary>
    /// Soft delete: the item leaves the programme, the calendars and the rosters, but keeps its registrations,
    /// attendance and history; the agency can restore it.
    /// </summary>
    public DateTime? DeletedAtUtc { get; private set; }

    public void Delete(DateTime atUtc) => DeletedAtUtc ??= atUtc;

    public void Restore() => DeletedAtUtc = null;

    public DateOnly Date { get; private set; }

    public TimeOnly Start { get; private set; }

    public TimeOnly End { get; private set; }

    public ProgrammeItemKind Kind { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    public int? VenueId { get; private set; }

    public Venue? Venue { get; private set; }

    /// <summary>The staff member of the host side who answers for the item.</summary>
    public int? ResponsibleId { get; private set; }

    public Participant? Responsible { get; private set; }

    public AttendeeScope AttendeeScope { get; private set; }

    /// <summary>The delegation whose people attend (whole, group or named).</summary>
    public int? DelegationId { get; private set; }

    public Delegation? Delegation { get; private set; }

    public int? GroupId { get; private set; }

    public DelegationGroup? Group { get; private set; }

    public IReadOnlyCollection<ProgrammeItemAttendee> Attendees => _attendees;

    public Visit? Visit { get; private set; }

    public RoundTable? RoundTable { get; private set; }

    public TimeSpan Duration => End - Start;

    /// <summary>Takes a person's name out of the item's typed text: title, description, round table topic, resolution and talks.</summary>
    public void RemoveName(NameInText name)
    {
        Title = name.Remove(Title);
        Description = name.RemoveFrom(Description);
        RoundTable?.RemoveName(name);
    }

    /// <summary>
    /// How many times the item has been saved changed since it was added: the SEQUENCE of its calendar event, so a
    /// calendar that already holds the event takes the new time or place instead of keeping the old one.
    /// </summary>
    public int Sequence { get; private set; }

    public override void RenewVersion()
    {
        base.RenewVersion();
        Sequence++;
    }

    /// <summary>Moves the item to another day and start time, keeping its length.</summary>
    public void MoveTo(DateOnly date, TimeOnly start)
    {
        var duration = Duration;
        if (start.Add(duration) <= start)
        {
            throw new ArgumentException("The item would run past midnight.", nameof(start));
        }

        Date = date;
        Start = start;
        End = start.Add(duration);
    }

    public void Reschedule(DateOnly date, TimeOnly start, TimeOnly end)
    {
        if (end <= start)
        {
            throw new ArgumentException("A programme item must end after it starts.", nameof(end));
        }

        Date = date;
        Start = start;
        End = end;
    }

    public void Update(ProgrammeItemKind kind, string title, string? description, int? venueId, int? responsibleId)
    {
        Kind = kind;
        Title = title;
        Description = description;
        VenueId = venueId;
        ResponsibleId = responsibleId;
    }

    /// <summary>Sets who attends: a delegation as a whole, one of its groups, or named people.</summary>
    public void SetAttendees(AttendeeScope scope, int? delegationId, int? groupId, IEnumerable<int> participantIds)
    {
        AttendeeScope = scope;
        DelegationId = delegationId;
        GroupId = scope == AttendeeScope.Group ? groupId : null;
        var wanted = scope == AttendeeScope.Named ? participantIds.Distinct().ToHashSet() : [];
        _attendees.RemoveAll(a => !wanted.Contains(a.ParticipantId));
        foreach (var id in wanted.Where(id => _attendees.All(a => a.ParticipantId != id)))
        {
            _attendees.Add(new ProgrammeItemAttendee(id));
        }
    }

    /// <summary>A site visit's host organisation and accompanying officials; null removes the visit details.</summary>
    public void SetVisit(int? hostOrganizationId, IEnumerable<int> officialIds)
    {
        if (hostOrganizationId is null)
        {
            Visit = null;
            return;
        }

        Visit ??= new Visit();
        Visit.Update(hostOrganizationId.Value, officialIds);
    }

    /// <summary>A round table's topic, moderator, speakers and resolution; a null topic removes them.</summary>
    public void SetRoundTable(string? topic, int? moderatorId, IEnumerable<int> speakerIds, string? resolution)
    {
        if (string.IsNullOrWhiteSpace(topic))
        {
            RoundTable = null;
            return;
        }

        RoundTable ??= new RoundTable(topic, null);
        RoundTable.Update(topic, moderatorId, speakerIds, resolution);
    }

    /// <summary>A copy of this item on another day (or the same), with its attendees and details.</summary>
    public ProgrammeItem CopyTo(DateOnly date)
    {
        var copy = new ProgrammeItem(date, Start, End, Kind, Title, null)
        {
            MissionId = MissionId,
            Description = Description,
            VenueId = VenueId,
            ResponsibleId = ResponsibleId,
        };
        copy.SetAttendees(AttendeeScope, DelegationId, GroupId, _attendees.Select(a => a.ParticipantId));
        if (Visit is not null)
        {
            copy.SetVisit(Visit.HostOrganizationId, Visit.Officials.Select(o => o.ParticipantId));
        }

        if (RoundTable is not null)
        {
            copy.SetRoundTable(RoundTable.Topic, RoundTable.ModeratorId, RoundTable.Speakers.OrderBy(s => s.Order).Select(s => s.ParticipantId), null);
        }

        return copy;
    }

    public ProgrammeItem Describe(string? description)
    {
        Description = description;
        return this;
    }

    public ProgrammeItem ResponsibleIs(Participant? staff)
    {
        Responsible = staff;
        return this;
    }

    public ProgrammeItem AttendedBy(Delegation delegation)
    {
        AttendeeScope = AttendeeScope.WholeDelegation;
        Delegation = delegation;
        Group = null;
        _attendees.Clear();
        return this;
    }

    public ProgrammeItem AttendedBy(Delegation delegation, DelegationGroup group)
    {
        AttendeeScope = AttendeeScope.Group;
        Delegation = delegation;
        Group = group;
        _attendees.Clear();
        return this;
    }

    public ProgrammeItem AttendedBy(Delegation delegation, params Participant[] people)
    {
        AttendeeScope = AttendeeScope.Named;
        Delegation = delegation;
        Group = null;
        _attendees.Clear();
        _attendees.AddRange(people.Select(p => new ProgrammeItemAttendee(p)));
        return this;
    }

    public Visit VisitTo(Organization host, params Participant[] accompanyingOfficials)
    {
        Visit = new Visit(host, accompanyingOfficials);
        return Visit;
    }

    public RoundTable HoldRoundTable(string topic, Participant? moderator)
    {
        RoundTable = new RoundTable(topic, moderator);
        return RoundTable;
    }
}

public class ProgrammeItemAttendee
{
    internal ProgrammeItemAttendee(Participant participant)
    {
        Participant = participant;
    }

    internal ProgrammeItemAttendee(int participantId)
    {
        ParticipantId = participantId;
    }

    private ProgrammeItemAttendee()
    {
    }

    public int ProgrammeItemId { get; private set; }

    public int ParticipantId { get; private set; }

    public Participant? Participant { get; private set; }
}
