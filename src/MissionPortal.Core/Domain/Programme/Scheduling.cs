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

/// <summary>
/// A conflict the planner has seen and accepted, with the reason; it stays visible, marked as acknowledged. It covers
/// the conflict as it was accepted (<see cref="Accepted"/>: the items, their times, the people, the gap): once that
/// changes, the conflict is open again.
/// </summary>
public class ConflictAcknowledgement
{
    public const int AcceptedLength = 1000;

    public ConflictAcknowledgement(int missionId, string conflictKey, string accepted, string reason, string acknowledgedBy, DateTime acknowledgedAtUtc)
    {
        MissionId = missionId;
        ConflictKey = conflictKey;
        Accepted = ConflictAcceptance.Fit(accepted);
        Reason = reason;
        AcknowledgedBy = acknowledgedBy;
        AcknowledgedAtUtc = acknowledgedAtUtc;
    }

    public int Id { get; private set; }

    public int MissionId { get; private set; }

    /// <summary>Identifies the conflict (its rule and the items or people involved), see <see cref="ScheduleConflict.Key"/>.</summary>
    public string ConflictKey { get; private set; }

    /// <summary>What was accepted, as <see cref="ConflictAcceptance.Describe"/> writes it; null for acceptances older than this record.</summary>
    public string? Accepted { get; private set; }

    public string Reason { get; private set; }

    public string AcknowledgedBy { get; private set; }

    public DateTime AcknowledgedAtUtc { get; private set; }

    /// <summary>Whether this acceptance still covers the conflict as it is now described.</summary>
    public bool Covers(string accepted) => Covers(Accepted, accepted);

    /// <summary>The same rule for an acceptance read as its text (a projection).</summary>
    public static bool Covers(string? acceptedThen, string acceptedNow) =>
        acceptedThen is null || string.Equals(acceptedThen, ConflictAcceptance.Fit(acceptedNow), StringComparison.Ordinal);
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

    /// <summary>Its day or hours changed.</summary>
    Moved = 3,

    /// <summary>Changed without saying which field (written before each field was recorded on its own).</summary>
    Changed = 4,

    Renamed = 5,
    VenueChanged = 6,
    AttendeesChanged = 7,
    HostChanged = 8,
    DescriptionChanged = 9,
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

    /// <summary>Takes a person's name out of the change's words (an item's title, the attendees before and after).</summary>
    public void RemoveName(NameInText name)
    {
        Title = name.Remove(Title);
        Before = name.RemoveFrom(Before);
        After = name.RemoveFrom(After);
    }
}
