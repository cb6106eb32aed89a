using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.Web.Features.CheckIn;

/// <summary>What the check-in form posts: the programme item the person is marked present at.</summary>
public sealed class CheckInInput
{
    public int? ItemId { get; set; }
}

public sealed record CheckInItemOption(int Id, DateOnly Date, TimeOnly Start, TimeOnly End, string Title, bool Involves, bool Present);

public sealed class CheckInViewModel
{
    public required string Token { get; init; }

    public int ParticipantId { get; init; }

    public int MissionId { get; init; }

    public required string Mission { get; init; }

    public required string FullName { get; init; }

    public required string Position { get; init; }

    public string? Organization { get; init; }

    public required string Delegation { get; init; }

    /// <summary>The item running now in the host region's time (the person's own first), if any.</summary>
    public int? CurrentItemId { get; init; }

    public required CheckInInput Input { get; init; }

    public IReadOnlyList<CheckInItemOption> Items { get; init; } = [];

    public DateTimeOffset Now { get; init; }
}

public sealed record AttendanceItemViewModel(int Id, DateOnly Date, TimeOnly Start, TimeOnly End, ProgrammeItemKind Kind, string Title, int Expected, int Present, bool IsCurrent);

public sealed record AttendancePersonViewModel(int Id, string FullName, string Position, string? Organization, bool Expected, DateTime? CheckedInAtUtc, string? By);

public sealed class AttendancePageViewModel
{
    public int MissionId { get; init; }

    public required string Mission { get; init; }

    /// <summary>The host region's zone: check-in times are shown in it.</summary>
    public required TimeZoneInfo Zone { get; init; }

    public DateOnly StartDate { get; init; }

    public DateOnly EndDate { get; init; }

    public IReadOnlyList<AttendanceItemViewModel> Items { get; init; } = [];

    public AttendanceItemViewModel? Selected { get; init; }

    public IReadOnlyList<AttendancePersonViewModel> People { get; init; } = [];
}

/// <summary>A badge of a mission that is over: the day it ended, and nothing about the person.</summary>
public sealed record CheckInExpiredViewModel(DateOnly EndDate);
