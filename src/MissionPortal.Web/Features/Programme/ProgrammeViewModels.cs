using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Programme;

public sealed class MissionHeaderViewModel
{
    public int Id { get; init; }

    public required string Title { get; init; }

    public DateOnly StartDate { get; init; }

    public DateOnly EndDate { get; init; }

    public MissionStatus Status { get; init; }

    public required string CalendarToken { get; init; }

    /// <summary>The host region's zone: every stored instant (a review, an acceptance, a deletion) is shown in it.</summary>
    public string? TimeZoneId { get; init; }

    public TimeZoneInfo Zone => HostCalendar.Zone(TimeZoneId);

    public bool IsWithinDates(DateOnly date) => Mission.IsWithinDates(date, StartDate, EndDate);

    public IEnumerable<DateOnly> Days
    {
        get
        {
            for (var day = StartDate; day <= EndDate; day = day.AddDays(1))
            {
                yield return day;
            }
        }
    }
}

public sealed record ConflictViewModel(string Key, ConflictKind Kind, string Message, IReadOnlyList<int> ItemIds, AcknowledgementViewModel? Acknowledgement)
{
    /// <summary>An acceptance of this conflict that no longer covers it: what it accepted has changed since.</summary>
    public AcknowledgementViewModel? Reopened { get; init; }
}

public sealed record ReviewViewModel(ReviewDecision Decision, string? Comment, string By, DateTime AtUtc);

public sealed record DeletedItemViewModel(int Id, DateOnly Date, TimeOnly Start, TimeOnly End, string Title, string? Venue, DateTime DeletedAtUtc, Guid Version);

public sealed record DeletedItemsViewModel(MissionHeaderViewModel Mission, IReadOnlyList<DeletedItemViewModel> Items);

public sealed record ChangeViewModel(ProgrammeChangeKind Kind, string Title, string? Before, string? After, string By, DateTime AtUtc);

public sealed class ProgrammePageViewModel
{
    public required MissionHeaderViewModel Mission { get; init; }

    public IReadOnlyList<ProgrammeDayViewModel> Days { get; init; } = [];

    public IReadOnlyList<ConflictViewModel> Conflicts { get; init; } = [];

    public ReviewViewModel? LastReview { get; init; }

    public bool Approved { get; init; }

    public int ChangesSinceApproval { get; init; }

    public bool CanEdit { get; init; }

    public bool CanApprove { get; init; }

    public IReadOnlyList<ConflictViewModel> ConflictsOf(int itemId) => Conflicts.Where(c => c.ItemIds.Contains(itemId)).ToList();

    /// <summary>Where each item stands in the time grid: the hour axis shared by all days, rows, lanes.</summary>
    public ProgrammeGrid Grid => grid ??= ProgrammeGrid.Of(Days);

    private ProgrammeGrid? grid;
}

public sealed class ItemFormViewModel
{
    public int? ItemId { get; init; }

    public required MissionHeaderViewModel Mission { get; init; }

    public required ProgrammeItemInput Input { get; init; }

    public bool ManyDays { get; init; }

    public IReadOnlyList<OptionViewModel> Venues { get; init; } = [];

    public IReadOnlyList<OptionViewModel> Organizations { get; init; } = [];

    public IReadOnlyList<OptionViewModel> Agreements { get; init; } = [];

    public IReadOnlyList<OptionViewModel> Delegations { get; init; } = [];

    public IReadOnlyList<GroupOptionViewModel> Groups { get; init; } = [];

    public IReadOnlyList<PersonOptionViewModel> People { get; init; } = [];

    /// <summary>On a concurrency conflict: the item as it is stored now, beside what the user typed.</summary>
    public ProgrammeItemViewModel? Current { get; init; }
}

public sealed class ChangesPageViewModel
{
    public required MissionHeaderViewModel Mission { get; init; }

    public ReviewViewModel? LastApproval { get; init; }

    public IReadOnlyList<ChangeViewModel> Changes { get; init; } = [];

    public IReadOnlyList<ReviewViewModel> Reviews { get; init; } = [];
}

/// <summary>The question before a programme with open conflicts goes to the ministry.</summary>
public sealed record ConfirmSubmitViewModel(MissionHeaderViewModel Mission, string Message, IReadOnlyList<ConflictViewModel> OpenConflicts);
