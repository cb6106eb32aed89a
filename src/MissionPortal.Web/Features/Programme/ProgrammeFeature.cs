using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Programme;

/// <summary>The programme of a mission.</summary>
public sealed class ProgrammeFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddScoped<ProgrammeChangeLog>();
        services.AddScoped<ProgrammePages>();
        services.AddScoped<AddItem.Handler>();
        services.AddScoped<EditItem.Handler>();
        services.AddScoped<DuplicateItem.Handler>();
        services.AddScoped<DeleteItem.Handler>();
        services.AddScoped<RestoreItem.Handler>();
        services.AddScoped<MoveItem.Handler>();
        services.AddScoped<CopyDay.Handler>();
        services.AddScoped<AcknowledgeConflict.Handler>();
        services.AddScoped<ReviewProgramme.Handler>();
    }
}
