using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Registration;

/// <summary>
/// The link from the sign-up letter: the address is confirmed and the account may sign in. Only now does the agency
/// hear of a new company, and a request to join a known one reach that company's representative.
/// </summary>
public static class ConfirmSignUp
{
    public sealed class Handler(PortalDbContext db, UserManager<PortalUser> users, PortalNotices notices, ExpiredSignUps expiry, ILogger<Handler> logger)
    {
        /// <summary>
        /// Whether the link is of a sign-up that waited too long: its account is gone (deleted unconfirmed) or still
        /// waits past <see cref="ExpiredSignUps.Period"/>. A link without a user or a token is just a broken link.
        /// </summary>
        public async Task<bool> ExpiredAsync(string? userId, string? token)
        {
            if (string.IsNullOrEmpty(userId) || userId.Length > 450 || AccountTokens.Decode(token) is null)
            {
                return false;
            }

            return await users.FindByIdAsync(userId) is not { } user || expiry.IsExpired(user);
        }

        /// <summary>The link's user when its token is valid now and the address still waits (and not too long); null otherwise.</summary>
        public async Task<PortalUser?> UserOfLinkAsync(string? userId, string? token)
        {
            if (string.IsNullOrEmpty(userId) || AccountTokens.Decode(token) is not { } decoded
                || await users.FindByIdAsync(userId) is not { EmailConfirmed: false } user || expiry.IsExpired(user))
            {
                return null;
            }

            return await users.VerifyUserTokenAsync(user, users.Options.Tokens.EmailConfirmationTokenProvider, UserManager<PortalUser>.ConfirmEmailTokenPurpose, decoded)
                ? user
                : null;
        }

        /// <summary>Confirms the address of the link's user (from <see cref="UserOfLinkAsync"/>); false when the token no longer holds.</summary>
        public async Task<bool> HandleAsync(PortalUser user, string token, CancellationToken ct)
        {
            if (!(await users.ConfirmEmailAsync(user, AccountTokens.Decode(token)!)).Succeeded)
            {
                return false;
            }

            if (user.IsCompanyMain && user.OrganizationId is { } companyId
                && await db.Organizations.Where(o => o.Id == companyId && o.Status == OrganizationStatus.Pending).Select(o => o.Name).SingleOrDefaultAsync(ct) is { } company)
            {
                await notices.CompanySignedUpAsync(user, company, ct);
                await db.SaveChangesAsync(ct);
            }

            logger.LogInformation("User {UserId} confirmed the address signed up with", user.Id);
            return true;
        }
    }
}
