using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Programme;

/// <summary>
/// Moves an item to another day or time, keeping its length: the form and the drag post the same. The day must be one
/// of the mission's and the item must not run past midnight (the mission's rules); a move of an item changed since the
/// page showed it is a conflict, and nothing is saved.
/// </summary>
public static class MoveItem
{
    /// <summary>Where a dragged or moved item goes: a day and a start time; the length stays.</summary>
    public sealed class Input
    {
        public DateOnly? Date { get; set; }

        public TimeOnly? Start { get; set; }

        /// <summary>The item's version as the page showed it: a move of an item changed since then is a conflict.</summary>
        public Guid? Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Date).NotNull().WithMessage(ProgrammeMessages.DateRequired(l));
            RuleFor(x => x.Start).NotNull().WithMessage(ProgrammeMessages.StartRequired(l));
        }
    }

    public enum Outcome
    {
        Moved,
        NotFound,
        Refused,
        Conflict,
    }

    /// <summary>What happened, the sentence that says it, and the mission and item to show.</summary>
    public sealed record Result(Outcome Outcome, string Message, int MissionId, int ItemId);

    public sealed class Handler(PortalDbContext db, IValidator<Input> validator, ProgrammeChangeLog changes, IStringLocalizer<SharedResource> l)
    {
        /// <remarks><paramref name="unreadable"/>: the first value of the request that could not be read, if any, refused after the rules.</remarks>
        public async Task<Result> HandleAsync(int id, Input input, string? unreadable, string by, CancellationToken ct)
        {
            if (await db.LoadItemAsync(id, ct) is not { } item)
            {
                return new Result(Outcome.NotFound, string.Empty, 0, id);
            }

            Result Refused(string message) => new(Outcome.Refused, message, item.MissionId, item.Id);
            var checkedInput = await validator.ValidateAsync(input, ct);
            if (!checkedInput.IsValid)
            {
                return Refused(checkedInput.Errors[0].ErrorMessage);
            }

            var mission = await db.Missions.AsNoTracking().SingleAsync(m => m.Id == item.MissionId, ct);
            var before = await changes.SlotOfAsync(item, ct);
            var step = mission.MoveItem(item, input.Date!.Value, input.Start!.Value);
            if (step.Refusal is { } refusal)
            {
                return Refused(ProgrammeMessages.Of(l, refusal, mission, input.Date));
            }

            if (unreadable is not null)
            {
                return Refused(unreadable);
            }

            db.ExpectVersion(item, input.Version);
            var after = await changes.SlotOfAsync(item, ct);
            if (after != before && await changes.IsTrackedAsync(item.MissionId, ct))
            {
                changes.Record(item.MissionId, item.Id, ProgrammeChangeKind.Moved, item.Title, before, after, by);
            }

            if (!await db.TrySaveAsync(ct))
            {
                // Someone changed or moved the item since the page was shown (or at the same moment): nothing is saved.
                return new Result(Outcome.Conflict, l["Пункт «{0}» только что изменили: посмотрите, где он сейчас, и перенесите ещё раз.", item.Title], item.MissionId, item.Id);
            }

            return new Result(Outcome.Moved, l["Пункт «{0}» перенесён на {1:dd.MM} {2}.", item.Title, item.Date.ToDateTime(TimeOnly.MinValue), item.Start.ToString("HH:mm", CultureInfo.InvariantCulture)], item.MissionId, item.Id);
        }
    }
}
