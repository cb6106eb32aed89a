using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Notifications;

/// <summary>A person's notices in the portal, the kinds they receive by e-mail, and the notices of the background job.</summary>
public sealed class NotificationsFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddScoped<NotificationQueries>();
        services.AddScoped<OpenNotification.Handler>();
        services.AddScoped<SaveNotificationSettings.Handler>();
        services.AddScoped<MissionEveLetters>();
        services.AddScoped<ProgrammeChangeDigest>();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.AddSingleton<NotificationJobs>();
        services.AddHostedService(s => s.GetRequiredService<NotificationJobs>());
    }
}
