using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Shared;

/// <summary>The queries, letters and check-in links that several features use.</summary>
public sealed class SharedFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddScoped<MissionQueries>();
        services.AddScoped<ProgrammeQueries>();
        services.AddScoped<ReferenceData>();
        services.AddScoped<AccountMail>();
        services.AddScoped<Notifier>();
        services.AddScoped<PortalNotices>();
        services.AddScoped<UnreadNotices>();
        services.AddScoped<ProgrammeCalendar>();
        services.AddScoped<DecideJoinRequest.Handler>();
        services.AddScoped<B2bFigures>();
        services.AddSingleton<CheckInLinks>();
    }
}
