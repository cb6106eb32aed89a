using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.B2b;

/// <summary>The company asked accepts or declines a meeting request; the agency places accepted ones in the schedule.</summary>
public static class AnswerMeetingRequest
{
    /// <summary>The answer: nothing but yes or no, so there is nothing to validate beyond who may give it.</summary>
    public sealed record Input(int RequestId, bool Accept);

    public sealed record Result(bool Answered, string Message);

    public sealed class Handler(PortalDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, PortalNotices notices)
    {
        /// <summary>Answers <paramref name="request"/> (tracked) for the company's participation <paramref name="mine"/>.</summary>
        public async Task<Result> HandleAsync(MeetingRequest request, int mine, Input input, CancellationToken ct)
        {
            var decision = request.AnswerBy(mine, input.Accept, clock.GetUtcNow().UtcDateTime);
            if (decision.Refusal is { } refusal)
            {
                return new Result(false, refusal == B2bRefusal.NotTheReceiver
                    ? l["На запрос отвечает компания, которой он отправлен."]
                    : l["На этот запрос уже ответили."]);
            }

            await notices.B2bRequestAnsweredAsync(request, input.Accept, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new Result(false, l["На этот запрос уже ответили."]);
            }

            return new Result(true, input.Accept
                ? l["Запрос принят. Время и стол появятся в расписании, когда агентство его составит."]
                : l["Запрос отклонён."]);
        }
    }
}
