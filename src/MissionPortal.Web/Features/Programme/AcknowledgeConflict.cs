using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Programme;

/// <summary>
/// Accepts a conflict the programme still has, with the reason; it stays visible, marked as acknowledged. A new
/// acknowledgement of the same conflict replaces the old one.
/// </summary>
public static class AcknowledgeConflict
{
    public const int ReasonLength = 1000;

    public sealed class Input
    {
        public string? ConflictKey { get; set; }

        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Reason)
                .Must(r => !string.IsNullOrWhiteSpace(r) && r.Trim().Length <= ReasonLength)
                .WithMessage(l["Чтобы признать конфликт допустимым, укажите причину (до 1000 символов)."]);
        }
    }

    public enum Outcome
    {
        Acknowledged,
        NotFound,
        Refused,
    }

    public sealed class Handler(PortalDbContext db, ProgrammeQueries programme, IValidator<Input> validator, TimeProvider clock, IStringLocalizer<SharedResource> l)
    {
        /// <summary>The outcome and the sentence that says it.</summary>
        public async Task<(Outcome Outcome, string Message)> HandleAsync(int missionId, Input input, string by, CancellationToken ct)
        {
            var mission = await db.Missions.AsNoTracking().Where(m => m.Id == missionId)
                .Select(m => new { m.StartDate, m.EndDate }).SingleOrDefaultAsync(ct);
            if (mission is null)
            {
                return (Outcome.NotFound, string.Empty);
            }

            var snapshot = await programme.LoadAsync(missionId, mission.StartDate, mission.EndDate, ct);
            if (snapshot.Conflicts.FirstOrDefault(c => c.Key == input.ConflictKey) is not { } conflict)
            {
                return (Outcome.Refused, l["Такого конфликта в программе уже нет."]);
            }

            var checkedInput = await validator.ValidateAsync(input, ct);
            if (!checkedInput.IsValid)
            {
                return (Outcome.Refused, checkedInput.Errors[0].ErrorMessage);
            }

            var reason = input.Reason!.Trim();
            var existing = await db.ConflictAcknowledgements.SingleOrDefaultAsync(a => a.MissionId == missionId && a.ConflictKey == input.ConflictKey, ct);
            if (existing is not null)
            {
                db.ConflictAcknowledgements.Remove(existing);
            }

            db.ConflictAcknowledgements.Add(new ConflictAcknowledgement(missionId, conflict.Key, ConflictText.Accepted(conflict, snapshot), reason, by, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
            return (Outcome.Acknowledged, l["Конфликт признан допустимым. Причина: {0}", reason]);
        }
    }
}
