using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Organizations;

namespace MissionPortal.Core.Domain.Missions;

public enum DelegationRole
{
    Head = 1,
    DeputyHead = 2,
    Member = 3,
    Official = 4,
    Staff = 5,
}

public enum ParticipantStatus
{
    Pending = 1,
    Approved = 2,
    Declined = 3,

    /// <summary>Taken back by the company: kept for the record, restorable by the agency.</summary>
    Withdrawn = 4,
}

/// <summary>Участник: a person in a delegation, named «Фамилия Имя Отчество», with position and organisation.</summary>
public class Participant : VersionedEntity
{
    internal Participant(string surname, string givenName, string? patronymic, string position, Organization? organization, DelegationRole role)
    {
        Surname = surname;
        GivenName = givenName;
        Patronymic = patronymic;
        Position = position;
        Organization = organization;
        Role = role;
        Status = ParticipantStatus.Approved;
    }

    private Participant()
    {
        Surname = GivenName = Position = string.Empty;
    }

    public int DelegationId { get; private set; }

    public Delegation? Delegation { get; private set; }

    public string Surname { get; private set; }

    public string GivenName { get; private set; }

    public string? Patronymic { get; private set; }

    public string Position { get; private set; }

    public int? OrganizationId { get; private set; }

    public Organization? Organization { get; private set; }

    public string? Email { get; private set; }

    /// <summary>Phone in +7 format.</summary>
    public string? Phone { get; private set; }

    public DelegationRole Role { get; private set; }

    /// <summary>Precedence in the roster: lower comes first; the head of the delegation is always first.</summary>
    public int ProtocolOrder { get; set; }

    public ParticipantStatus Status { get; private set; }

    /// <summary>Why the portal holds this person's data, who recorded it and when; empty for people entered before it was asked.</summary>
    public PersonalDataBasis? DataBasis { get; private set; }

    public string? DataBasisRecordedBy { get; private set; }

    public DateTime? DataBasisRecordedAtUtc { get; private set; }

    /// <summary>When the person's data was removed (at their request or after the retention period); the row stays so the counts do.</summary>
    public DateTime? AnonymisedAtUtc { get; private set; }

    public bool IsAnonymised => AnonymisedAtUtc is not null;

    public string FullName => PersonName.Full(Surname, GivenName, Patronymic);

    public string ShortName => PersonName.Short(Surname, GivenName, Patronymic);

    public Participant WithContacts(string? email, string? phone)
    {
        Email = email;
        Phone = phone;
        return this;
    }

    public void Update(string surname, string givenName, string? patronymic, string position, int? organizationId)
    {
        Surname = surname;
        GivenName = givenName;
        Patronymic = patronymic;
        Position = position;
        OrganizationId = organizationId;
    }

    public Participant WithDataBasis(PersonalDataBasis basis, string? recordedBy, DateTime atUtc)
    {
        DataBasis = basis;
        DataBasisRecordedBy = recordedBy is { Length: > 200 } ? recordedBy[..200] : recordedBy;
        DataBasisRecordedAtUtc = atUtc;
        return this;
    }

    /// <summary>
    /// Removes everything that names or reaches the person, keeping the row (status, role, delegation, organisation,
    /// attendance) so every count stays as it was. False when already done: a second run changes nothing.
    /// </summary>
    public bool Anonymise(DateTime atUtc)
    {
        if (IsAnonymised)
        {
            return false;
        }

        Surname = Anonymised.Surname;
        GivenName = Anonymised.Blank;
        Patronymic = null;
        Position = Anonymised.Blank;
        Email = null;
        Phone = null;
        DataBasisRecordedBy = null;
        AnonymisedAtUtc = atUtc;
        return true;
    }

    internal void ChangeRole(DelegationRole role) => Role = role;

    public void Approve() => Status = ParticipantStatus.Approved;

    public void Decline() => Status = ParticipantStatus.Declined;

    public void Withdraw() => Status = ParticipantStatus.Withdrawn;

    public void MarkPending() => Status = ParticipantStatus.Pending;
}

/// <summary>A programme item a company's participant applied to attend; the agency sees it when approving the person.</summary>
public class ItemRegistration
{
    public ItemRegistration(int participantId, int programmeItemId)
    {
        ParticipantId = participantId;
        ProgrammeItemId = programmeItemId;
    }

    public int ParticipantId { get; private set; }

    public int ProgrammeItemId { get; private set; }
}
