using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Web.Infrastructure.Localization;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Participants;

/// <summary>What a command on a delegation ended with: done, refused with a message, someone saved first, or no such record.</summary>
public enum DelegationOutcome
{
    Done,
    Refused,
    Stale,
    NotFound,
}

/// <summary>
/// The agency marks a person's role in the delegation: head (one per delegation: the former head becomes a member),
/// deputy or member on the visiting side, official or staff on the host side. The head stands first on every roster.
/// </summary>
public static class AssignRole
{
    public sealed class Input
    {
        public DelegationRole? Role { get; set; }

        public Guid? Version { get; set; }
    }

    public sealed record Result(DelegationOutcome Outcome, int MissionId, string? Message);

    public sealed class Handler(PortalDbContext db, IStringLocalizer<SharedResource> l)
    {
        public async Task<Result> HandleAsync(int participantId, Input input, CancellationToken ct)
        {
            var delegationId = await db.Participants.Where(p => p.Id == participantId).Select(p => (int?)p.DelegationId).SingleOrDefaultAsync(ct);
            if (delegationId is null)
            {
                return new Result(DelegationOutcome.NotFound, 0, null);
            }

            var delegation = await db.Delegations.Include(d => d.Participants).SingleAsync(d => d.Id == delegationId, ct);
            var person = delegation.Participants.Single(p => p.Id == participantId);
            DelegationRole[] allowed = delegation.Side == DelegationSide.Visiting
                ? [DelegationRole.Head, DelegationRole.DeputyHead, DelegationRole.Member]
                : [DelegationRole.Head, DelegationRole.Official, DelegationRole.Staff];
            if (input.Role is not { } role || !allowed.Contains(role))
            {
                return new Result(DelegationOutcome.Refused, delegation.MissionId, l["Выберите роль в делегации из списка."]);
            }

            if (person.IsStale(input.Version))
            {
                return new Result(DelegationOutcome.Stale, delegation.MissionId, l["{0}: запись уже изменили, обновите страницу.", person.ShortName]);
            }

            delegation.AssignRole(person, role);
            return await db.TrySaveAsync(ct)
                ? new Result(DelegationOutcome.Done, delegation.MissionId, l["{0}: {1}.", person.ShortName, Formats.MidSentence(l[EnumText.Of(role)])])
                : new Result(DelegationOutcome.Stale, delegation.MissionId, l["{0}: запись уже изменили, обновите страницу.", person.ShortName]);
        }
    }
}

/// <summary>The agency renames a delegation («Делегация Томской области»).</summary>
public static class RenameDelegation
{
    public const int MaxLength = 300;

    public sealed class Input
    {
        public string? Name { get; set; }

        public Guid? Version { get; set; }
    }

    public sealed record Result(DelegationOutcome Outcome, int MissionId, string? Message);

    public sealed class Handler(PortalDbContext db, IStringLocalizer<SharedResource> l)
    {
        public async Task<Result> HandleAsync(int delegationId, Input input, CancellationToken ct)
        {
            var delegation = await db.Delegations.SingleOrDefaultAsync(d => d.Id == delegationId, ct);
            if (delegation is null)
            {
                return new Result(DelegationOutcome.NotFound, 0, null);
            }

            var name = input.Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > MaxLength)
            {
                return new Result(DelegationOutcome.Refused, delegation.MissionId, l["Название делегации: от 1 до {0} символов.", MaxLength]);
            }

            if (delegation.IsStale(input.Version))
            {
                return new Result(DelegationOutcome.Stale, delegation.MissionId, l["Делегацию уже переименовали: сейчас «{0}».", delegation.Name]);
            }

            delegation.Rename(name);
            return await db.TrySaveAsync(ct)
                ? new Result(DelegationOutcome.Done, delegation.MissionId, l["Делегация переименована: «{0}».", name])
                : new Result(DelegationOutcome.Stale, delegation.MissionId, l["Делегацию уже переименовали, обновите страницу."]);
        }
    }
}
