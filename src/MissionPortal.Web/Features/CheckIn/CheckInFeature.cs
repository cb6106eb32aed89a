using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.CheckIn;

/// <summary>Check-in links and the check-in page.</summary>
public sealed class CheckInFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddScoped<MarkPresent.Handler>();
    }
}
