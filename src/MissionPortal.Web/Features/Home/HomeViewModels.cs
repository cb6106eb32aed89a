using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Home;

public sealed class AgencyHomeViewModel
{
    public IReadOnlyList<MissionListItemViewModel> UpcomingMissions { get; init; } = [];

    public IReadOnlyList<PendingCompanyViewModel> PendingCompanies { get; init; } = [];

    /// <summary>People waiting for the agency's decision, per mission (each links to that mission's participants).</summary>
    public IReadOnlyList<PendingParticipantsViewModel> PendingParticipants { get; init; } = [];

    public IReadOnlyList<MissionListItemViewModel> AwaitingMinistry { get; init; } = [];

    /// <summary>Programmes the ministry returned, with its comment, not yet sent again.</summary>
    public IReadOnlyList<MissionListItemViewModel> Returned { get; init; } = [];
}

public sealed record PendingParticipantsViewModel(int MissionId, string Mission, int Count);

public sealed record PendingCompanyViewModel(int Id, string Name, string Region, string? Inn);

public sealed class MinistryHomeViewModel
{
    public IReadOnlyList<MissionListItemViewModel> AwaitingApproval { get; init; } = [];

    /// <summary>Approved programmes changed since: the changes wait for the ministry's look.</summary>
    public IReadOnlyList<MissionListItemViewModel> ChangedSinceApproval { get; init; } = [];

    public IReadOnlyList<MissionRostersViewModel> Missions { get; init; } = [];
}

public sealed class MissionRostersViewModel
{
    public required MissionListItemViewModel Mission { get; init; }

    public IReadOnlyList<DelegationSummaryViewModel> Delegations { get; init; } = [];
}

public sealed record DelegationSummaryViewModel(int Id, int MissionId, string Name, string? Head, int People);

public sealed class CompanyHomeViewModel
{
    public string? CompanyName { get; init; }

    public OrganizationStatus? CompanyStatus { get; init; }

    public string? RejectionReason { get; init; }

    public IReadOnlyList<MissionListItemViewModel> Missions { get; init; } = [];

    public IReadOnlyList<CompanyProductViewModel> Products { get; init; } = [];
}

public sealed record CompanyProductViewModel(int Id, string Name, string Category, string? Okpd2Code);
