using MissionPortal.Core.Domain.B2b;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.B2b;

/// <summary>The facts of a session every B2B page shows in its head.</summary>
public sealed class SessionHeaderViewModel
{
    public int Id { get; init; }

    public int MissionId { get; init; }

    public string Mission { get; init; } = string.Empty;

    public int ProgrammeItemId { get; init; }

    public string Title { get; init; } = string.Empty;

    public DateOnly Date { get; init; }

    public string? Venue { get; init; }

    public TimeOnly Start { get; init; }

    public TimeOnly End { get; init; }

    public int MeetingMinutes { get; init; }

    public int PauseMinutes { get; init; }

    public int Tables { get; init; }

    public DateTime RequestsOpenUtc { get; init; }

    public DateTime RequestsCloseUtc { get; init; }

    public DateTime? ScheduledAtUtc { get; init; }

    /// <summary>The mission's host region's zone: the request window and every time of the session are shown in it.</summary>
    public MissionZone Zone { get; init; } = MissionZone.Default;

    public IReadOnlyList<TimePeriod> Breaks { get; init; } = [];

    public IReadOnlyList<MeetingSlot> Slots { get; init; } = [];

    public bool AcceptsRequests(DateTime utcNow) => utcNow >= RequestsOpenUtc && utcNow < RequestsCloseUtc;
}

/// <summary>One meeting as the agency's grid, the table plan and a company's schedule show it.</summary>
public sealed class MeetingRowViewModel
{
    public int Id { get; init; }

    public int RequestId { get; init; }

    public TimeOnly Start { get; init; }

    public TimeOnly End { get; init; }

    public int Table { get; init; }

    public bool Pinned { get; init; }

    /// <summary>How many times the meeting's time or table changed: its calendar event's SEQUENCE.</summary>
    public int Sequence { get; init; }

    public MeetingSideViewModel Host { get; init; } = new();

    public MeetingSideViewModel Guest { get; init; } = new();

    public bool Held { get; init; }

    public int Outcomes { get; init; }
}

public sealed class MeetingSideViewModel
{
    public int ParticipationId { get; init; }

    public int OrganizationId { get; init; }

    public string Company { get; init; } = string.Empty;

    public string? City { get; init; }

    public string Contact { get; init; } = string.Empty;

    public string? Phone { get; init; }
}

public sealed class SessionDetailsViewModel
{
    public SessionHeaderViewModel Session { get; init; } = new();

    public IReadOnlyList<ParticipantRowViewModel> Participants { get; init; } = [];

    public int Pending { get; init; }

    public int Accepted { get; init; }

    public int Declined { get; init; }

    public IReadOnlyList<MeetingRowViewModel> Meetings { get; init; } = [];

    public IReadOnlyList<UnplacedMeeting> Unplaced { get; init; } = [];

    public bool CanManage { get; init; }
}

public sealed class ParticipantRowViewModel
{
    public int Id { get; init; }

    public string Company { get; init; } = string.Empty;

    public B2bSide Side { get; init; }

    public string Contact { get; init; } = string.Empty;

    public IReadOnlyList<TimePeriod> Breaks { get; init; } = [];
}

public sealed class SessionFormViewModel
{
    public int? Id { get; init; }

    public int ProgrammeItemId { get; init; }

    public int MissionId { get; init; }

    public string Mission { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public DateOnly Date { get; init; }

    public TimeOnly ItemStart { get; init; }

    public TimeOnly ItemEnd { get; init; }

    /// <summary>The zone the request window is typed in: the mission's host region's.</summary>
    public MissionZone Zone { get; init; } = MissionZone.Default;

    public SaveB2bSession.Input Input { get; init; } = new();
}

public sealed class TablePlanViewModel
{
    public SessionHeaderViewModel Session { get; init; } = new();

    public IReadOnlyList<MeetingRowViewModel> Meetings { get; init; } = [];
}

/// <summary>A mission's B2B items on its page: a session to open, or one to set up.</summary>
public sealed class MissionSessionsViewModel
{
    public IReadOnlyList<MissionSessionRow> Rows { get; init; } = [];

    public bool CanManage { get; init; }

