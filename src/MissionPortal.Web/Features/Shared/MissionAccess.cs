using System.Security.Claims;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Web.Infrastructure.Identity;

namespace MissionPortal.Web.Features.Shared;

/// <summary>Which missions a user may see: agency and ministry all of them, a company those its people take part in.</summary>
public static class MissionAccess
{
    public static IQueryable<Mission> VisibleTo(this IQueryable<Mission> missions, ClaimsPrincipal user)
    {
        if (user.SeesAllMissions())
        {
            return missions;
        }

        var organizationId = user.OrganizationId();
        if (organizationId is null)
        {
            return missions.Where(_ => false);
        }

        return missions.Where(m => m.Delegations.Any(d => d.Participants.Any(p => p.OrganizationId == organizationId)));
    }
}
