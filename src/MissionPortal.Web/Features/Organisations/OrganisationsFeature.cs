using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Organisations;

/// <summary>The organisations registry.</summary>
public sealed class OrganisationsFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddScoped<OrganisationList>();
        services.AddScoped<SaveOrganisation.Handler>();
        services.AddScoped<MergeOrganisations.Handler>();
    }
}
