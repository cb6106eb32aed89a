using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Users;

/// <summary>User accounts.</summary>
public sealed class UsersFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddScoped<UserQueries>();
        services.AddScoped<LockUser.Handler>();
    }
}
