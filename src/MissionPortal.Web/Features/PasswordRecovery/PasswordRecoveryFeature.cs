using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.PasswordRecovery;

/// <summary>A forgotten password reset by a link, and a new address confirmed by a link.</summary>
public sealed class PasswordRecoveryFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddScoped<SendResetLink.Handler>();
        services.AddScoped<ResetPassword.Handler>();
        services.AddScoped<ConfirmEmail.Handler>();
    }
}
