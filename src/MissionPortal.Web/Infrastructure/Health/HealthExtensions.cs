namespace MissionPortal.Web.Infrastructure.Health;

public static class HealthExtensions
{
    /// <summary>/health/live: the process answers. /health/ready: the database answers too.</summary>
    public static WebApplication MapPortalHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}
