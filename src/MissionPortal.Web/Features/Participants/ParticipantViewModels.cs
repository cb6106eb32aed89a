using MissionPortal.Core.Domain.Missions;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Participants;

public sealed record PersonRowViewModel(int Id, string FullName, string Position, string? Organization, string? Email, string? Phone, ParticipantStatus Status, string Delegation, IReadOnlyList<string> Items, Guid Version)
{
    public DelegationRole Role { get; init; } = DelegationRole.Member;

    public DelegationSide Side { get; init; } = DelegationSide.Visiting;
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
}
