using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Identity;

namespace MissionPortal.Web.Features.Users;

/// <summary>
/// An administrator locks an account (its sessions end at their next check) or unlocks it, as the list showed it:
/// a stamp renewed since (an edit, a lock by another administrator) means the button no longer says what it will do.
/// </summary>
public static class LockUser
{
    public enum Outcome
    {
        Done,
        NotFound,

        /// <summary>An administrator cannot lock their own account.</summary>
        Self,

        /// <summary>The list was out of date; nothing was changed.</summary>
        Stale,
    }

    /// <summary>What happened, with the account's e-mail, name and whether it is locked now.</summary>
    public sealed record Result(Outcome Outcome, string Email = "", string DisplayName = "", bool Locked = false);

    public sealed class Handler(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock)
    {
        public async Task<Result> LockAsync(string id, string? stamp, string? administratorId)
        {
            var user = await users.FindByIdAsync(id);
            if (user is null)
            {
                return new Result(Outcome.NotFound);
            }

            if (user.Id == administratorId)
            {
                return new Result(Outcome.Self);
            }

            if (IsStale(user, stamp) || IsLocked(user))
            {
                return await StaleAsync(id);
            }

            var result = await users.SetLockoutEnabledAsync(user, true);
            if (result.Succeeded)
            {
                result = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            }

            if (!result.Succeeded)
            {
                return await StaleAsync(id);
            }

            await users.UpdateSecurityStampAsync(user);
            return new Result(Outcome.Done, user.Email ?? id, user.DisplayName, Locked: true);
        }

        public async Task<Result> UnlockAsync(string id, string? stamp)
        {
            var user = await users.FindByIdAsync(id);
            if (user is null)
            {
                return new Result(Outcome.NotFound);
            }

            if (IsStale(user, stamp) || !IsLocked(user))
            {
                return await StaleAsync(id);
            }

            var result = await users.SetLockoutEndDateAsync(user, null);
            if (!result.Succeeded)
            {
                return await StaleAsync(id);
            }

            await users.ResetAccessFailedCountAsync(user);
            return new Result(Outcome.Done, user.Email ?? id, user.DisplayName, Locked: false);
        }

        private static bool IsStale(PortalUser user, string? stamp) => string.IsNullOrEmpty(stamp) || stamp != user.ConcurrencyStamp;

        private bool IsLocked(PortalUser user) => user.LockoutEnd is { } end && end > clock.GetUtcNow();

        /// <summary>The account as it is now, for the conflict page.</summary>
        private async Task<Result> StaleAsync(string id)
        {
            db.ChangeTracker.Clear();
            var current = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
            return new Result(Outcome.Stale, current.Email ?? id, current.DisplayName, IsLocked(current));
        }
    }
}
