using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Programme;

/// <summary>The programme of a mission.</summary>
public sealed class ProgrammeFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddScoped<ProgrammeChangeLog>();
    }
}
