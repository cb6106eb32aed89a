using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MissionPortal.Core.Data;

namespace MissionPortal.Web.Features.Shared;

/// <summary>
/// The header's count of a signed-in person's unread notices. Kept for <see cref="Lifetime"/> so a page costs no extra
/// query; forgotten at once on this instance when a notice is raised for the person or opened by them (another
/// instance's count catches up within the lifetime).
/// </summary>
public sealed class UnreadNotices(PortalDbContext db, IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async Task<int> CountAsync(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return 0;
        }

        if (cache.TryGetValue(Key(id), out int count))
        {
            return count;
        }

        count = await db.Notifications.CountAsync(n => n.UserId == id && n.ReadAtUtc == null);
        cache.Set(Key(id), count, Lifetime);
        return count;
    }

    public void Forget(string userId) => cache.Remove(Key(userId));

    private static string Key(string userId) => "unread-notices:" + userId;
}
