using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Missions;

/// <summary>Missions: the list, a mission's page and the agency's mission form.</summary>
public sealed class MissionsFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddScoped<SaveMission.Handler>();
        services.AddScoped<ChangeMissionStatus.Handler>();
    }
}
