using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Localization;

namespace MissionPortal.Web.Features.Notifications;

public sealed class NotificationQueries(PortalDbContext db, UserManager<PortalUser> users, IStringLocalizer<SharedResource> l)
{
    /// <summary>How many of the latest notices the list shows.</summary>
    public const int ListSize = 100;

    public async Task<NotificationListViewModel> ListAsync(string userId, CancellationToken ct)
    {
        var rows = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id).Take(ListSize)
            .Select(n => new { n.Id, n.Title, n.CreatedAtUtc, n.ReadAtUtc })
            .ToListAsync(ct);
        var unread = await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAtUtc == null, ct);
        return new NotificationListViewModel(rows.Select(r => new NotificationItemViewModel(r.Id, r.Title, Formats.Moment(r.CreatedAtUtc), r.ReadAtUtc is not null)).ToList(), unread);
    }

    /// <summary>The kinds meant for the person's roles, each on unless switched off.</summary>
    public async Task<NotificationSettingsViewModel?> SettingsAsync(string userId, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return null;
        }

        var roles = await users.GetRolesAsync(user);
        var off = await db.NotificationOptOuts.AsNoTracking().Where(o => o.UserId == userId).Select(o => o.Kind).ToListAsync(ct);
        return new NotificationSettingsViewModel(Notifier.Kinds.Where(k => k.Roles.Any(roles.Contains))
            .Select(k => new NotificationKindViewModel(k.Kind, l[k.Label], !off.Contains(k.Kind))).ToList());
    }
}
