using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.Core.Domain.Missions;

public enum MissionKind
{
    TradeEconomic = 1,
    CulturalBusiness = 2,
    BusinessMission = 3,
    Official = 4,
}

public enum MissionStatus
{
    Draft = 1,
    Submitted = 2,
    Approved = 3,
    Running = 4,
    Completed = 5,
    Cancelled = 6,
}

/// <summary>One visit of a delegation from one region to another, with dates, organisers and a programme.</summary>
public class Mission : VersionedEntity
{
    /// <summary>The longest comment a ministry's return may carry.</summary>
    public const int ReviewCommentLength = 2000;

    private readonly List<MissionOrganizer> _organizers = [];
    private readonly List<Delegation> _delegations = [];
    private readonly List<ProgrammeItem> _programmeItems = [];

    public Mission(MissionKind kind, string title, int originRegionId, int hostRegionId, DateOnly startDate, DateOnly endDate)
    {
        if (endDate < startDate)
        {
            throw new ArgumentException("A mission cannot end before it starts.", nameof(endDate));
        }

        Kind = kind;
        Title = title;
        OriginRegionId = originRegionId;
        HostRegionId = hostRegionId;
        StartDate = startDate;
        EndDate = endDate;
        Status = MissionStatus.Draft;
        CalendarToken = NewCalendarToken();
        SearchText = Normalize(title, null);
    }

