namespace MissionPortal.Web.Infrastructure.Security;

public static class SecurityExtensions
{
    /// <summary>Session cookies and their checks, rate limits, security headers, and no Server header from Kestrel.</summary>
    public static WebApplicationBuilder AddPortalSecurity(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.AddPortalForwardedHeaders();
        builder.AddPortalPublicAddress();
        builder.AddPortalSessions();
        builder.AddPortalRateLimiting();
        builder.AddPortalSecurityHeaders();
        return builder;
    }

    /// <summary>
    /// After authentication: a signed-in user answered 404 is logged with the user id, as a 403 is
    /// (another company's record is a 404, so this is where probing for other companies' data shows).
    /// The re-executed error page itself is not logged again.
    /// </summary>
    public static WebApplication UseRefusedAccessLog(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionCookies));
        var identity = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Identity.IdentityOptions>>().Value.ClaimsIdentity;
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.StatusCode == StatusCodes.Status404NotFound
                && context.User.Identity?.IsAuthenticated == true
                && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
            {
                logger.LogWarning(
                    "Not found: user {UserId} to {Method} {Path}",
                    context.User.FindFirst(identity.UserIdClaimType)?.Value,
                    context.Request.Method,
                    context.Request.Path);
            }
        });
        return app;
    }

    /// <summary>
    /// First in the pipeline, so that every response carries the headers (pages, files, errors, redirects)
    /// and every cookie set further down is Secure and HttpOnly.
    /// </summary>
    public static WebApplication UsePortalSecurity(this WebApplication app)
    {
        app.UsePortalForwardedHeaders();
        app.UseSecurityHeaders();
        app.UsePortalHostCheck();
        app.UseCookiePolicy();
        return app;
    }
}
