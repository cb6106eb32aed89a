namespace MissionPortal.Core.Domain.B2b;

/// <summary>A company in a session as the meeting rules see it: its participation, its organisation and its side.</summary>
public sealed record B2bParty(int ParticipationId, int OrganizationId, B2bSide Side);

/// <summary>Why a session's rules refuse a step on a meeting; the web says it in the user's language.</summary>
public enum B2bRefusal
{
    /// <summary>Requests are not open yet.</summary>
    RequestsNotOpenYet = 1,

    /// <summary>Requests have closed.</summary>
    RequestsClosed,

    /// <summary>A company asks itself (or another participation of its own organisation).</summary>
    OwnCompany,

    /// <summary>Both companies sit on the same side: hosts meet guests.</summary>
    SameSide,

    /// <summary>The company has already asked the other one.</summary>
    AlreadySent,

    /// <summary>The other company has already asked this one: it answers that request instead.</summary>
    AlreadyAsked,

    /// <summary>Only the company asked answers a request.</summary>
    NotTheReceiver,

    /// <summary>The request has been answered already.</summary>
    AlreadyAnswered,

    /// <summary>Only an accepted meeting can be cancelled.</summary>
    NotAccepted,

    /// <summary>The session has begun: its meetings stay.</summary>
    SessionStarted,

    /// <summary>Requests have closed: the agency keeps the schedule, companies no longer cancel themselves.</summary>
    ScheduleKeptByAgency,
}

/// <summary>What a rule decided: the change it made, or why it refused (and then nothing changed).</summary>
public sealed class B2bDecision<T>
    where T : class
{
    private B2bDecision(T? change, B2bRefusal? refusal)
    {
        Change = change;
        Refusal = refusal;
    }

    public T? Change { get; }

    public B2bRefusal? Refusal { get; }

    public bool Refused => Refusal is not null;

    public static B2bDecision<T> Done(T change) => new(change, null);

    public static B2bDecision<T> Refuse(B2bRefusal refusal) => new(null, refusal);
}
