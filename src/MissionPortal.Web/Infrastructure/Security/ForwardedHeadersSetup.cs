using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace MissionPortal.Web.Infrastructure.Security;

/// <summary>
/// Behind a reverse proxy (nginx, a load balancer) every request comes from the proxy's address. With
/// ForwardedHeaders:Enabled the portal takes the client's address and scheme from X-Forwarded-For and
/// X-Forwarded-Proto, but only from the proxies and networks listed: anyone else could name any address.
/// Off by default; rate limits and logs then see the connection's own address.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    public bool Enabled { get; set; }

    /// <summary>Addresses of the proxies whose headers are believed («10.0.0.5»).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR form («10.0.0.0/8»).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row may add an address; 1 for a single proxy in front of the portal.</summary>
    public int ForwardLimit { get; set; } = 1;
}

public static class ForwardedHeadersSetup
{
    internal static WebApplicationBuilder AddPortalForwardedHeaders(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        builder.Services.AddSingleton(settings);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = Math.Max(1, settings.ForwardLimit);
            if (settings.KnownProxies.Count > 0 || settings.KnownNetworks.Count > 0)
            {
                // The listed proxies replace the default (loopback only).
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
            }

            foreach (var proxy in settings.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            }

            foreach (var network in settings.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
            }
        });
        return builder;
    }

    /// <summary>First of all, when enabled: the rate limits, the logs and the HTTPS checks then see the client.</summary>
    internal static WebApplication UsePortalForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ForwardedHeadersSettings>().Enabled)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
