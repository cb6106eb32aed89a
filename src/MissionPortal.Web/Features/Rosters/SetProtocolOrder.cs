using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Rosters;

/// <summary>The precedence numbers the agency sets on a delegation's roster, one per person, in one plain form.</summary>
public static class SetProtocolOrder
{
    public const int MaxOrder = 9999;

    public sealed class Input
    {
        public List<Line> People { get; set; } = [];
    }

    public sealed class Line
    {
        public int ParticipantId { get; set; }

        public int? Order { get; set; }

        /// <summary>The person's version when the roster was opened: a change saved meanwhile is not overwritten silently.</summary>
        public Guid? Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.People).NotEmpty().WithMessage(l["В списке никого нет."]);
            RuleFor(x => x.People)
                .Must(p => p.Select(x => x.ParticipantId).Distinct().Count() == p.Count)
                .WithMessage(l["Один человек указан в списке дважды."]);
            RuleForEach(x => x.People).ChildRules(line =>
            {
                line.RuleFor(x => x.Order)
                    .NotNull().WithMessage(l["Укажите порядковый номер у каждого человека."])
                    .InclusiveBetween(1, MaxOrder).WithMessage(l["Порядковый номер — целое число от 1 до {0}.", MaxOrder]);
            });
        }
    }

    public enum Outcome
    {
        Saved,

        /// <summary>The list names people who are not in this delegation; nothing was written.</summary>
        Strangers,

        /// <summary>Someone changed one of the people after the roster was opened; nothing was written.</summary>
        Stale,
    }

    public sealed class Handler(PortalDbContext db)
    {
        /// <summary>The delegation's people, read once for the whole form; null when there is no such delegation.</summary>
        public async Task<IReadOnlyList<Participant>?> PeopleAsync(int delegationId, CancellationToken ct)
        {
            var people = await db.Participants.Where(p => p.DelegationId == delegationId).ToListAsync(ct);
            return people.Count == 0 && !await db.Delegations.AnyAsync(d => d.Id == delegationId, ct) ? null : people;
        }

        /// <summary>Sets each person's number from a valid input, each against the version the roster showed.</summary>
        public async Task<Outcome> HandleAsync(IReadOnlyList<Participant> people, Input input, CancellationToken ct)
        {
            if (input.People.Any(line => people.All(p => p.Id != line.ParticipantId)))
            {
                return Outcome.Strangers;
            }

            foreach (var line in input.People)
            {
                var person = people.Single(p => p.Id == line.ParticipantId);
                db.ExpectVersion(person, line.Version);
                person.ProtocolOrder = line.Order!.Value;
            }

            return await db.TrySaveAsync(ct) ? Outcome.Saved : Outcome.Stale;
        }
    }
}
