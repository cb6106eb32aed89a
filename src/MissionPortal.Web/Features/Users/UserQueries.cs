using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;

namespace MissionPortal.Web.Features.Users;

/// <summary>What the account pages read: the list with roles and lock state, and the form's organisations.</summary>
public sealed class UserQueries(PortalDbContext db, TimeProvider clock)
{
    public async Task<List<UserListItemViewModel>> ListAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var list = await db.Users.AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new UserListItemViewModel
            {
                Id = u.Id,
                Email = u.Email ?? u.UserName ?? u.Id,
                DisplayName = u.DisplayName,
                Organization = u.Organization!.ShortName ?? u.Organization.Name,
                IsLocked = u.LockoutEnd != null && u.LockoutEnd > now,
                ConcurrencyStamp = u.ConcurrencyStamp,
            })
            .ToListAsync(ct);
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           select new { userRole.UserId, role.Name })
            .AsNoTracking()
            .ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name ?? string.Empty);
        foreach (var user in list)
        {
            user.Roles = byUser[user.Id].Order(StringComparer.Ordinal).ToList();
        }

        return list;
    }

    public Task<bool> OrganizationExistsAsync(int organizationId, CancellationToken ct) => db.Organizations.AnyAsync(o => o.Id == organizationId, ct);

    public async Task<UserFormViewModel<TInput>> FormAsync<TInput>(string? id, string? email, TInput input, CancellationToken ct)
        where TInput : UserInput =>
        new()
        {
            Id = id,
            Email = email,
            Input = input,
            Organizations = (await db.Organizations.AsNoTracking()
                    .OrderBy(o => o.Name)
                    .Select(o => new { o.Id, o.Name })
                    .ToListAsync(ct))
                .Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture)))
                .ToList(),
        };
}
