using System.Security.Claims;
using MissionPortal.Core.Security;

namespace MissionPortal.Web.Infrastructure.Identity;

public static class ClaimsPrincipalExtensions
{
    public const string OrganizationClaim = "mp:organization";
    public const string DisplayNameClaim = "mp:display-name";

    /// <summary>The organisation a company user acts for; null for agency and ministry staff.</summary>
    public static int? OrganizationId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(OrganizationClaim), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? string.Empty;

    /// <summary>Agency and ministry staff see every mission; company users only their own.</summary>
    public static bool SeesAllMissions(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Agency) || user.IsInRole(Roles.Ministry);
}
