namespace MissionPortal.Web.Infrastructure.Mvc;

/// <summary>
/// A feature adds its own queries and command handlers: one class per feature folder implements this, and the start-up
/// finds every such class in the assembly, so the infrastructure names no feature.
/// </summary>
public interface IFeatureServices
{
    void AddTo(IServiceCollection services);
}
