namespace MissionPortal.Web.Infrastructure.Security;

public static class SecurityExtensions
{
    /// <summary>Session cookies and their checks, rate limits, security headers, and no Server header from Kestrel.</summary>
    public static WebApplicationBuilder AddPortalSecurity(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.AddPortalSessions();
        builder.AddPortalRateLimiting();
        builder.AddPortalSecurityHeaders();
        return builder;
    }

    /// <summary>
    /// First in the pipeline, so that every response carries the headers (pages, files, errors, redirects)
    /// and every cookie set further down is Secure and HttpOnly.
    /// </summary>
    public static WebApplication UsePortalSecurity(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseCookiePolicy();
        return app;
    }
}
