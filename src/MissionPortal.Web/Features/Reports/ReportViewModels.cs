using MissionPortal.Core.Domain.Agreements;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Reports;

public sealed record ReportOrganizerViewModel(string Name, MissionPortal.Core.Domain.Missions.OrganizerRole Role);

public sealed record ReportAgreementViewModel(
    int Id, string Title, AgreementStatus Status, DateOnly? SignedOn, IReadOnlyList<string> Parties, IReadOnlyList<string> Signatories);

public sealed record ReportRoundTableViewModel(string Topic, string? Resolution);

/// <summary>The one-page summary of a mission for the ministry to publish.</summary>
public sealed class MissionReportViewModel
{
    public int MissionId { get; init; }

    public required string Title { get; init; }

    public MissionKind Kind { get; init; }

    public MissionStatus Status { get; init; }

    public DateOnly StartDate { get; init; }

    public DateOnly EndDate { get; init; }

    public required string OriginRegion { get; init; }

    public required string HostRegion { get; init; }

    public IReadOnlyList<ReportOrganizerViewModel> Organizers { get; init; } = [];

    /// <summary>«А.Н. Говорунов, вице-губернатор Санкт-Петербурга …» for each visiting delegation with a head.</summary>
    public IReadOnlyList<string> Heads { get; init; } = [];

    public required MissionFigures Figures { get; init; }

    /// <summary>The programme in Russian sentences, one per day.</summary>
    public IReadOnlyList<string> Programme { get; init; } = [];

    public IReadOnlyList<ReportAgreementViewModel> Agreements { get; init; } = [];

    public IReadOnlyList<ReportRoundTableViewModel> RoundTables { get; init; } = [];

    /// <summary>A completed mission reports what happened; any other reports its programme as planned.</summary>
    public bool IsFinal => Status == MissionStatus.Completed;
}

public sealed record DashboardMissionViewModel(int Number, int Id, string Title, DateOnly StartDate, DateOnly EndDate, MissionStatus Status, MissionFigures Figures);

/// <summary>One bar of a chart: the mission's number in the table, its value, and the bar's length in SVG units.</summary>
public sealed record ChartBar(int Number, string Title, int Value, double Length, double Y);

/// <summary>One small chart of the dashboard: one figure for every mission of the year.</summary>
public sealed record ChartPanel(string Label, IReadOnlyList<ChartBar> Bars, double Height, string Fill);

public sealed class DashboardViewModel
{
    public int Year { get; init; }

    public IReadOnlyList<int> Years { get; init; } = [];

    public IReadOnlyList<DashboardMissionViewModel> Missions { get; init; } = [];

    public required MissionFigures Totals { get; init; }

    public IReadOnlyList<ChartPanel> Charts { get; init; } = [];
}
