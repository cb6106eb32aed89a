using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MissionPortal.Core.Data;

namespace MissionPortal.Web.Infrastructure.Security;

/// <summary>
/// Each user's current security stamp, checked against the cookie on every request. A change made through
/// the portal's UserManager replaces the entry at once, so a logged-out cookie replayed on this instance is
/// refused on its next request; entries live one minute, so other instances see the change within a minute.
/// A page costs no SQL command while the entry is cached and one (a primary-key read) when it is not.
/// </summary>
public sealed class SessionStampCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public async Task<string> GetAsync(string userId, PortalDbContext db, CancellationToken ct)
    {
        if (cache.TryGetValue(Key(userId), out string? stamp) && stamp is not null)
        {
            return stamp;
        }

        stamp = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => u.SecurityStamp)
            .FirstOrDefaultAsync(ct) ?? string.Empty;
        Remember(userId, stamp);
        return stamp;
    }

    public void Remember(string userId, string? stamp) => cache.Set(Key(userId), stamp ?? string.Empty, Lifetime);

    public void Forget(string userId) => cache.Remove(Key(userId));

    private static string Key(string userId) => "security-stamp:" + userId;
}
