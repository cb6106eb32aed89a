using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.B2b;

/// <summary>B2B meeting sessions.</summary>
public sealed class B2bFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddScoped<B2bAccess>();
        services.AddScoped<B2bQueries>();
        services.AddScoped<B2bCompanyQueries>();
        services.AddScoped<B2bCalendar>();
        services.AddScoped<B2bScheduling>();
        services.AddScoped<JoinSession.Handler>();
        services.AddScoped<SendMeetingRequest.Handler>();
        services.AddScoped<AnswerMeetingRequest.Handler>();
        services.AddScoped<CancelMeeting.Handler>();
        services.AddScoped<RecordMeetingOutcome.Handler>();
        services.AddScoped<SaveB2bSession.Handler>();
        services.AddScoped<RunB2bScheduler.Handler>();
        services.AddScoped<MoveB2bMeeting.Handler>();
    }
}