    public MissionKind Kind { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    public int OriginRegionId { get; private set; }

    public Region? OriginRegion { get; private set; }

    public int HostRegionId { get; private set; }

    public Region? HostRegion { get; private set; }

    /// <summary>First day, in the host region's local calendar.</summary>
    public DateOnly StartDate { get; private set; }

    /// <summary>Last day, inclusive.</summary>
    public DateOnly EndDate { get; private set; }

    public MissionStatus Status { get; private set; }

    /// <summary>
    /// Title and description in lower case, for search that ignores case in Russian too
    /// (SQLite's LIKE folds only Latin letters).
    /// </summary>
    public string SearchText { get; private set; }

    /// <summary>The secret part of the mission's calendar feed address, which calendar apps subscribe to without signing in.</summary>
    public string CalendarToken { get; private set; }

    public IReadOnlyCollection<MissionOrganizer> Organizers => _organizers;

    public IReadOnlyCollection<Delegation> Delegations => _delegations;

    public IReadOnlyCollection<ProgrammeItem> ProgrammeItems => _programmeItems;

    public IEnumerable<DateOnly> Days
    {
        get
        {
            for (var day = StartDate; day <= EndDate; day = day.AddDays(1))
            {
                yield return day;
            }
        }
    }

    public void UpdateDetails(MissionKind kind, string title, string? description, int originRegionId, int hostRegionId, DateOnly startDate, DateOnly endDate)
    {
        if (endDate < startDate)
        {
            throw new ArgumentException("A mission cannot end before it starts.", nameof(endDate));
        }

        Kind = kind;
        Title = title;
        Description = description;
        OriginRegionId = originRegionId;
        HostRegionId = hostRegionId;
        StartDate = startDate;
        EndDate = endDate;
        SearchText = Normalize(title, description);
    }

    /// <summary>How search text is folded, on the way in and for the query alike.</summary>
    public static string Normalize(string? title, string? description) =>
        $"{title} {description}".Trim().ToLowerInvariant().Replace('ё', 'е');

    /// <summary>Sets the organisers to exactly these organisations and roles.</summary>
    public void ReplaceOrganizers(IEnumerable<(int OrganizationId, OrganizerRole Role)> organizers)
    {
        var wanted = organizers.DistinctBy(o => o.OrganizationId).ToList();
        _organizers.RemoveAll(o => wanted.All(w => w.OrganizationId != o.OrganizationId));
        foreach (var (organizationId, role) in wanted)
        {
            var existing = _organizers.FirstOrDefault(o => o.OrganizationId == organizationId);
            if (existing is null)
            {
                _organizers.Add(new MissionOrganizer(organizationId, role));
            }
            else
            {
                existing.ChangeRole(role);
            }
        }
    }

    public bool IsWithinDates(DateOnly date) => IsWithinDates(date, StartDate, EndDate);

    /// <summary>The same check for a mission read as its dates only (a page header, a projection).</summary>
    public static bool IsWithinDates(DateOnly date, DateOnly startDate, DateOnly endDate) => date >= startDate && date <= endDate;

    /// <summary>
    /// Moves an item of this mission's programme to another day and start time, keeping its length: refused on a day
    /// outside the mission or when the item would run past midnight.
    /// </summary>
    public ProgrammeStep<ProgrammeItem> MoveItem(ProgrammeItem item, DateOnly date, TimeOnly start)
    {
        if (!IsWithinDates(date))
        {
            return ProgrammeStep<ProgrammeItem>.Refused(ProgrammeRefusal.OutsideMissionDates);
        }

        if (start.Add(item.Duration) <= start)
        {
            return ProgrammeStep<ProgrammeItem>.Refused(ProgrammeRefusal.RunsPastMidnight);
        }

        item.MoveTo(date, start);
        return ProgrammeStep<ProgrammeItem>.Done(item);
    }

    /// <summary>
    /// One step of the programme's approval: the agency submits a draft; the ministry approves a submitted programme
    /// (or one changed since its approval, which keeps it approved) or returns it with a comment (a submitted one goes
    /// back to draft, an approved one stays approved). The change is the review to record, with the status moved.
    /// </summary>
    /// <remarks><paramref name="changedSinceApproval"/>: whether the programme was changed since its last approval.</remarks>
    public ProgrammeStep<ProgrammeReview> ReviewProgramme(ReviewDecision decision, string? comment, bool changedSinceApproval, string by, DateTime atUtc)
    {
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        ProgrammeRefusal? refusal = decision switch
        {
            ReviewDecision.Returned when comment is null => ProgrammeRefusal.ReturnWithoutComment,
            ReviewDecision.Returned when comment.Length > ReviewCommentLength => ProgrammeRefusal.CommentTooLong,
            ReviewDecision.Submitted when !CanMoveTo(MissionStatus.Submitted) => ProgrammeRefusal.CannotSubmit,
            ReviewDecision.Approved when Status == MissionStatus.Submitted || (Status == MissionStatus.Approved && changedSinceApproval) => null,
            ReviewDecision.Approved => ProgrammeRefusal.CannotApprove,
            ReviewDecision.Returned when Status is not MissionStatus.Submitted and not MissionStatus.Approved => ProgrammeRefusal.CannotReturn,
            _ => null,
        };
        if (refusal is { } refused)
        {
            return ProgrammeStep<ProgrammeReview>.Refused(refused);
        }

        switch (decision)
        {
            case ReviewDecision.Submitted:
                ChangeStatus(MissionStatus.Submitted);
                break;
            case ReviewDecision.Approved when Status == MissionStatus.Submitted:
                ChangeStatus(MissionStatus.Approved);
                break;
            case ReviewDecision.Returned when Status == MissionStatus.Submitted:
                ChangeStatus(MissionStatus.Draft);
                break;
            default:
                break;
        }

        return ProgrammeStep<ProgrammeReview>.Done(new ProgrammeReview(Id, decision, comment, by, atUtc));
    }

    public Mission Describe(string? description)
    {
        Description = description;
        SearchText = Normalize(Title, description);
        return this;
    }

    public MissionOrganizer AddOrganizer(Organization organization, OrganizerRole role)
    {
        var organizer = new MissionOrganizer(organization, role);
        _organizers.Add(organizer);
        return organizer;
    }

    public Delegation AddDelegation(string name, DelegationSide side)
    {
        var delegation = new Delegation(name, side);
        _delegations.Add(delegation);
        return delegation;
    }

    public ProgrammeItem AddItem(DateOnly date, TimeOnly start, TimeOnly end, ProgrammeItemKind kind, string title, Venue? venue)
    {
        var item = new ProgrammeItem(date, start, end, kind, title, venue);
        _programmeItems.Add(item);
        return item;
    }

    /// <summary>Moves the mission through its life: Draft → Submitted → Approved → Running → Completed, or Cancelled.</summary>
    public void ChangeStatus(MissionStatus next)
    {
        if (!CanMoveTo(next))
        {
            throw new InvalidOperationException($"A mission cannot move from {Status} to {next}.");
        }

        Status = next;
    }

    private static string NewCalendarToken() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public bool CanMoveTo(MissionStatus next) => (Status, next) switch
    {
        (MissionStatus.Draft, MissionStatus.Submitted) => true,
        (MissionStatus.Submitted, MissionStatus.Approved) => true,
        (MissionStatus.Submitted, MissionStatus.Draft) => true,
        (MissionStatus.Approved, MissionStatus.Running) => true,
        (MissionStatus.Running, MissionStatus.Completed) => true,
        (MissionStatus.Completed, _) => false,
        (MissionStatus.Cancelled, _) => false,
        (_, MissionStatus.Cancelled) => true,
        _ => false,
    };
}

public enum OrganizerRole
{
    Organizer = 1,
    Supporter = 2,
}

public class MissionOrganizer
{
    internal MissionOrganizer(Organization organization, OrganizerRole role)
    {
        Organization = organization;
        Role = role;
    }

    internal MissionOrganizer(int organizationId, OrganizerRole role)
    {
        OrganizationId = organizationId;
        Role = role;
    }

    private MissionOrganizer()
    {
    }

    public int Id { get; private set; }

    public int MissionId { get; private set; }

    public int OrganizationId { get; private set; }

    public Organization? Organization { get; private set; }

    public OrganizerRole Role { get; private set; }

    internal void ChangeRole(OrganizerRole role) => Role = role;
}
