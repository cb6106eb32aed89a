using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MissionPortal.Core.Data;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.Web.Infrastructure.Security;

/// <summary>
/// The sign-in cookie and the antiforgery cookie: __Host- prefixed (HTTPS only, whole site, no Domain),
/// HttpOnly, SameSite. A session ends after 30 idle minutes, 12 hours after sign-in whatever the activity,
/// and at once when the user's security stamp changes (logout, password or e-mail change, new roles, lock).
/// </summary>
public static class SessionCookies
{
    public const string AuthCookieName = "__Host-MissionPortal.Auth";
    public const string AntiforgeryCookieName = "__Host-MissionPortal.Antiforgery";
    public const string TempDataCookieName = "__Host-MissionPortal.TempData";

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);

    /// <summary>When the session began, kept in the ticket's properties across sliding renewals.</summary>
    public const string SessionStartItem = ".mp.session-start";

    internal static WebApplicationBuilder AddPortalSessions(this WebApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<SessionStampCache>();

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = AuthCookieName;
            options.Cookie.Path = "/";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            // Lax, not Strict: a link to the portal from a letter must open the page signed in; forms carry antiforgery tokens.
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.IsEssential = true;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.Events.OnSigningIn = OnSigningIn;
            options.Events.OnValidatePrincipal = ValidatePrincipalAsync;
            options.Events.OnRedirectToAccessDenied = OnAccessDenied;
        });

        builder.Services.Configure<AntiforgeryOptions>(options =>
        {
            options.Cookie.Name = AntiforgeryCookieName;
            options.Cookie.Path = "/";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            // Not Always here: antiforgery would then refuse every plain-http request, even on loopback
            // (dotnet run, the browser tests). The cookie policy below marks it Secure all the same.
            options.Cookie.SecurePolicy = CookieSecurePolicy.None;
        });

        builder.Services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = TempDataCookieName;
            options.Cookie.Path = "/";
        });

        // Every cookie the portal sets is Secure and HttpOnly, whatever the code that sets it asked for.
        // Browsers accept and return Secure cookies on http://localhost and http://127.0.0.1 as on https.
        builder.Services.Configure<CookiePolicyOptions>(options =>
        {
            options.Secure = CookieSecurePolicy.Always;
            options.HttpOnly = HttpOnlyPolicy.Always;
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        return builder;
    }

    private static Task OnSigningIn(CookieSigningInContext context)
    {
        // A new sign-in starts a new session; a refresh (after a password change) keeps the start it had.
        if (!context.Properties.Items.ContainsKey(SessionStartItem))
        {
            context.Properties.Items[SessionStartItem] = Now(context.Options).ToString("O", CultureInfo.InvariantCulture);
        }

        // The stamp just read from the database is the current one: the first page after sign-in needs no lookup.
        var identity = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        if (context.Principal?.FindFirst(identity.UserIdClaimType)?.Value is { } userId
            && context.Principal.FindFirst(identity.SecurityStampClaimType)?.Value is { } stamp)
        {
            context.HttpContext.RequestServices.GetRequiredService<SessionStampCache>().Remember(userId, stamp);
        }

        return Task.CompletedTask;
    }

    private static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var identity = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = context.Principal?.FindFirst(identity.UserIdClaimType)?.Value;
        var started = context.Properties.Items.TryGetValue(SessionStartItem, out var value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var start)
                ? start
                : (DateTimeOffset?)null;

        if (userId is null || started is null || Now(context.Options) - started > AbsoluteTimeout)
        {
            await RefuseAsync(context, userId, "the session is older than 12 hours");
            return;
        }

        try
        {
            var stamps = services.GetRequiredService<SessionStampCache>();
            var current = await stamps.GetAsync(userId, services.GetRequiredService<PortalDbContext>(), http.RequestAborted);
            if (current != context.Principal!.FindFirst(identity.SecurityStampClaimType)?.Value)
            {
                await RefuseAsync(context, userId, "the session was ended (logout, password change, new roles or lock)");
                return;
            }

            // Identity's own check, at its interval: reloads roles and claims from the database.
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }
        catch (Exception failure) when (DatabaseFailure.Is(failure))
        {
            // The cookie stays: this request goes on anonymous and gets the 503 page; the session resumes when the database returns.
            DatabaseFailure.Mark(http);
            context.RejectPrincipal();
        }
    }

    private static async Task RefuseAsync(CookieValidatePrincipalContext context, string? userId, string reason)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
        Logger(context.HttpContext).LogInformation("Session of user {UserId} refused: {Reason}", userId, reason);
    }

    private static Task OnAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        // A signed-in user without the right gets 403 and the portal's 403 page, not a redirect.
        var http = context.HttpContext;
        var identity = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        Logger(http).LogWarning(
            "Access denied: user {UserId} to {Method} {Path}",
            http.User.FindFirst(identity.UserIdClaimType)?.Value,
            http.Request.Method,
            http.Request.Path);
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    private static DateTimeOffset Now(CookieAuthenticationOptions options) => (options.TimeProvider ?? TimeProvider.System).GetUtcNow();

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionCookies));
}
