using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.Web.Features.Rosters;

/// <summary>What a roster shows: the whole delegation or one item's attendees, everyone or the approved only, grouped or not.</summary>
public sealed class RosterFilter
{
    /// <summary>Only the people who attend this programme item.</summary>
    public int? ItemId { get; set; }

    public bool ApprovedOnly { get; set; }

    public bool ByOrganization { get; set; }

    public bool IsWholeDelegation => ItemId is null && !ApprovedOnly;

    public object RouteValues(int delegationId) => new { delegationId, ItemId, ApprovedOnly, ByOrganization };
}

public sealed record RosterItemOption(int Id, DateOnly Date, TimeOnly Start, ProgrammeItemKind Kind, string Title, bool IsVisit);

/// <summary>One line of a printed roster: «№ | Фамилия Имя Отчество | Должность | Организация».</summary>
public sealed class RosterLineViewModel
{
    public int Number { get; set; }

    public int ParticipantId { get; init; }

    public required string FullName { get; init; }

    public required string Surname { get; init; }

    /// <summary>Given name and patronymic.</summary>
    public required string GivenNames { get; init; }

    public required string Position { get; init; }

    public string? Organization { get; init; }

    public DelegationRole Role { get; init; }

    public ParticipantStatus Status { get; init; }

    public int ProtocolOrder { get; init; }

    public Guid Version { get; init; }

    public ProtocolKey Key { get; init; }
}

public sealed record RosterGroupViewModel(string? Organization, IReadOnlyList<RosterLineViewModel> Lines);

public sealed class RosterViewModel
{
    public int DelegationId { get; init; }

    public required string Delegation { get; init; }

    public DelegationSide Side { get; init; }

    /// <summary>The agency lets the delegation's companies see everyone on it, not only their own people.</summary>
    public bool SharesFullRoster { get; init; }

    /// <summary>A company user sees only its own people: the list says so.</summary>
    public bool OwnPeopleOnly { get; init; }

    public int MissionId { get; init; }

    public required string Mission { get; init; }

    public DateOnly StartDate { get; init; }

    public DateOnly EndDate { get; init; }

    public required RosterFilter Filter { get; init; }

    public IReadOnlyList<RosterItemOption> Items { get; init; } = [];

    /// <summary>The item chosen in the filter, if any.</summary>
    public RosterItemOption? Item { get; init; }

    /// <summary>In roster order; with grouping, one group per organisation in the order of its first person.</summary>
    public IReadOnlyList<RosterGroupViewModel> Groups { get; init; } = [];

    public IEnumerable<RosterLineViewModel> Lines => Groups.SelectMany(g => g.Lines);

    public int Count => Groups.Sum(g => g.Lines.Count);

    /// <summary>The agency sets the protocol order on the whole delegation's roster.</summary>
    public bool CanOrder { get; init; }

    /// <summary>The agency decides whether the delegation's companies see the full list.</summary>
    public bool CanShare { get; init; }

    /// <summary>Badges and pass lists are for the agency and the ministry.</summary>
    public bool CanPrintBadges { get; init; }
}

/// <summary>The people of one site visit, for the host enterprise's pass office: name, position, organisation, nothing more.</summary>
public sealed class PassListViewModel
{
    public int ItemId { get; init; }

    public int MissionId { get; init; }

    public required string Mission { get; init; }

    public required string Item { get; init; }

    public DateOnly Date { get; init; }

    public TimeOnly Start { get; init; }

    public TimeOnly End { get; init; }

    public required string Host { get; init; }

    public string? Venue { get; init; }

    public IReadOnlyList<RosterLineViewModel> Lines { get; init; } = [];
}
