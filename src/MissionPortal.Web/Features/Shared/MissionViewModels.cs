using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.Web.Features.Shared;

public sealed class MissionListItemViewModel
{
    public int Id { get; init; }

    public required string Title { get; init; }

    public MissionKind Kind { get; init; }

    public MissionStatus Status { get; init; }

    public DateOnly StartDate { get; init; }

    public DateOnly EndDate { get; init; }

    public required string OriginRegion { get; init; }

    public required string HostRegion { get; init; }

    public int ParticipantCount { get; init; }

    /// <summary>Approved, then changed: the ministry has changes to look at, so it no longer reads as approved.</summary>
    public bool ChangedSinceApproval { get; init; }

    /// <summary>The ministry's comment when it returned the programme and the agency has not resubmitted it yet.</summary>
    public string? LastReturnComment { get; init; }
}

public sealed class DelegationViewModel
{
    public int Id { get; init; }

    public required string Name { get; init; }

    public DelegationSide Side { get; init; }

    /// <summary>The agency lets the delegation's companies see all its people, not only their own.</summary>
    public bool SharesFullRoster { get; init; }

    public IReadOnlyList<ParticipantListItemViewModel> Participants { get; init; } = [];

    public ParticipantListItemViewModel? Head => Participants.FirstOrDefault(p => p.Role == DelegationRole.Head);
}

public sealed class ParticipantListItemViewModel
{
    public int Id { get; init; }

    public int? OrganizationId { get; init; }

    public required string FullName { get; init; }

    public required string Position { get; init; }

    public string? Organization { get; init; }

    public DelegationRole Role { get; init; }

    public int ProtocolOrder { get; init; }
}

public sealed record ProgrammeDayViewModel(DateOnly Date, IReadOnlyList<ProgrammeItemViewModel> Items);

public sealed class ProgrammeItemViewModel
{
    public int Id { get; init; }

    public Guid Version { get; init; }

    /// <summary>How many times the item was changed: its calendar event's SEQUENCE.</summary>
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

    public int? ResponsibleId { get; init; }

    public string? Responsible { get; init; }

    public AttendeeScope AttendeeScope { get; init; }

    public int? DelegationId { get; init; }

    public string? Delegation { get; init; }

    public int? GroupId { get; init; }

    public string? Group { get; init; }

    public IReadOnlyList<int> AttendeeIds { get; init; } = [];

    public IReadOnlyList<string> NamedAttendees { get; init; } = [];

    public int? VisitHostId { get; init; }

    public string? VisitHost { get; init; }

    public IReadOnlyList<int> OfficialIds { get; init; } = [];

    public IReadOnlyList<string> VisitOfficials { get; init; } = [];

    public string? RoundTableTopic { get; init; }

    public int? ModeratorId { get; init; }

    public string? RoundTableModerator { get; init; }

    public IReadOnlyList<int> SpeakerIds { get; init; } = [];

    public IReadOnlyList<string> RoundTableSpeakers { get; init; } = [];

    public string? RoundTableResolution { get; init; }

    public int? AgreementId { get; init; }

    public IReadOnlyList<string> Agreements { get; init; } = [];

    /// <summary>Everyone the item involves, as the capacity rule counts them.</summary>
    public int PeopleCount { get; init; }

    /// <summary>The agency has set up the B2B session of this item.</summary>
    public bool HasB2bSession { get; init; }
}

public sealed class MissionDetailsViewModel
{
    public int Id { get; init; }

    public required string Title { get; init; }

    public MissionKind Kind { get; init; }

    public MissionStatus Status { get; init; }

    public DateOnly StartDate { get; init; }

    public DateOnly EndDate { get; init; }

    public required string OriginRegion { get; init; }

    public required string HostRegion { get; init; }

    public string? Description { get; init; }

    /// <summary>The secret of the mission's calendar feeds; shown to agency and ministry staff only.</summary>
    public string? CalendarToken { get; init; }

    /// <summary>Approved, then changed: it no longer reads as approved.</summary>
    public bool ChangedSinceApproval { get; init; }

    /// <summary>The viewer's company is approved by the agency, so it reaches the B2B sessions of the missions it takes part in.</summary>
    public bool CompanyApproved { get; init; }

    public IReadOnlyList<OrganizerViewModel> Organizers { get; set; } = [];

    public IReadOnlyList<DelegationViewModel> Delegations { get; set; } = [];

    public IReadOnlyList<ProgrammeDayViewModel> Days { get; set; } = [];
}

public sealed record OrganizerViewModel(string Name, OrganizerRole Role);
