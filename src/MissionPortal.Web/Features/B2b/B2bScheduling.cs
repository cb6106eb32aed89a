using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.B2b;

namespace MissionPortal.Web.Features.B2b;

/// <summary>An accepted request the schedule does not hold, and why, in the user's language.</summary>
public sealed record UnplacedMeeting(int RequestId, string From, string To, string Reason);

/// <summary>
/// Runs the scheduler over a session's accepted requests and writes the result; checks a move made by hand
/// against the same rules; explains every accepted request the schedule does not hold.
/// </summary>
public sealed class B2bScheduling(PortalDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>
    /// Schedules the session again. Meetings moved by hand stay where they are when <paramref name="keepManual"/>,
    /// and a meeting with an outcome already recorded always stays. Returns how many are placed and how many are not.
    /// </summary>
    public async Task<(int Placed, int Unplaced)> RunAsync(B2bSession session, bool keepManual, CancellationToken ct)
    {
        var data = await LoadAsync(session, ct);
        var meetings = await db.B2bMeetings.Include(m => m.Outcomes).Where(m => m.SessionId == session.Id).ToListAsync(ct);
        var kept = meetings.Where(m => (keepManual && m.Pinned) || m.Outcomes.Count > 0).ToList();
        var result = MeetingScheduler.Schedule(data.Problem(kept));

        var byRequest = meetings.ToDictionary(m => m.RequestId);
        foreach (var placed in result.Placed)
        {
            var slot = data.Slots[placed.Slot];
            if (byRequest.Remove(placed.RequestId, out var existing))
            {
                existing.Place(slot.Start, slot.End, placed.Table, pinned: kept.Contains(existing));
            }
            else
            {
                db.B2bMeetings.Add(new B2bMeeting(session.Id, placed.RequestId, slot.Start, slot.End, placed.Table, pinned: false));
            }
        }

        // What the new schedule leaves out is no longer a meeting (a meeting with an outcome stays: it was pinned above).
        db.B2bMeetings.RemoveRange(byRequest.Values.Where(m => m.Outcomes.Count == 0));
        session.MarkScheduled(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return (result.Placed.Count, result.Unplaced.Count);
    }

    /// <summary>Every accepted request without a meeting, with the scheduler's reason (the current meetings held where they are).</summary>
    public async Task<IReadOnlyList<UnplacedMeeting>> UnplacedAsync(B2bSession session, CancellationToken ct)
    {
        var data = await LoadAsync(session, ct);
        var meetings = await db.B2bMeetings.AsNoTracking().Where(m => m.SessionId == session.Id).ToListAsync(ct);
        var scheduled = meetings.Select(m => m.RequestId).ToHashSet();
        if (data.Requests.All(r => scheduled.Contains(r.Id)))
        {
            return [];
        }

        var result = MeetingScheduler.Schedule(data.Problem(meetings));
        var reasons = result.Unplaced.ToDictionary(u => u.RequestId);
        return [.. data.Requests
            .Where(r => !scheduled.Contains(r.Id))
            .Select(r => new UnplacedMeeting(r.Id, r.FromName, r.ToName, reasons.TryGetValue(r.Id, out var why)
                ? Reason(why, data, session)
                : l["Ещё не в расписании: составьте расписание заново, для встречи есть место."]))];
    }

    /// <summary>Moves a meeting to another slot and table if no rule forbids it; otherwise returns what forbids it.</summary>
    public async Task<string?> MoveAsync(B2bSession session, B2bMeeting meeting, TimeOnly? start, int? table, CancellationToken ct)
    {
        var slots = session.Slots();
        var slot = slots.FirstOrDefault(s => s.Start == start);
        if (slot is null)
        {
            return l["Выберите время из сетки слотов сессии."];
        }

        if (table is not { } number || number < 1 || number > session.Tables)
        {
            return l["Выберите стол от 1 до {0}.", session.Tables];
        }

        var pair = await db.MeetingRequests.AsNoTracking().Where(r => r.Id == meeting.RequestId)
            .Select(r => new { r.FromId, r.ToId }).SingleAsync(ct);
        var others = await db.B2bMeetings.AsNoTracking()
            .Where(m => m.SessionId == session.Id && m.Id != meeting.Id && m.Start < slot.End && slot.Start < m.End)
            .Select(m => new { m.Table, m.Request!.FromId, m.Request.ToId, From = m.Request.From!.Organization!.Name, To = m.Request.To!.Organization!.Name })
            .ToListAsync(ct);
        var busy = others.FirstOrDefault(o => o.FromId == pair.FromId || o.ToId == pair.FromId || o.FromId == pair.ToId || o.ToId == pair.ToId);
        if (busy is not null)
        {
            return l["В {0} у одной из компаний уже есть встреча: {1} — {2}.", Formats(slot), busy.From, busy.To];
        }

        if (others.FirstOrDefault(o => o.Table == number) is { } sitting)
        {
            return l["Стол {0} в {1} уже занят: {2} — {3}.", number, Formats(slot), sitting.From, sitting.To];
        }

        var away = await db.B2bParticipations.AsNoTracking()
            .Where(p => p.Id == pair.FromId || p.Id == pair.ToId)
            .Include(p => p.Organization)
            .ToListAsync(ct);
        if (away.FirstOrDefault(p => p.IsAwayDuring(slot.Start, slot.End)) is { } resting)
        {
            return l["В {0} у компании {1} перерыв.", Formats(slot), resting.Organization!.Name];
        }

        meeting.MoveTo(slot.Start, slot.End, number);
        return null;
    }

    private static string Formats(MeetingSlot slot) => $"{slot.Start:HH\\:mm}–{slot.End:HH\\:mm}";

    private string Reason(UnplacedRequest why, SessionData data, B2bSession session)
    {
        var company = why.CompanyId is { } id && data.Names.TryGetValue(id, out var name) ? name : string.Empty;
        return why.Reason switch
        {
            UnplacedReason.NoSlots => l["В сессии нет ни одного слота: окно короче одной встречи или целиком занято перерывами."],
            UnplacedReason.CompanyUnavailable => l["У компании {0} перерыв на всё время сессии.", company],
            UnplacedReason.NoCommonSlot => l["Свободное время компаний не совпадает: в каждом слоте у одной из них перерыв."],
            UnplacedReason.CompanyFullyBooked => l["У компании {0} все подходящие слоты заняты другими встречами.", company],
            UnplacedReason.NoFreeTable => l["Во всех слотах, где обе компании свободны, заняты все столы ({0}).", session.Tables],
            _ => l["Запрос компании самой себе."],
        };
    }

    private async Task<SessionData> LoadAsync(B2bSession session, CancellationToken ct)
    {
        var requests = await db.MeetingRequests.AsNoTracking()
            .Where(r => r.SessionId == session.Id && r.Status == MeetingRequestStatus.Accepted)
            .OrderBy(r => r.Id)
            .Select(r => new AcceptedRequest(r.Id, r.FromId, r.ToId, r.From!.Organization!.Name, r.To!.Organization!.Name))
            .ToListAsync(ct);
        var participations = await db.B2bParticipations.AsNoTracking()
            .Where(p => p.SessionId == session.Id)
            .Include(p => p.Organization)
            .ToListAsync(ct);
        var slots = session.Slots();
        var away = participations.ToDictionary(
            p => p.Id,
            p => (IReadOnlySet<int>)slots.Where(s => p.IsAwayDuring(s.Start, s.End)).Select(s => s.Index).ToHashSet());
        return new SessionData(session, slots, requests, away, participations.ToDictionary(p => p.Id, p => p.Organization!.Name), session.HomeTables(participations));
    }

    private sealed record AcceptedRequest(int Id, int FromId, int ToId, string FromName, string ToName);

    /// <summary>The scheduler works on participations: a company's id in the problem is its participation's id.</summary>
    private sealed record SessionData(
        B2bSession Session,
        IReadOnlyList<MeetingSlot> Slots,
        IReadOnlyList<AcceptedRequest> Requests,
        IReadOnlyDictionary<int, IReadOnlySet<int>> Away,
        IReadOnlyDictionary<int, string> Names,
        IReadOnlyDictionary<int, int> HomeTables)
    {
        public SchedulingProblem Problem(IEnumerable<B2bMeeting> pinned) => new(
            Slots.Count,
            Session.Tables,
            [.. Requests.Select(r => new ScheduleRequest(r.Id, r.FromId, r.ToId))],
            Away,
            [.. pinned.Select(m => (Meeting: m, Slot: Slots.FirstOrDefault(s => s.Start == m.Start && s.End == m.End)))
                .Where(x => x.Slot is not null)
                .Select(x => new PinnedMeeting(x.Meeting.RequestId, x.Slot!.Index, x.Meeting.Table))])
        {
            HomeTables = HomeTables,
        };
    }
}
