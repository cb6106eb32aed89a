namespace MissionPortal.Web.Infrastructure.Mvc;

/// <summary>
/// The files under wwwroot, as the build describes them: each has a fingerprinted address (name.{hash}.css) cached for
/// a year as immutable, and a gzip copy (gzip and Brotli after publish) sent to a client that accepts it. The layout
/// links them with asp-append-version, which writes the fingerprinted address. The plain address still answers, with
/// an ETag and no-cache, so /robots.txt and old links keep working.
/// </summary>
public static class StaticAssets
{
    private const string CachingSetting = "EnableStaticAssetsDevelopmentCaching";

    /// <summary>
    /// Run from a build in any environment (the tests run as Testing), the build's compressed copies under obj/ are
    /// found as in Development; a published portal has no such map and this does nothing.
    /// </summary>
    public static WebApplicationBuilder AddPortalStaticAssets(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    /// <summary>
    /// Answered as soon as routing has matched (short-circuit): files are public, and a stylesheet costs no session
    /// check, no authorization and no request log line, as with the static file middleware before.
    /// </summary>
    public static WebApplication MapPortalStaticAssets(this WebApplication app)
    {
        // Run from a build (dotnet run, the tests) rather than a publish, the framework would answer every file
        // no-cache, for hot reload. A fingerprinted address changes with its content, so it is cached as published.
        app.Configuration[CachingSetting] ??= "true";
        // Nor a catch-all route for files missing from the map: /calendar/{key}.ics would match it (405 to a POST,
        // the key in its log line).
        app.Configuration["DisableStaticAssetNotFoundRuntimeFallback"] ??= "true";
        app.MapStaticAssets().ShortCircuit();
        return app;
    }
}
