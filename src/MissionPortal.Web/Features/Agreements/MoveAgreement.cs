using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Agreements;
using MissionPortal.Web.Infrastructure.Localization;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Agreements;

/// <summary>One step along draft → negotiation → signed → in force → fulfilled (or back to draft from negotiation).</summary>
public static class MoveAgreement
{
    public sealed class Input
    {
        public AgreementStatus? Status { get; set; }

        /// <summary>The version the card was opened on.</summary>
        public Guid? Version { get; set; }

        public DateOnly? SignedOn { get; set; }
    }

    public enum Outcome
    {
        Moved,
        NotFound,

        /// <summary>The card was out of date, or someone saved the agreement first; nothing was written.</summary>
        Stale,

        /// <summary>The agreement cannot take this step (see the refusal); nothing was written.</summary>
        Refused,
    }

    /// <summary>What happened, with the agreement's title and status as they are now, and the refusal if any.</summary>
    public sealed record Result(Outcome Outcome, string Title = "", AgreementStatus Status = AgreementStatus.Draft, string? Refusal = null);

    public sealed class Handler(PortalDbContext db, IStringLocalizer<SharedResource> l)
    {
        public async Task<Result> HandleAsync(int id, Input input, CancellationToken ct)
        {
            var agreement = await db.Agreements.Include(a => a.Parties).Include(a => a.Signatories)
                .AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, ct);
            if (agreement is null)
            {
                return new Result(Outcome.NotFound);
            }

            if (agreement.IsStale(input.Version))
            {
                return new Result(Outcome.Stale, agreement.Title, agreement.Status);
            }

            if (agreement.RefusalToMoveTo(input.Status, input.SignedOn) is { } refusal)
            {
                return new Result(Outcome.Refused, agreement.Title, agreement.Status, Explain(refusal, agreement.Status, input.Status));
            }

            db.ExpectVersion(agreement, input.Version);
            agreement.MoveTo(input.Status!.Value, input.SignedOn);
            if (!await db.TrySaveAsync(ct))
            {
                var current = await db.Agreements.AsNoTracking().SingleAsync(a => a.Id == id, ct);
                return new Result(Outcome.Stale, current.Title, current.Status);
            }

            return new Result(Outcome.Moved, agreement.Title, agreement.Status);
        }

        private string Explain(AgreementStepRefusal refusal, AgreementStatus from, AgreementStatus? wanted) => refusal switch
        {
            AgreementStepRefusal.NotFromHere => l["Соглашение нельзя перевести из статуса «{0}» в «{1}».", l[EnumText.Of(from)], l[EnumText.Of(wanted!.Value)]],
            AgreementStepRefusal.NoSigningDate => l["Укажите дату подписания."],
            AgreementStepRefusal.TooFewToSign => l["Для подписания нужны две стороны и хотя бы один подписант."],
            _ => l["Выберите следующий шаг."],
        };
    }
}
