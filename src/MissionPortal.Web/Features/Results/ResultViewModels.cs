using MissionPortal.Core.Domain.Missions;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Results;

public sealed class CompanyResultRowViewModel
{
    public int OrganizationId { get; init; }

    public required string Company { get; init; }

    public int People { get; init; }

    /// <summary>Null when nothing has been entered yet.</summary>
    public int? ContactsMade { get; init; }

    public int? ContractsIntended { get; init; }

    public string? Notes { get; init; }

    public string? UpdatedBy { get; init; }

    public DateTime? UpdatedAtUtc { get; init; }

    public bool CanEdit { get; init; }
}

public sealed record ResultItemViewModel(int Id, DateOnly Date, TimeOnly Start, string Title, string? Host);

public sealed record ResultRoundTableViewModel(int ItemId, DateOnly Date, string Topic, string? Moderator, string? Resolution);

/// <summary>A mission's results: what each company entered, and what the programme tells of meetings, visits and round tables.</summary>
public sealed class MissionResultsViewModel
{
    public int MissionId { get; init; }

    public required string Mission { get; init; }

    /// <summary>The host region's zone: when a result was recorded is shown in it.</summary>
    public required TimeZoneInfo Zone { get; init; }

    public DateOnly StartDate { get; init; }

    public DateOnly EndDate { get; init; }

    public MissionStatus Status { get; init; }

    public IReadOnlyList<CompanyResultRowViewModel> Companies { get; init; } = [];

    /// <summary>What the mission's B2B meetings brought, per company (a company sees its own line); null without B2B requests.</summary>
    public B2bMissionFigures? B2b { get; init; }

    /// <summary>The whole mission's figures; only for those who see every company (a company sees its own line only).</summary>
    public MissionFigures? Figures { get; init; }

    public IReadOnlyList<ResultItemViewModel> Meetings { get; init; } = [];

    public IReadOnlyList<ResultItemViewModel> Visits { get; init; } = [];

    public IReadOnlyList<ResultRoundTableViewModel> RoundTables { get; init; } = [];

    public bool CanEditProgramme { get; init; }
}

public sealed class CompanyResultFormViewModel
{
    public int MissionId { get; init; }

    public required string Mission { get; init; }

    public int OrganizationId { get; init; }

    public required string Company { get; init; }

    public required RecordCompanyResult.Input Input { get; init; }
}
