using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Regions;

/// <summary>Regions and their settlements.</summary>
public sealed class RegionsFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddScoped<AddSettlement.Handler>();
    }
}
