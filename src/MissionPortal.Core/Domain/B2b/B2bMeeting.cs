namespace MissionPortal.Core.Domain.B2b;

/// <summary>A meeting placed in the session's grid: an accepted request, a slot and a table.</summary>
public class B2bMeeting
{
    private readonly List<MeetingOutcome> _outcomes = [];

    public B2bMeeting(int sessionId, int requestId, TimeOnly start, TimeOnly end, int table, bool pinned)
    {
        SessionId = sessionId;
        RequestId = requestId;
        Start = start;
        End = end;
        Table = table;
        Pinned = pinned;
    }

    private B2bMeeting()
    {
    }

    public int Id { get; private set; }

    public int SessionId { get; private set; }

    public int RequestId { get; private set; }

    public MeetingRequest? Request { get; private set; }

    public TimeOnly Start { get; private set; }

    public TimeOnly End { get; private set; }

    public int Table { get; private set; }

    /// <summary>Moved by hand: running the scheduler again keeps it where the agency put it.</summary>
    public bool Pinned { get; private set; }

    public IReadOnlyCollection<MeetingOutcome> Outcomes => _outcomes;

    /// <summary>How many times the meeting's time or table has changed: the SEQUENCE of its calendar event.</summary>
    public int Sequence { get; private set; }

    /// <summary>Where the scheduler puts the meeting; a meeting it keeps where the agency put it stays pinned.</summary>
    public void Place(TimeOnly start, TimeOnly end, int table, bool pinned)
    {
        CountChange(start, end, table);
        Start = start;
        End = end;
        Table = table;
        Pinned = pinned;
    }

    /// <summary>A move by hand: the meeting is pinned there.</summary>
    public void MoveTo(TimeOnly start, TimeOnly end, int table)
    {
        CountChange(start, end, table);
        Start = start;
        End = end;
        Table = table;
        Pinned = true;
    }

    private void CountChange(TimeOnly start, TimeOnly end, int table)
    {
        if (start != Start || end != End || table != Table)
        {
            Sequence++;
        }
    }

    /// <summary>What one side says about the meeting afterwards; saying again replaces its earlier answer.</summary>
    public MeetingOutcome Record(int participationId, OutcomeMarks marks, DateTime atUtc)
    {
        var outcome = _outcomes.FirstOrDefault(o => o.ParticipationId == participationId);
        if (outcome is null)
        {
            outcome = new MeetingOutcome(participationId);
            _outcomes.Add(outcome);
        }

        outcome.Set(marks, atUtc);
        return outcome;
    }
}

/// <summary>A side's account of a meeting: did it take place, and what came of it.</summary>
public sealed record OutcomeMarks(bool TookPlace, bool ContactMade, bool FollowUpAgreed, bool ContractIntended)
{
    /// <summary>A meeting that did not take place made no contact, follow-up or contract.</summary>
    public OutcomeMarks Consistent() => TookPlace ? this : new OutcomeMarks(false, false, false, false);
}

public class MeetingOutcome
{
    internal MeetingOutcome(int participationId)
    {
        ParticipationId = participationId;
    }

    private MeetingOutcome()
    {
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public int ParticipationId { get; private set; }

    public bool TookPlace { get; private set; }

    public bool ContactMade { get; private set; }

    public bool FollowUpAgreed { get; private set; }

    public bool ContractIntended { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    internal void Set(OutcomeMarks marks, DateTime atUtc)
    {
        var consistent = marks.Consistent();
        TookPlace = consistent.TookPlace;
        ContactMade = consistent.ContactMade;
        FollowUpAgreed = consistent.FollowUpAgreed;
        ContractIntended = consistent.ContractIntended;
        RecordedAtUtc = atUtc;
    }
}
