using MissionPortal.Core.Domain.Common;

namespace MissionPortal.Core.Domain.B2b;

public enum MeetingRequestStatus
{
    Pending = 1,
    Accepted = 2,
    Declined = 3,

    /// <summary>Accepted, then withdrawn by one of the two companies before the session; its slot is free again.</summary>
    Cancelled = 4,
}

/// <summary>A company's request to meet a company of the other side, with a short message; the receiver accepts or declines.</summary>
public class MeetingRequest : VersionedEntity
{
    public MeetingRequest(int sessionId, int fromId, int toId, string? message, DateTime sentAtUtc)
    {
        if (fromId == toId)
        {
            throw new ArgumentException("A company cannot ask itself for a meeting.", nameof(toId));
        }

        SessionId = sessionId;
        FromId = fromId;
        ToId = toId;
        Message = message;
        SentAtUtc = sentAtUtc;
        Status = MeetingRequestStatus.Pending;
    }

    private MeetingRequest()
    {
    }

    public int SessionId { get; private set; }

    /// <summary>The participation of the company that asks.</summary>
    public int FromId { get; private set; }

    public B2bParticipation? From { get; private set; }

    /// <summary>The participation of the company asked.</summary>
    public int ToId { get; private set; }

    public B2bParticipation? To { get; private set; }

    public string? Message { get; private set; }

    public MeetingRequestStatus Status { get; private set; }

    public DateTime SentAtUtc { get; private set; }

    public DateTime? AnsweredAtUtc { get; private set; }

    public B2bMeeting? Meeting { get; private set; }

    public bool IsBetween(int participationA, int participationB) =>
        (FromId == participationA && ToId == participationB) || (FromId == participationB && ToId == participationA);

    /// <summary>The company asked accepts or declines a pending request; anyone else, or a second answer, is refused.</summary>
    public B2bDecision<MeetingRequest> AnswerBy(int byParticipationId, bool accept, DateTime atUtc)
    {
        if (byParticipationId != ToId)
        {
            return B2bDecision<MeetingRequest>.Refuse(B2bRefusal.NotTheReceiver);
        }

        if (Status != MeetingRequestStatus.Pending)
        {
            return B2bDecision<MeetingRequest>.Refuse(B2bRefusal.AlreadyAnswered);
        }

        Answer(accept ? MeetingRequestStatus.Accepted : MeetingRequestStatus.Declined, atUtc);
        return B2bDecision<MeetingRequest>.Done(this);
    }

    public void Accept(DateTime atUtc) => Answer(MeetingRequestStatus.Accepted, atUtc);

    public void Decline(DateTime atUtc) => Answer(MeetingRequestStatus.Declined, atUtc);

    /// <summary>One of the two companies withdraws from an accepted meeting; the caller frees its slot.</summary>
    public void Cancel(int byParticipationId)
    {
        if (Status != MeetingRequestStatus.Accepted)
        {
            throw new InvalidOperationException("Only an accepted meeting can be cancelled.");
        }

        if (byParticipationId != FromId && byParticipationId != ToId)
        {
            throw new InvalidOperationException("Only one of the two companies can cancel their meeting.");
        }

        Status = MeetingRequestStatus.Cancelled;
    }

    private void Answer(MeetingRequestStatus status, DateTime atUtc)
    {
        if (Status != MeetingRequestStatus.Pending)
        {
            throw new InvalidOperationException("The request has been answered already.");
        }

        Status = status;
        AnsweredAtUtc = atUtc;
    }
}
