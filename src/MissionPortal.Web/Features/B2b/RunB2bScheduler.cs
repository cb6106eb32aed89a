using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.B2b;

/// <summary>
/// The agency schedules a session's accepted requests again, keeping meetings moved by hand if it asks. The companies
/// whose own schedule is new or changed by this run are told, each once per version of its schedule.
/// </summary>
public static class RunB2bScheduler
{
    /// <summary>One box: nothing to validate.</summary>
    public sealed class Input
    {
        public bool KeepManual { get; set; }
    }

    /// <summary>Whether the session exists, and the message with how many meetings were placed and how many not.</summary>
    public sealed record Result(bool Found, string Message);

    public sealed class Handler(PortalDbContext db, B2bScheduling scheduling, IStringLocalizer<SharedResource> l, PortalNotices notices)
    {
        public async Task<Result> HandleAsync(int sessionId, Input input, CancellationToken ct)
        {
            var session = await db.B2bSessions.SingleOrDefaultAsync(s => s.Id == sessionId, ct);
            if (session is null)
            {
                return new Result(false, string.Empty);
            }

            // The schedule and the notices of the companies it changed for are written together.
            var (placed, unplaced) = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var counts = await scheduling.RunAsync(session, input.KeepManual, ct);
                await notices.B2bSchedulePublishedAsync(session, ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return counts;
            });
            return new Result(true, unplaced == 0
                ? l["Расписание составлено: встреч — {0}.", placed]
                : l["Расписание составлено: встреч — {0}, не размещено запросов — {1} (причины ниже).", placed, unplaced]);
        }
    }
}
