using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Identity;
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

/// <summary>Why an agreement cannot take a step along its way now.</summary>
public enum AgreementStepRefusal
{
    /// <summary>No step was named, or one the workflow does not know.</summary>
    NoStep = 1,

    /// <summary>The step does not follow from the agreement's current status.</summary>
    NotFromHere = 2,

    /// <summary>Signing without the date it was signed on.</summary>
    NoSigningDate = 3,

    /// <summary>Signing with fewer than two parties or without a signatory.</summary>
    TooFewToSign = 4,
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

    /// <summary>The parties in the order the agreement names them (its title: «между А и Б»).</summary>
    public Agreement Between(params Organization[] parties)
    {
        foreach (var party in parties)
        {
            _parties.Add(new AgreementParty(party, _parties.Count + 1));
        }

        return this;
    }

    public Agreement SignedBy(Participant signatory, Organization onBehalfOf)
    {
        _signatories.Add(new AgreementSignatory(
            signatory.Surname, signatory.GivenName, signatory.Patronymic, signatory.Position, onBehalfOf, signatory));
        return this;
    }

    public void UpdateDetails(string title, AgreementKind kind, CooperationAreas areas)
    {
        Title = title;
        Kind = kind;
        Areas = areas;
    }

    /// <summary>
    /// Sets the parties to exactly these organisations. Parties kept keep their order (a form's list of choices comes
    /// in alphabetical order, not the agreement's); new ones follow in the order given.
    /// </summary>
    public void ReplaceParties(IEnumerable<int> organizationIds)
    {
        var wanted = organizationIds.Distinct().ToList();
        _parties.RemoveAll(p => !wanted.Contains(p.OrganizationId));
        var order = 0;
        foreach (var kept in _parties.OrderBy(p => p.Order).ToList())
        {
            kept.PlaceAt(++order);
        }

        foreach (var id in wanted.Where(id => _parties.All(p => p.OrganizationId != id)))
        {
            _parties.Add(new AgreementParty(id, ++order));
        }
    }

    /// <summary>Sets the signatories to exactly these people, in this order.</summary>
    public void ReplaceSignatories(IEnumerable<SignatoryDetails> signatories)
    {
        _signatories.Clear();
        foreach (var s in signatories)
        {
            _signatories.Add(new AgreementSignatory(s.Surname, s.GivenName, s.Patronymic, s.Position, s.OrganizationId));
        }
    }

    /// <summary>Where it was signed: a mission, and optionally the programme item; no mission unlinks both.</summary>
    public void LinkTo(int? missionId, int? programmeItemId)
    {
        MissionId = missionId;
        ProgrammeItemId = missionId is null ? null : programmeItemId;
    }

    /// <summary>
    /// The life of an agreement: Draft ⇄ Negotiation → Signed → InForce → Fulfilled. Signing needs a date,
    /// at least two parties and a signatory; the date stays with the agreement afterwards.
    /// </summary>
    public bool CanMoveTo(AgreementStatus next) => (Status, next) switch
    {
        (AgreementStatus.Draft, AgreementStatus.Negotiation) => true,
        (AgreementStatus.Negotiation, AgreementStatus.Draft) => true,
        (AgreementStatus.Negotiation, AgreementStatus.Signed) => true,
        (AgreementStatus.Signed, AgreementStatus.InForce) => true,
        (AgreementStatus.InForce, AgreementStatus.Fulfilled) => true,
        _ => false,
    };

    public static IReadOnlyList<AgreementStatus> NextSteps(AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => [AgreementStatus.Negotiation],
        AgreementStatus.Negotiation => [AgreementStatus.Signed, AgreementStatus.Draft],
        AgreementStatus.Signed => [AgreementStatus.InForce],
        AgreementStatus.InForce => [AgreementStatus.Fulfilled],
        _ => [],
    };

    /// <summary>Why the agreement cannot take the step <paramref name="next"/> now (in this order), or null when it can.</summary>
    public AgreementStepRefusal? RefusalToMoveTo(AgreementStatus? next, DateOnly? signedOn)
    {
        if (next is not { } step || !Enum.IsDefined(step))
        {
            return AgreementStepRefusal.NoStep;
        }

        if (!CanMoveTo(step))
        {
            return AgreementStepRefusal.NotFromHere;
        }

        if (step == AgreementStatus.Signed && signedOn is null)
        {
            return AgreementStepRefusal.NoSigningDate;
        }

        return step == AgreementStatus.Signed && (_parties.Count < 2 || _signatories.Count == 0) ? AgreementStepRefusal.TooFewToSign : null;
    }

    public void MoveTo(AgreementStatus next, DateOnly? signedOn)
    {
        if (!CanMoveTo(next))
        {
            throw new InvalidOperationException($"An agreement cannot move from {Status} to {next}.");
        }

        if (next == AgreementStatus.Signed)
        {
            if (RefusalToMoveTo(next, signedOn) is not null)
            {
                throw new InvalidOperationException("Signing needs a date, two parties and a signatory.");
            }

            SignedOn = signedOn;
        }

        Status = next;
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

/// <summary>What the agreement form gives about one signatory.</summary>
public sealed record SignatoryDetails(string Surname, string GivenName, string? Patronymic, string Position, int OrganizationId);

public class AgreementParty
{
    internal AgreementParty(Organization organization, int order)
    {
        Organization = organization;
        Order = order;
    }

    internal AgreementParty(int organizationId, int order)
    {
        OrganizationId = organizationId;
        Order = order;
    }

    private AgreementParty()
    {
    }

    public int AgreementId { get; private set; }

    public int OrganizationId { get; private set; }

    public Organization? Organization { get; private set; }

    /// <summary>1, 2, ...: where the agreement names this party; parties are listed in this order.</summary>
    public int Order { get; private set; }

    internal void PlaceAt(int order) => Order = order;
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

    internal AgreementSignatory(string surname, string givenName, string? patronymic, string position, int organizationId)
    {
        Surname = surname;
        GivenName = givenName;
        Patronymic = patronymic;
        Position = position;
        OrganizationId = organizationId;
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

    /// <summary>The signatory's name and position removed at the person's request; the signature is still counted.</summary>
    public void Anonymise()
    {
        Surname = Anonymised.Surname;
        GivenName = Anonymised.Blank;
        Patronymic = null;
        Position = Anonymised.Blank;
    }
}
