using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Venues;

/// <summary>The registry of venues.</summary>
public sealed class VenuesFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddScoped<SaveVenue.Handler>();
        services.AddScoped<BinVenue.Handler>();
    }
}
