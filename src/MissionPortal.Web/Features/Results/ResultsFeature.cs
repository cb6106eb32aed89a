using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Results;

/// <summary>The results of a mission.</summary>
public sealed class ResultsFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services) => services.AddScoped<RecordCompanyResult.Handler>();
}
