using System.Security.Claims;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Identity;

namespace MissionPortal.Web.Features.Shared;

/// <summary>Whose company data a user may change: a company user only its own organisation's, the agency any.</summary>
public static class CompanyAccess
{
    public static bool CanEdit(this ClaimsPrincipal user, int organizationId) =>
        user.IsInRole(Roles.Agency) || (user.IsInRole(Roles.Company) && user.OrganizationId() == organizationId);
}
