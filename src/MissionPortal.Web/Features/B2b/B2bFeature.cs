using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.B2b;

/// <summary>B2B meeting sessions.</summary>
public sealed class B2bFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddScoped<B2bAccess>();
        services.AddScoped<B2bQueries>();
        services.AddScoped<B2bScheduling>();
        services.AddScoped<B2bFigures>();
    }
}
