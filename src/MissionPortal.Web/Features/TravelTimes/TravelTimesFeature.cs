using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.TravelTimes;

/// <summary>The road times between cities.</summary>
public sealed class TravelTimesFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddScoped<AddTravelTime.Handler>();
        services.AddScoped<ChangeTravelTime.Handler>();
        services.AddScoped<DeleteTravelTime.Handler>();
    }
}
