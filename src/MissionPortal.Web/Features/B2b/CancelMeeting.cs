using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Web.Infrastructure.Localization;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.B2b;

/// <summary>
/// Either company withdraws from an accepted meeting before the session, while requests are open: the request
/// shows as cancelled to both, and its scheduled slot and table are free again.
/// </summary>
public static class CancelMeeting
{
    /// <summary>The version of the request the company saw: nothing else to validate.</summary>
    public sealed record Input(int RequestId, Guid? Version);

    public enum Outcome
    {
        Cancelled,
        Refused,

        /// <summary>The request changed since the page was shown; <see cref="Result.Current"/> is what it is now.</summary>
        Stale,
    }

    public sealed record Result(Outcome Outcome, string Message, MeetingRequest? Current = null);

    public sealed class Handler(PortalDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, PortalNotices notices)
    {
        /// <summary>Why the meeting of <paramref name="request"/> can't be cancelled now, in the user's language; null when it can.</summary>
        public async Task<string?> RefusalAsync(MeetingRequest request, SessionHeaderViewModel header, CancellationToken ct)
        {
            var session = await db.B2bSessions.AsNoTracking().SingleAsync(s => s.Id == request.SessionId, ct);
            return Text(session.WhyNotCancel(request, header.Date, header.Zone.Zone, Now), header);
        }

        /// <summary>Cancels the meeting of <paramref name="request"/> (tracked) for the company's participation <paramref name="mine"/>.</summary>
        public async Task<Result> HandleAsync(MeetingRequest request, int mine, SessionHeaderViewModel header, Input input, CancellationToken ct)
        {
            if (request.IsStale(input.Version))
            {
                return new Result(Outcome.Stale, string.Empty, request);
            }

            var session = await db.B2bSessions.AsNoTracking().SingleAsync(s => s.Id == request.SessionId, ct);
            db.ExpectVersion(request, input.Version);
            var decision = session.CancelMeeting(request, mine, header.Date, header.Zone.Zone, Now);
            if (Text(decision.Refusal, header) is { } refusal)
            {
                return new Result(Outcome.Refused, refusal);
            }

            if (await db.B2bMeetings.SingleOrDefaultAsync(m => m.RequestId == request.Id, ct) is { } meeting)
            {
                db.B2bMeetings.Remove(meeting);
            }

            await notices.B2bRequestCancelledAsync(request, mine, ct);
            if (!await db.TrySaveAsync(ct))
            {
                return new Result(Outcome.Stale, string.Empty, await db.MeetingRequests.AsNoTracking().SingleAsync(r => r.Id == request.Id, ct));
            }

            return new Result(Outcome.Cancelled, l["Встреча отменена; другая компания видит это в своих запросах, время и стол освобождены."]);
        }

        private DateTime Now => clock.GetUtcNow().UtcDateTime;

        private string? Text(B2bRefusal? refusal, SessionHeaderViewModel header) => refusal switch
        {
            null => null,
            B2bRefusal.NotAccepted => l["Отменить можно только принятую встречу."].Value,
            B2bRefusal.SessionStarted => l["Сессия B2B-встреч уже началась ({0} {1}): встречу нельзя отменить.", Formats.ShortDate(header.Date), Formats.Time(header.Start)].Value,
            _ => l["Приём запросов закрыт {0} ({1}): расписание ведёт агентство. Чтобы отменить встречу, обратитесь в агентство.", header.Zone.Text(header.RequestsCloseUtc), header.Zone.Label(l, header.RequestsCloseUtc)].Value,
        };
    }
}
