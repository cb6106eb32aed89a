using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Rosters;

/// <summary>Delegation rosters and their documents.</summary>
public sealed class RostersFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddScoped<RosterQueries>();
        services.AddScoped<RosterDocuments>();
        services.AddScoped<SetProtocolOrder.Handler>();
        services.AddScoped<ShareRoster.Handler>();
    }
}
