using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Web.Infrastructure.Localization;

namespace MissionPortal.Web.Features.B2b;

/// <summary>The agency moves a meeting by hand to another slot and table, where no rule forbids it; it stays there when the scheduler runs again.</summary>
public static class MoveB2bMeeting
{
    /// <summary>The slot and table chosen; <see cref="B2bScheduling.MoveAsync"/> checks them against the session's grid and meetings.</summary>
    public sealed class Input
    {
        public TimeOnly? Start { get; set; }

        public int? Table { get; set; }
    }

    public enum Outcome
    {
        Moved,
        Refused,
        NotFound,
    }

    public sealed record Result(Outcome Outcome, string Message);

    public sealed class Handler(PortalDbContext db, B2bScheduling scheduling, IStringLocalizer<SharedResource> l)
    {
        public async Task<Result> HandleAsync(int sessionId, int meetingId, Input input, CancellationToken ct)
        {
            var session = await db.B2bSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
            var meeting = await db.B2bMeetings.SingleOrDefaultAsync(m => m.Id == meetingId && m.SessionId == sessionId, ct);
            if (session is null || meeting is null)
            {
                return new Result(Outcome.NotFound, string.Empty);
            }

            if (await scheduling.MoveAsync(session, meeting, input.Start, input.Table, ct) is { } problem)
            {
                return new Result(Outcome.Refused, l["Встречу нельзя перенести. {0}", problem]);
            }

            await db.SaveChangesAsync(ct);
            return new Result(Outcome.Moved, l["Встреча перенесена на {0}, стол {1}. Повторное составление расписания её не сдвинет.", Formats.Time(meeting.Start), meeting.Table]);
        }
    }
}