    public bool IsCompany { get; init; }
}

public sealed record MissionSessionRow(int ItemId, string Title, DateOnly Date, TimeOnly Start, TimeOnly End, int? SessionId, int Participants, int Meetings);

// ---------------------------------------------------------------- the company's pages

public sealed class CompanySessionsViewModel
{
    public IReadOnlyList<CompanySessionRow> Sessions { get; init; } = [];
}

public sealed record CompanySessionRow(int Id, string Mission, string Title, DateOnly Date, TimeOnly Start, TimeOnly End, B2bSide Side, bool Joined, DateTime RequestsOpenUtc, DateTime RequestsCloseUtc, int Meetings, MissionZone Zone);

public sealed class CompanySessionViewModel
{
    public SessionHeaderViewModel Session { get; init; } = new();

    public B2bSide Side { get; init; }

    public bool Joined { get; init; }

    public bool RequestsOpen { get; init; }

    public IReadOnlyList<RequestRowViewModel> Incoming { get; init; } = [];

    public IReadOnlyList<RequestRowViewModel> Outgoing { get; init; } = [];

    public int Meetings { get; init; }
}

public sealed class RequestRowViewModel
{
    public int Id { get; init; }

    public string Company { get; init; } = string.Empty;

    public string? Message { get; init; }

    public MeetingRequestStatus Status { get; init; }

    public DateTime SentAtUtc { get; init; }

    public bool Incoming { get; init; }

    public TimeOnly? MeetingStart { get; init; }

    public int? MeetingTable { get; init; }

    public Guid Version { get; init; }
}

public sealed class JoinViewModel
{
    public SessionHeaderViewModel Session { get; init; } = new();

    public B2bSide Side { get; init; }

    public bool Joined { get; init; }

    public JoinSession.Input Input { get; init; } = new();

    /// <summary>The catalogue's categories, to tick; the company's own products' categories first.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];
}

public sealed class CompaniesViewModel
{
    public SessionHeaderViewModel Session { get; init; } = new();

    public B2bSide Side { get; init; }

    public bool RequestsOpen { get; init; }

    public IReadOnlyList<CompanyCardViewModel> Companies { get; init; } = [];
}

public sealed class CompanyCardViewModel
{
    public int ParticipationId { get; init; }

    public string Company { get; init; } = string.Empty;

    public string? City { get; init; }

    public string? Industry { get; init; }

    public string? Description { get; init; }

    public string? Offers { get; init; }

    public string? Needs { get; init; }

    public IReadOnlyList<string> OfferCategories { get; init; } = [];

    public IReadOnlyList<string> NeedCategories { get; init; } = [];

    public IReadOnlyList<string> Products { get; init; } = [];

    /// <summary>Categories matched both ways with the viewing company; suggestions have one or more.</summary>
    public int Match { get; init; }

    /// <summary>The request between the two companies, if there is one (either way).</summary>
    public RequestRowViewModel? Request { get; init; }
}

public sealed class RequestDetailsViewModel
{
    public SessionHeaderViewModel Session { get; init; } = new();

    public RequestRowViewModel Request { get; init; } = new();

    public CompanyCardViewModel Other { get; init; } = new();
}

public sealed class ScheduleViewModel
{
    public SessionHeaderViewModel Session { get; init; } = new();

    public string Company { get; init; } = string.Empty;

    public int ParticipationId { get; init; }

    public IReadOnlyList<ScheduleRowViewModel> Meetings { get; init; } = [];

    public IReadOnlyList<TimePeriod> Breaks { get; init; } = [];
}

public sealed class ScheduleRowViewModel
{
    public int MeetingId { get; init; }

    public int Sequence { get; init; }

    public TimeOnly Start { get; init; }

    public TimeOnly End { get; init; }

    public int Table { get; init; }

    public MeetingSideViewModel Other { get; init; } = new();

    public OutcomeMarks? Mine { get; init; }

    public OutcomeMarks? Theirs { get; init; }
}

/// <summary>The page that asks a company to confirm it withdraws from an accepted meeting.</summary>
public sealed class CancelMeetingViewModel
{
    public SessionHeaderViewModel Session { get; init; } = new();

    public RequestRowViewModel Request { get; init; } = new();

    /// <summary>Why the meeting can't be cancelled now; null when it can.</summary>
    public string? Refusal { get; init; }
}
