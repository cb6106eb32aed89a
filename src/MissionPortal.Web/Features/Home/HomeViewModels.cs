using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Home;

public sealed class AgencyHomeViewModel
{
    public IReadOnlyList<MissionListItemViewModel> UpcomingMissions { get; init; } = [];

    public IReadOnlyList<PendingCompanyViewModel> PendingCompanies { get; init; } = [];

    public int PendingParticipants { get; init; }

    public IReadOnlyList<MissionListItemViewModel> AwaitingMinistry { get; init; } = [];
}

public sealed record PendingCompanyViewModel(int Id, string Name, string Region, string? Inn);

public sealed class MinistryHomeViewModel
{
    public IReadOnlyList<MissionListItemViewModel> AwaitingApproval { get; init; } = [];

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
