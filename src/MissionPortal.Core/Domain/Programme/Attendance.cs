namespace MissionPortal.Core.Domain.Programme;

/// <summary>A person marked present at a programme item, by the agency staff member who scanned their badge.</summary>
public class Attendance
{
    public Attendance(int programmeItemId, int participantId, DateTime checkedInAtUtc, string by)
    {
        ProgrammeItemId = programmeItemId;
        ParticipantId = participantId;
        CheckedInAtUtc = checkedInAtUtc;
        By = by;
    }

    public int Id { get; private set; }

    public int ProgrammeItemId { get; private set; }

    public int ParticipantId { get; private set; }

    public DateTime CheckedInAtUtc { get; private set; }

    /// <summary>Who marked the person present (the staff member's display name).</summary>
    public string By { get; private set; }
}
