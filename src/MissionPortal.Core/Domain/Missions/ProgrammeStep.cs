namespace MissionPortal.Core.Domain.Missions;

/// <summary>Why a mission refuses a step of its programme; the web says it in the user's language.</summary>
public enum ProgrammeRefusal
{
    /// <summary>The day is outside the mission's dates.</summary>
    OutsideMissionDates = 1,

    /// <summary>Moved there, the item would end after midnight.</summary>
    RunsPastMidnight = 2,

    /// <summary>A return must say what to correct.</summary>
    ReturnWithoutComment = 3,

    /// <summary>The return's comment is longer than <see cref="Mission.ReviewCommentLength"/>.</summary>
    CommentTooLong = 4,

    /// <summary>Only a draft is submitted.</summary>
    CannotSubmit = 5,

    /// <summary>Only a submitted programme, or an approved one changed since, is approved.</summary>
    CannotApprove = 6,

    /// <summary>Only a submitted or approved programme is returned.</summary>
    CannotReturn = 7,
}

/// <summary>What a step of the programme did (<see cref="Change"/>) or why it was refused (<see cref="Refusal"/>).</summary>
public sealed record ProgrammeStep<T>(T? Change, ProgrammeRefusal? Refusal)
    where T : class
{
    public bool IsRefused => Refusal is not null;

    public static ProgrammeStep<T> Done(T change) => new(change, null);

    public static ProgrammeStep<T> Refused(ProgrammeRefusal refusal) => new(null, refusal);
}
