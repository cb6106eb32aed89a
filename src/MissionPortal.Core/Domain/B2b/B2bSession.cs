using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.Core.Domain.B2b;

/// <summary>A stretch of time in the host region's local time: a break of the session or one a company takes.</summary>
public sealed class TimePeriod
{
    public TimePeriod(TimeOnly start, TimeOnly end)
    {
        if (end <= start)
        {
            throw new ArgumentException("A period must end after it starts.", nameof(end));
        }

        Start = start;
        End = end;
    }

    private TimePeriod()
    {
    }

    public TimeOnly Start { get; private set; }

    public TimeOnly End { get; private set; }

    public bool Overlaps(TimeOnly start, TimeOnly end) => Start < end && start < End;
}

/// <summary>One meeting slot of a session: its number in the day's grid and its time.</summary>
public sealed record MeetingSlot(int Index, TimeOnly Start, TimeOnly End);

/// <summary>
/// A B2B session on a programme item: meetings of a fixed length (15–30 minutes) with an optional pause between them,
/// at a number of tables, inside a time window with breaks; companies send meeting requests while requests are open.
/// Times are the host region's local time on the item's day; the request window is stored in UTC.
/// </summary>
public class B2bSession : VersionedEntity
{
    public const int ShortestMeeting = 15;
    public const int LongestMeeting = 30;
    public const int LongestPause = 15;
    public const int MostTables = 200;

    private readonly List<TimePeriod> _breaks = [];

    public B2bSession(int programmeItemId, int missionId, SessionSettings settings)
    {
        ProgrammeItemId = programmeItemId;
        MissionId = missionId;
        Change(settings);
    }

    private B2bSession()
    {
    }

    public int ProgrammeItemId { get; private set; }

    public ProgrammeItem? ProgrammeItem { get; private set; }

    public int MissionId { get; private set; }

    public TimeOnly Start { get; private set; }

    public TimeOnly End { get; private set; }

    public int MeetingMinutes { get; private set; }

    /// <summary>Minutes between one meeting and the next, for changing tables.</summary>
    public int PauseMinutes { get; private set; }

    public int Tables { get; private set; }

    public DateTime RequestsOpenUtc { get; private set; }

    public DateTime RequestsCloseUtc { get; private set; }

    /// <summary>When the scheduler last ran; null before the first run.</summary>
    public DateTime? ScheduledAtUtc { get; private set; }

    public IReadOnlyList<TimePeriod> Breaks => _breaks;

    /// <summary>Whether a request sent at <paramref name="utcNow"/> falls inside the window (open included, close excluded).</summary>
    public bool AcceptsRequests(DateTime utcNow) => utcNow >= RequestsOpenUtc && utcNow < RequestsCloseUtc;

