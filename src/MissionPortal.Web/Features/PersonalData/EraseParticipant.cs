using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.PersonalData;

/// <summary>
/// The agency erases a participant's data at their request, at once: such a person has no account to ask from, so
/// the request reaches the agency by letter or phone, and the operator who takes it is the one who carries it out
/// (the audit log records who and when). The row stays anonymised, so rosters and reports keep their counts.
/// </summary>
public static class EraseParticipant
{
    public sealed class Input
    {
        /// <summary>The version the confirmation page showed.</summary>
        public Guid? Version { get; set; }

        /// <summary>The operator ticks that the person asked (or the law requires it): erasure cannot be undone.</summary>
        public bool Confirmed { get; set; }
    }

    public enum Outcome
    {
        Done,
        NotFound,
        Refused,
        Stale,
    }

    public sealed record Result(Outcome Outcome, string Message = "", int MissionId = 0);

    public sealed class Handler(PortalDbContext db, Erasure erasure, TimeProvider clock, IStringLocalizer<SharedResource> l)
    {
        public async Task<Result> HandleAsync(int id, Input input, CancellationToken ct)
        {
            var person = await db.Participants.Include(p => p.Delegation).SingleOrDefaultAsync(p => p.Id == id, ct);
            if (person is null)
            {
                return new Result(Outcome.NotFound);
            }

            var missionId = person.Delegation!.MissionId;
            if (person.IsAnonymised)
            {
                return new Result(Outcome.Refused, l["Данные этого участника уже удалены."], missionId);
            }

            if (!input.Confirmed)
            {
                return new Result(Outcome.Refused, l["Подтвердите, что данные нужно удалить: это нельзя отменить."], missionId);
            }

            db.ExpectVersion(person, input.Version);
            var name = person.FullName;
            await erasure.AnonymiseAsync([person], clock.GetUtcNow().UtcDateTime, ct);
            if (!await db.TrySaveAsync(ct))
            {
                return new Result(Outcome.Stale, l["Участника {0} только что изменили: откройте страницу снова.", name], missionId);
            }

            if (await erasure.FinishAsync(ct))
            {
                await db.SaveChangesAsync(ct);
            }

            return new Result(Outcome.Done, l["Данные участника {0} удалены: в списках он значится как «{1}».", name, Core.Domain.Identity.Anonymised.Surname], missionId);
        }
    }
}
