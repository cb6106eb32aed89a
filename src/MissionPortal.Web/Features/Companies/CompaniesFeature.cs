using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Companies;

/// <summary>The agency's queue of companies and the registry of companies.</summary>
public sealed class CompaniesFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddScoped<ApproveCompany.Handler>();
        services.AddScoped<RejectCompany.Handler>();
    }
}
