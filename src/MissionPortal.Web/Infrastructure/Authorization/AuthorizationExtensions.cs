using Microsoft.AspNetCore.Authorization;
using MissionPortal.Core.Security;

namespace MissionPortal.Web.Infrastructure.Authorization;

public static class AuthorizationExtensions
{
    public static WebApplicationBuilder AddPortalAuthorization(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            // Deny by default: an endpoint that says nothing requires a signed-in user.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.UsePortal, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.ViewMissions, p => p.RequireRole(Roles.Agency, Roles.Ministry))
            .AddPolicy(Policies.ScheduleMissions, p => p.RequireRole(Roles.Agency))
            .AddPolicy(Policies.ApproveProgrammes, p => p.RequireRole(Roles.Ministry))
            .AddPolicy(Policies.PrintRosters, p => p.RequireRole(Roles.Agency, Roles.Ministry))
            .AddPolicy(Policies.ViewRosters, p => p.RequireRole(Roles.Agency, Roles.Ministry, Roles.Company))
            .AddPolicy(Policies.ManageAgreements, p => p.RequireRole(Roles.Agency, Roles.Ministry))
            .AddPolicy(Policies.RecordAttendance, p => p.RequireRole(Roles.Agency))
            .AddPolicy(Policies.ManageOwnCompany, p => p.RequireRole(Roles.Company))
            .AddPolicy(Policies.EditCompanyData, p => p.RequireRole(Roles.Company, Roles.Agency))
            .AddPolicy(Policies.BrowseCatalogue, p => p.RequireRole(Roles.Company, Roles.Agency, Roles.Ministry))
            .AddPolicy(Policies.TakePartInB2b, p => p.RequireRole(Roles.Company))
            .AddPolicy(Policies.ViewAuditLog, p => p.RequireRole(Roles.Agency, Roles.Ministry))
            .AddPolicy(Policies.ManageOrganizations, p => p.RequireRole(Roles.Agency))
            .AddPolicy(Policies.ManageUsers, p => p.RequireRole(Roles.Administrator));
        return builder;
    }
}
