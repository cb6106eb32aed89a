using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Reports;

/// <summary>The mission report and its figures.</summary>
public sealed class ReportsFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddScoped<ReportQueries>();
        services.AddScoped<ReportText>();
        services.AddScoped<MissionFiguresQuery>();

        // The report's figures add up every source registered here; another source of meetings or contacts is one more line.
        services.AddScoped<IMissionFiguresSource, ParticipationFigures>();
        services.AddScoped<IMissionFiguresSource, CompanyOutcomeFigures>();
        services.AddScoped<IMissionFiguresSource, AgreementFigures>();
        services.AddScoped<IMissionFiguresSource, ProgrammeFigures>();
    }
}
