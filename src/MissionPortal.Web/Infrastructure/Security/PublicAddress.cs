using Microsoft.Extensions.Options;

namespace MissionPortal.Web.Infrastructure.Security;

/// <summary>Bound from the "Portal" section.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The address people reach the portal at (https://missions.example.ru): every absolute link starts with it.</summary>
    public string? PublicUrl { get; set; }
}

/// <summary>
/// The portal's public address. Absolute links (badge QR codes, calendar subscriptions, e-mails) are built from
/// <c>Portal:PublicUrl</c>, never from the Host header a client sends. In Production a request for any other
/// host is refused with 400 (health checks excepted, which probes send to the container's own address); with no
/// address configured only localhost is served, so <c>dotnet run</c> works as it is and a published portal asks for
/// its address.
/// </summary>
public static class PublicAddress
{
    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]", "::1"];

    public static WebApplicationBuilder AddPortalPublicAddress(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PortalOptions>().Bind(builder.Configuration.GetSection(PortalOptions.Section))
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicUrl) || Parse(o.PublicUrl) is not null,
                "Portal:PublicUrl must be an absolute http or https address, such as https://missions.example.ru")
            .ValidateOnStart();
        return builder;
    }

    /// <summary>The configured public address without a trailing slash, or null.</summary>
    public static Uri? Parse(string? url) =>
        Uri.TryCreate(url?.Trim().TrimEnd('/'), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query)
            ? uri
            : null;

    /// <summary>An absolute URL for <paramref name="localPath"/> (as Url.Action gives it): the public address, or the request's own when none is set.</summary>
    public static string Absolute(HttpContext context, string localPath)
    {
        var configured = Parse(context.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.PublicUrl);
        var root = configured is not null
            ? configured.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : $"{context.Request.Scheme}://{context.Request.Host.ToUriComponent()}";
        return root + localPath;
    }

    /// <summary>In Production, refuses requests whose Host is not the public address's (or localhost when none is set).</summary>
    public static WebApplication UsePortalHostCheck(this WebApplication app)
    {
        if (!app.Environment.IsProduction())
        {
            return app;
        }

        var configured = Parse(app.Services.GetRequiredService<IOptions<PortalOptions>>().Value.PublicUrl);
        var allowed = configured is null ? Loopback : [configured.Host];
        if (configured is null)
        {
            app.Logger.LogWarning(
                "Portal:PublicUrl is not set: only requests to localhost are served, and links in badges and calendars point to the address the request came to. Set Portal__PublicUrl to the portal's public address.");
        }

        app.Use(async (context, next) =>
        {
            var host = context.Request.Host.Host;
            if (!allowed.Contains(host, StringComparer.OrdinalIgnoreCase)
                && !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("Unknown host.");
                return;
            }

            await next(context);
        });
        return app;
    }
}
