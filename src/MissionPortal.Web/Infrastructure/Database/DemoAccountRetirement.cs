using Microsoft.AspNetCore.Identity;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Auditing;

namespace MissionPortal.Web.Infrastructure.Database;

/// <summary>
/// Demo mode switched off on a database that was started in it: the demo accounts, whose password is published,
/// lose their password, are locked for good and their sessions end (a new security stamp). The change is in the
/// audit log under «Портал (выход из демо-режима)». The demo data itself stays until the agency removes it.
/// Also says loudly when the portal starts with neither an administrator nor demo mode: nobody could sign in.
/// </summary>
public sealed class DemoAccountRetirement(UserManager<PortalUser> users, ILogger<DemoAccountRetirement> logger)
{
    public const string ActorName = "Портал (выход из демо-режима)";

    public static readonly string[] Emails = [DemoOptions.AgencyEmail, DemoOptions.MinistryEmail, DemoOptions.CompanyEmail, DemoOptions.HostCompanyEmail];

    public async Task RetireAsync()
    {
        using var actor = SystemAuditActor.Begin(ActorName);
        foreach (var email in Emails)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null || (user.PasswordHash is null && user.LockoutEnd == DateTimeOffset.MaxValue))
            {
                continue;
            }

            user.PasswordHash = null;
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            var result = await users.UpdateSecurityStampAsync(user);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Could not retire the demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }

            logger.LogWarning("Demo mode is off: the demo account {Email} is retired (no password, locked)", email);
        }
    }

    /// <summary>Nobody can sign in to administer the portal: no active administrator and no demo mode.</summary>
    public async Task WarnWithoutAdministratorAsync()
    {
        var administrators = await users.GetUsersInRoleAsync(Roles.Administrator);
        if (administrators.Any(a => a.PasswordHash is not null && (a.LockoutEnd is null || a.LockoutEnd < DateTimeOffset.UtcNow)))
        {
            return;
        }

        logger.LogCritical(
            "NO ADMINISTRATOR: the portal has no administrator who can sign in and demo mode is off, so nobody can manage users. " +
            "Set Admin__Email and Admin__Password (a password of 12 characters or more) and restart: the first administrator is created at start.");
    }
}
