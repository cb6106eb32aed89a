using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Registration;

/// <summary>Company sign-up, and the deletion of sign-ups never confirmed.</summary>
public sealed class RegistrationFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddScoped<SignUp.Handler>();
        services.AddScoped<ConfirmSignUp.Handler>();
        services.AddScoped<ExpiredSignUps>();
        services.AddSingleton<ExpiredSignUpsJob>();
        services.AddHostedService(s => s.GetRequiredService<ExpiredSignUpsJob>());
    }
}
