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

        try
        {
            count = await db.Notifications.CountAsync(n => n.UserId == id && n.ReadAtUtc == null);
        }
        catch (Exception e) when (Infrastructure.Database.DatabaseFailure.Is(e))
        {
            // The header of the 503 page itself: without the database there is no count to show, and no second failure.
            return 0;
        }

        cache.Set(Key(id), count, Lifetime);
        return count;
    }

    public void Forget(string userId) => cache.Remove(Key(userId));

    private static string Key(string userId) => "unread-notices:" + userId;
}
