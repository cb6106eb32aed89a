using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.Core.Domain.Agreements;

public enum AgreementKind
{
    Intergovernmental = 1,
    Interregional = 2,
    CompanyContract = 3,
    Memorandum = 4,
}

public enum AgreementStatus
{
    Draft = 1,
    Negotiation = 2,
    Signed = 3,
    InForce = 4,
    Fulfilled = 5,
}

/// <summary>Areas of cooperation an agreement covers; an agreement may cover several.</summary>
[Flags]
public enum CooperationAreas
{
    None = 0,
    TradeEconomic = 1,
    ScientificTechnical = 2,
    Cultural = 4,
    Healthcare = 8,
    Education = 16,
    Tourism = 32,
    Industrial = 64,
}

/// <summary>Соглашение: a document between parties on areas of cooperation, signed on a date by signatories.</summary>
public class Agreement : VersionedEntity
{
    private readonly List<AgreementParty> _parties = [];
    private readonly List<AgreementSignatory> _signatories = [];

    public Agreement(string title, AgreementKind kind, CooperationAreas areas)
    {
        Title = title;
        Kind = kind;
        Areas = areas;
        Status = AgreementStatus.Draft;
    }

    public string Title { get; private set; }

    public AgreementKind Kind { get; private set; }

    public CooperationAreas Areas { get; private set; }

    public AgreementStatus Status { get; private set; }

    public DateOnly? SignedOn { get; private set; }

    public int? MissionId { get; private set; }

    public Mission? Mission { get; private set; }

    public int? ProgrammeItemId { get; private set; }

    public ProgrammeItem? ProgrammeItem { get; private set; }

    public IReadOnlyCollection<AgreementParty> Parties => _parties;

    public IReadOnlyCollection<AgreementSignatory> Signatories => _signatories;

    public Agreement Between(params Organization[] parties)
    {
        foreach (var party in parties)
        {
            _parties.Add(new AgreementParty(party));
        }

        return this;
    }

    public Agreement SignedBy(Participant signatory, Organization onBehalfOf)
    {
        _signatories.Add(new AgreementSignatory(
            signatory.Surname, signatory.GivenName, signatory.Patronymic, signatory.Position, onBehalfOf, signatory));
        return this;
    }

    /// <summary>Links the agreement to the programme item (of a mission) where it is signed; null unlinks it.</summary>
    public void SignAt(int missionId, int? programmeItemId)
    {
        MissionId = missionId;
        ProgrammeItemId = programmeItemId;
    }

    /// <summary>Records the signing at a programme item of a mission.</summary>
    public void Sign(DateOnly date, Mission mission, ProgrammeItem? at)
    {
        SignedOn = date;
        Mission = mission;
        ProgrammeItem = at;
        Status = AgreementStatus.Signed;
    }
}

public class AgreementParty
{
    internal AgreementParty(Organization organization)
    {
        Organization = organization;
    }

    private AgreementParty()
    {
    }

    public int AgreementId { get; private set; }

    public int OrganizationId { get; private set; }

    public Organization? Organization { get; private set; }
}

/// <summary>A person who signs, with the position held at signing; kept as text so the record outlives the mission.</summary>
public class AgreementSignatory
{
    internal AgreementSignatory(string surname, string givenName, string? patronymic, string position, Organization onBehalfOf, Participant? participant)
    {
        Surname = surname;
        GivenName = givenName;
        Patronymic = patronymic;
        Position = position;
        Organization = onBehalfOf;
        Participant = participant;
    }

    private AgreementSignatory()
    {
        Surname = GivenName = Position = string.Empty;
    }

    public int Id { get; private set; }

    public int AgreementId { get; private set; }

    public string Surname { get; private set; }

    public string GivenName { get; private set; }

    public string? Patronymic { get; private set; }

    public string Position { get; private set; }

    public int OrganizationId { get; private set; }

    public Organization? Organization { get; private set; }

    public int? ParticipantId { get; private set; }

    public Participant? Participant { get; private set; }

    public string FullName => PersonName.Full(Surname, GivenName, Patronymic);
}
