using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Account;

/// <summary>Signing in and out, and one's own password and address.</summary>
public sealed class AccountFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddScoped<Login.Handler>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<CurrentPassword>();
        services.AddScoped<ChangePassword.Handler>();
        services.AddScoped<ChangeEmail.Handler>();
    }
}
