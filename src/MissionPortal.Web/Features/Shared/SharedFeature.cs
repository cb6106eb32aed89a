using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Shared;

/// <summary>The queries and letters that several features read.</summary>
public sealed class SharedFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddScoped<MissionQueries>();
        services.AddScoped<ProgrammeQueries>();
        services.AddScoped<ReferenceData>();
        services.AddScoped<AccountMail>();
        services.AddScoped<DecideJoinRequest.Handler>();
        services.AddScoped<B2bFigures>();
    }
}
