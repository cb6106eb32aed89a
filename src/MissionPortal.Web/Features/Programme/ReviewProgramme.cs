using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Programme;

/// <summary>
/// The programme's approval: the agency submits, the ministry approves or returns it with a comment. The rules are the
/// mission's (<see cref="Core.Domain.Missions.Mission.ReviewProgramme"/>); each step is recorded. A programme with
/// conflicts nobody accepted is submitted only once the agency confirms it, having been told which they are.
/// </summary>
public static class ReviewProgramme
{
    public sealed class Input
    {
        public string? Comment { get; set; }

        /// <summary>The agency has seen the open conflicts and submits the programme with them.</summary>
        public bool Confirmed { get; set; }
    }

    public enum Outcome
    {
        Done,
        NotFound,
        Refused,

        /// <summary>Nothing was submitted: the programme has open conflicts, and the agency must confirm first.</summary>
        NeedsConfirmation,
    }

    /// <summary>The outcome, the sentence that says it, and the open conflicts when a confirmation is needed.</summary>
    public sealed record Result(Outcome Outcome, string Message, IReadOnlyList<ConflictViewModel> OpenConflicts);

    public sealed class Handler(PortalDbContext db, ProgrammePages pages, TimeProvider clock, IStringLocalizer<SharedResource> l, PortalNotices notices)
    {
        public async Task<Result> HandleAsync(int missionId, ReviewDecision decision, Input input, string by, CancellationToken ct)
        {
            var mission = await db.Missions.SingleOrDefaultAsync(m => m.Id == missionId, ct);
            if (mission is null)
            {
                return new Result(Outcome.NotFound, string.Empty, []);
            }

            if (decision == ReviewDecision.Submitted && !input.Confirmed && mission.CanMoveTo(Core.Domain.Missions.MissionStatus.Submitted)
                && await pages.OpenConflictsAsync(missionId, mission.StartDate, mission.EndDate, ct) is { Count: > 0 } open)
            {
                return new Result(Outcome.NeedsConfirmation, l["В программе есть конфликты, не признанные допустимыми: {0}. Отправить её на согласование с ними?", open.Count], open);
            }

            var lastApproval = await db.ProgrammeReviews.Where(r => r.MissionId == missionId && r.Decision == ReviewDecision.Approved)
                .OrderByDescending(r => r.AtUtc).Select(r => (DateTime?)r.AtUtc).FirstOrDefaultAsync(ct);
            var changedSinceApproval = lastApproval is { } at && await db.ProgrammeChanges.AnyAsync(c => c.MissionId == missionId && c.AtUtc > at, ct);

            var step = mission.ReviewProgramme(decision, input.Comment, changedSinceApproval, by, clock.GetUtcNow().UtcDateTime);
            if (step.Refusal is { } refusal)
            {
                return new Result(Outcome.Refused, ProgrammeMessages.Of(l, refusal, mission), []);
            }

            db.ProgrammeReviews.Add(step.Change!);
            await notices.ProgrammeReviewedAsync(mission, decision, step.Change!.Comment, ct);
            await db.SaveChangesAsync(ct);
            return new Result(Outcome.Done, decision switch
            {
                ReviewDecision.Submitted => l["Программа отправлена на согласование в министерство."],
                ReviewDecision.Approved => l["Программа согласована."],
                _ => l["Программа возвращена агентству с комментарием."],
            }, []);
        }
    }
}
