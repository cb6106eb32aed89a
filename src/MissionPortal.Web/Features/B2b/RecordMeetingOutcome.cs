using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Web.Infrastructure.Localization;

namespace MissionPortal.Web.Features.B2b;

/// <summary>Each side says afterwards how a meeting went: whether it took place, made a contact, agreed a follow-up or a contract.</summary>
public static class RecordMeetingOutcome
{
    /// <summary>Four boxes: any combination is valid (one that did not take place made nothing, see <see cref="OutcomeMarks.Consistent"/>).</summary>
    public sealed class Input
    {
        public bool TookPlace { get; set; }

        public bool ContactMade { get; set; }

        public bool FollowUpAgreed { get; set; }

        public bool ContractIntended { get; set; }

        public OutcomeMarks Marks => new(TookPlace, ContactMade, FollowUpAgreed, ContractIntended);
    }

    public enum Outcome
    {
        Recorded,
        Refused,

        /// <summary>No such meeting, or the company has no part in it.</summary>
        NotFound,
    }

    public sealed record Result(Outcome Outcome, int SessionId, string Message);

    public sealed class Handler(PortalDbContext db, B2bQueries queries, TimeProvider clock, IStringLocalizer<SharedResource> l)
    {
        public async Task<Result> HandleAsync(int organizationId, int meetingId, Input input, CancellationToken ct)
        {
            var meeting = await db.B2bMeetings.Include(m => m.Outcomes).Include(m => m.Request)
                .SingleOrDefaultAsync(m => m.Id == meetingId, ct);
            var mine = meeting is null ? null : await db.B2bParticipations.AsNoTracking()
                .Where(p => (p.Id == meeting.Request!.FromId || p.Id == meeting.Request.ToId) && p.OrganizationId == organizationId)
                .Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
            if (meeting is null || mine is null)
            {
                return new Result(Outcome.NotFound, 0, string.Empty);
            }

            var header = (await queries.HeaderAsync(meeting.SessionId, ct))!;
            var now = clock.GetUtcNow().UtcDateTime;
            if (now < header.Zone.ToUtc(header.Date, meeting.Start))
            {
                return new Result(Outcome.Refused, meeting.SessionId,
                    l["Итог встречи отмечается после её начала: {0} {1}.", Formats.ShortDate(header.Date), Formats.Time(meeting.Start)]);
            }

            meeting.Record(mine.Value, input.Marks, now);
            await db.SaveChangesAsync(ct);
            return new Result(Outcome.Recorded, meeting.SessionId, l["Итог встречи сохранён."]);
        }
    }
}
