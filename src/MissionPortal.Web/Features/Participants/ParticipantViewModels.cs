using MissionPortal.Core.Domain.Missions;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Participants;

public sealed record PersonRowViewModel(int Id, string FullName, string Position, string? Organization, string? Email, string? Phone, ParticipantStatus Status, string Delegation, IReadOnlyList<string> Items, Guid Version)
{
    public DelegationRole Role { get; init; } = DelegationRole.Member;

    public DelegationSide Side { get; init; } = DelegationSide.Visiting;

    public int DelegationId { get; init; }

    public string Surname { get; init; } = string.Empty;
}

public sealed record DelegationNameViewModel(int Id, string Name, DelegationSide Side, Guid Version);

public sealed record OpenMissionViewModel(int Id, string Title, DateOnly StartDate, DateOnly EndDate, string Host, int OwnPeople);

public sealed class ApplicationPageViewModel
{
    public int MissionId { get; init; }

    public required string MissionTitle { get; init; }

    public required PersonInput Input { get; init; }

    public IReadOnlyList<PersonRowViewModel> People { get; init; } = [];

    public IReadOnlyList<OptionViewModel> Items { get; init; } = [];

    public IReadOnlyList<OptionViewModel> Delegations { get; init; } = [];

    /// <summary>The mission's delegations with the version the rename form sends back.</summary>
    public IReadOnlyList<DelegationNameViewModel> DelegationNames { get; init; } = [];

    public IReadOnlyList<OptionViewModel> Organizations { get; init; } = [];

    public ParticipantFilter Filter { get; init; } = new ParticipantFilter().Sanitized();

    /// <summary>How many people the mission has before the filter.</summary>
    public int Everyone { get; init; }

    /// <summary>People of other missions matching the text typed in the directory search of the add-person form.</summary>
    public IReadOnlyList<DirectoryPersonViewModel> Proposals { get; set; } = [];
}

/// <summary>How the agency narrows and orders a mission's participant list, as the query string carries it.</summary>
public sealed class ParticipantFilter
{
    public const string ByProtocol = "protocol";
    public const string ByName = "name";
    public const string ByOrganisation = "organisation";
    public const string ByPosition = "position";
    public const string ByStatus = "status";

    public static readonly string[] Sorts = [ByProtocol, ByName, ByOrganisation, ByPosition, ByStatus];

    /// <summary>Any part of the name, position, organisation, e-mail or phone.</summary>
    public string? Q { get; set; }

    public ParticipantStatus? Status { get; set; }

    public int? DelegationId { get; set; }

    public DelegationRole? Role { get; set; }

    public string? Sort { get; set; }

    /// <summary>Text typed to find a person of earlier missions for the add-person form.</summary>
    public string? Find { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Q) && Status is null && DelegationId is null && Role is null;

    /// <summary>Drops what the page can't offer: an unknown status, role or order.</summary>
    public ParticipantFilter Sanitized()
    {
        if (Status is { } status && !Enum.IsDefined(status))
        {
            Status = null;
        }

        if (Role is { } role && !Enum.IsDefined(role))
        {
            Role = null;
        }

        if (!Sorts.Contains(Sort, StringComparer.Ordinal))
        {
            Sort = ByProtocol;
        }

        return this;
    }

    public object RouteValues(int missionId) => new { missionId, Q, Status, DelegationId, Role, Sort };
}
