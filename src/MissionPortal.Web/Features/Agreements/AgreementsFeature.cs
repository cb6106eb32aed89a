using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Agreements;

/// <summary>The agreements registry.</summary>
public sealed class AgreementsFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddScoped<AgreementQueries>();
        services.AddScoped<SaveAgreement.Handler>();
        services.AddScoped<MoveAgreement.Handler>();
        services.AddScoped<AttachAgreementDocument.Handler>();
    }
}
