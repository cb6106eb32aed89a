using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MissionPortal.Core.Domain.Identity;

namespace MissionPortal.Web.Infrastructure.Identity;

/// <summary>Puts the user's organisation and display name into the cookie, so pages need no query for them.</summary>
public sealed class PortalClaimsFactory(
    UserManager<PortalUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimsPrincipalExtensions.DisplayNameClaim, user.DisplayName));
        if (user.OrganizationId is { } organizationId)
        {
            identity.AddClaim(new Claim(ClaimsPrincipalExtensions.OrganizationClaim, organizationId.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