    public void Change(SessionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = settings.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(settings));
        }

        Start = settings.Start;
        End = settings.End;
        MeetingMinutes = settings.MeetingMinutes;
        PauseMinutes = settings.PauseMinutes;
        Tables = settings.Tables;
        RequestsOpenUtc = settings.RequestsOpenUtc;
        RequestsCloseUtc = settings.RequestsCloseUtc;
        _breaks.Clear();
        _breaks.AddRange(settings.Breaks.OrderBy(b => b.Start).Select(b => new TimePeriod(b.Start, b.End)));
    }

    public void MarkScheduled(DateTime atUtc) => ScheduledAtUtc = atUtc;

    /// <summary>When the session's first meeting starts, in UTC, on <paramref name="day"/> (its programme item's day) in <paramref name="zone"/> (its mission's host region's).</summary>
    public DateTime StartsAtUtc(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(Start), DateTimeKind.Unspecified), zone);

    /// <summary>
    /// A company asks a company of the other side for a meeting: only while requests are open, never its own company,
    /// never its own side, and once per pair whichever of the two asked first (<paramref name="between"/>, the
    /// request already between them if any). The new request, or why not.
    /// </summary>
    public B2bDecision<MeetingRequest> RequestMeeting(B2bParty from, B2bParty to, MeetingRequest? between, string? message, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (!AcceptsRequests(nowUtc))
        {
            return B2bDecision<MeetingRequest>.Refuse(nowUtc < RequestsOpenUtc ? B2bRefusal.RequestsNotOpenYet : B2bRefusal.RequestsClosed);
        }

        if (to.ParticipationId == from.ParticipationId || to.OrganizationId == from.OrganizationId)
        {
            return B2bDecision<MeetingRequest>.Refuse(B2bRefusal.OwnCompany);
        }

        if (to.Side == from.Side)
        {
            return B2bDecision<MeetingRequest>.Refuse(B2bRefusal.SameSide);
        }

        if (between is not null && between.IsBetween(from.ParticipationId, to.ParticipationId))
        {
            return B2bDecision<MeetingRequest>.Refuse(between.FromId == from.ParticipationId ? B2bRefusal.AlreadySent : B2bRefusal.AlreadyAsked);
        }

        return B2bDecision<MeetingRequest>.Done(new MeetingRequest(Id, from.ParticipationId, to.ParticipationId, message, nowUtc));
    }

    /// <summary>
    /// Why an accepted meeting of this session can't be cancelled at <paramref name="nowUtc"/>, or null when it can:
    /// only an accepted one, only before the session starts (on <paramref name="day"/> in the host region's
    /// <paramref name="zone"/>), and only while requests are
    /// open; after they close the agency keeps the schedule.
    /// </summary>
    public B2bRefusal? WhyNotCancel(MeetingRequest request, DateOnly day, TimeZoneInfo zone, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Status != MeetingRequestStatus.Accepted)
        {
            return B2bRefusal.NotAccepted;
        }

        if (nowUtc >= StartsAtUtc(day, zone))
        {
            return B2bRefusal.SessionStarted;
        }

        return AcceptsRequests(nowUtc) ? null : B2bRefusal.ScheduleKeptByAgency;
    }

    /// <summary>One of the two companies withdraws from an accepted meeting (see <see cref="WhyNotCancel"/>); the caller frees its slot.</summary>
    public B2bDecision<MeetingRequest> CancelMeeting(MeetingRequest request, int byParticipationId, DateOnly day, TimeZoneInfo zone, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.SessionId != Id)
        {
            throw new InvalidOperationException("The request belongs to another session.");
        }

        if (WhyNotCancel(request, day, zone, nowUtc) is { } refusal)
        {
            return B2bDecision<MeetingRequest>.Refuse(refusal);
        }

        request.Cancel(byParticipationId);
        return B2bDecision<MeetingRequest>.Done(request);
    }

    /// <summary>
    /// The table each host company keeps through the session, as at a trade fair: hosts in the order they joined get
    /// tables 1, 2, …; with more hosts than tables the later ones have none. Keys are participation ids.
    /// </summary>
    public IReadOnlyDictionary<int, int> HomeTables(IEnumerable<B2bParticipation> participations) =>
        participations.Where(p => p.Side == B2bSide.Host).OrderBy(p => p.Id).Take(Tables)
            .Select((p, i) => (p.Id, Table: i + 1))
            .ToDictionary(x => x.Id, x => x.Table);

    /// <summary>The day's grid of meeting slots: one after another with the pause between, a slot that would touch a break starting after it.</summary>
    public IReadOnlyList<MeetingSlot> Slots() => SessionSettings.SlotsOf(Start, End, MeetingMinutes, PauseMinutes, _breaks);
}

/// <summary>What the agency sets for a session; <see cref="Problems"/> lists what is wrong, in English for the log (the form checks it in Russian).</summary>
public sealed record SessionSettings(
    TimeOnly Start,
    TimeOnly End,
    int MeetingMinutes,
    int PauseMinutes,
    int Tables,
    DateTime RequestsOpenUtc,
    DateTime RequestsCloseUtc,
    IReadOnlyList<TimePeriod> Breaks)
{
    public IEnumerable<string> Problems()
    {
        if (End <= Start)
        {
            yield return "The session must end after it starts.";
        }

        if (MeetingMinutes is < B2bSession.ShortestMeeting or > B2bSession.LongestMeeting)
        {
            yield return "A meeting lasts 15 to 30 minutes.";
        }

        if (PauseMinutes is < 0 or > B2bSession.LongestPause)
        {
            yield return "The pause between meetings is 0 to 15 minutes.";
        }

        if (Tables is < 1 or > B2bSession.MostTables)
        {
            yield return "A session has 1 to 200 tables.";
        }

        if (RequestsCloseUtc <= RequestsOpenUtc)
        {
            yield return "Requests must close after they open.";
        }

        if (Breaks.Any(b => b.Start < Start || b.End > End))
        {
            yield return "Breaks lie inside the session.";
        }
    }

    public static IReadOnlyList<MeetingSlot> SlotsOf(TimeOnly start, TimeOnly end, int meetingMinutes, int pauseMinutes, IEnumerable<TimePeriod> breaks)
    {
        var slots = new List<MeetingSlot>();
        if (meetingMinutes <= 0 || end <= start)
        {
            return slots;
        }

        var ordered = breaks.OrderBy(b => b.Start).ToList();
        var length = TimeSpan.FromMinutes(meetingMinutes);
        var t = start.ToTimeSpan();
        while (t + length <= end.ToTimeSpan())
        {
            var slotStart = TimeOnly.FromTimeSpan(t);
            var slotEnd = TimeOnly.FromTimeSpan(t + length);
            var blocking = ordered.FirstOrDefault(b => b.Overlaps(slotStart, slotEnd));
            if (blocking is not null)
            {
                t = blocking.End.ToTimeSpan();
                continue;
            }

            slots.Add(new MeetingSlot(slots.Count, slotStart, slotEnd));
            t += length + TimeSpan.FromMinutes(pauseMinutes);
        }

        return slots;
    }
}
