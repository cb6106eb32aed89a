using MissionPortal.Core.Domain.Common;

namespace MissionPortal.Core.Domain.Programme;

/// <summary>Road time between two cities, kept in a small table the agency edits (Красноярск → Железногорск ≈ 60 min).</summary>
public class TravelTime : VersionedEntity
{
    public TravelTime(string fromCity, string toCity, int minutes)
    {
        FromCity = fromCity;
        ToCity = toCity;
        Minutes = minutes;
    }

    public string FromCity { get; private set; }

    public string ToCity { get; private set; }

    public int Minutes { get; private set; }

    public void Change(int minutes) => Minutes = minutes;
}

/// <summary>A conflict the planner has seen and accepted, with the reason; it stays visible, marked as acknowledged.</summary>
public class ConflictAcknowledgement
{
    public ConflictAcknowledgement(int missionId, string conflictKey, string reason, string acknowledgedBy, DateTime acknowledgedAtUtc)
    {
        MissionId = missionId;
        ConflictKey = conflictKey;
        Reason = reason;
        AcknowledgedBy = acknowledgedBy;
        AcknowledgedAtUtc = acknowledgedAtUtc;
    }

    public int Id { get; private set; }

    public int MissionId { get; private set; }

    /// <summary>Identifies the conflict (its rule and the items or people involved), see <see cref="ScheduleConflict.Key"/>.</summary>
    public string ConflictKey { get; private set; }

    public string Reason { get; private set; }

    public string AcknowledgedBy { get; private set; }

    public DateTime AcknowledgedAtUtc { get; private set; }
}

public enum ReviewDecision
{
    Submitted = 1,
    Approved = 2,
    Returned = 3,
}

/// <summary>One step of the programme's approval: the agency submits, the ministry approves or returns it with a comment.</summary>
public class ProgrammeReview
{
    public ProgrammeReview(int missionId, ReviewDecision decision, string? comment, string by, DateTime atUtc)
    {
        MissionId = missionId;
        Decision = decision;
        Comment = comment;
        By = by;
        AtUtc = atUtc;
    }

    public int Id { get; private set; }

    public int MissionId { get; private set; }

    public ReviewDecision Decision { get; private set; }

    public string? Comment { get; private set; }

    public string By { get; private set; }

    public DateTime AtUtc { get; private set; }
}

public enum ProgrammeChangeKind
{
    Added = 1,
    Removed = 2,
    Moved = 3,
    Changed = 4,
}

/// <summary>A change to an approved programme, so the ministry sees exactly what changed since it approved.</summary>
public class ProgrammeChange
{
    public ProgrammeChange(int missionId, int? programmeItemId, ProgrammeChangeKind kind, string title, string? before, string? after, string by, DateTime atUtc)
    {
        MissionId = missionId;
        ProgrammeItemId = programmeItemId;
        Kind = kind;
        Title = title;
        Before = before;
        After = after;
        By = by;
        AtUtc = atUtc;
    }

    public int Id { get; private set; }

    public int MissionId { get; private set; }

    /// <summary>The item concerned; kept as a plain number, since a removed item no longer exists.</summary>
    public int? ProgrammeItemId { get; private set; }

    public ProgrammeChangeKind Kind { get; private set; }

    public string Title { get; private set; }

    /// <summary>When and where the item was before the change («10.12 09:00–10:00, Бизнес-инкубатор»).</summary>
    public string? Before { get; private set; }

    public string? After { get; private set; }

    public string By { get; private set; }

    public DateTime AtUtc { get; private set; }
}
