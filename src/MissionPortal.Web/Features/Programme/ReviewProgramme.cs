using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Programme;

/// <summary>
/// The programme's approval: the agency submits, the ministry approves or returns it with a comment. The rules are the
/// mission's (<see cref="Core.Domain.Missions.Mission.ReviewProgramme"/>); each step is recorded.
/// </summary>
public static class ReviewProgramme
{
    public sealed class Input
    {
        public string? Comment { get; set; }
    }

    public enum Outcome
    {
        Done,
        NotFound,
        Refused,
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, PortalNotices notices)
    {
        /// <summary>The outcome and the sentence that says it.</summary>
        public async Task<(Outcome Outcome, string Message)> HandleAsync(int missionId, ReviewDecision decision, Input input, string by, CancellationToken ct)
        {
            var mission = await db.Missions.SingleOrDefaultAsync(m => m.Id == missionId, ct);
            if (mission is null)
            {
                return (Outcome.NotFound, string.Empty);
            }

            var lastApproval = await db.ProgrammeReviews.Where(r => r.MissionId == missionId && r.Decision == ReviewDecision.Approved)
                .OrderByDescending(r => r.AtUtc).Select(r => (DateTime?)r.AtUtc).FirstOrDefaultAsync(ct);
            var changedSinceApproval = lastApproval is { } at && await db.ProgrammeChanges.AnyAsync(c => c.MissionId == missionId && c.AtUtc > at, ct);

            var step = mission.ReviewProgramme(decision, input.Comment, changedSinceApproval, by, clock.GetUtcNow().UtcDateTime);
            if (step.Refusal is { } refusal)
            {
                return (Outcome.Refused, ProgrammeMessages.Of(l, refusal, mission));
            }

            db.ProgrammeReviews.Add(step.Change!);
            await notices.ProgrammeReviewedAsync(mission, decision, step.Change!.Comment, ct);
            await db.SaveChangesAsync(ct);
            return (Outcome.Done, decision switch
            {
                ReviewDecision.Submitted => l["Программа отправлена на согласование в министерство."],
                ReviewDecision.Approved => l["Программа согласована."],
                _ => l["Программа возвращена агентству с комментарием."],
            });
        }
    }
}
