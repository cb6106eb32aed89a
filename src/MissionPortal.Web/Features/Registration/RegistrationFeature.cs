using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Registration;

/// <summary>Company sign-up.</summary>
public sealed class RegistrationFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddScoped<SignUp.Handler>();
        services.AddScoped<ConfirmSignUp.Handler>();
    }
}
