using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Profile;

/// <summary>A company's own profile.</summary>
public sealed class ProfileFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services) => services.AddScoped<SaveProfile.Handler>();
}
