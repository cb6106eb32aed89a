using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.IntegrationTests.Infrastructure;

namespace MissionPortal.IntegrationTests.Security;

/// <summary>
/// A portal behind a proxy at 10.0.0.5: every connection comes from that address, as it would through nginx;
/// logins are limited to <see cref="RateLimitedPortalFactory.LoginLimit"/> per client address.
/// </summary>
public abstract class BehindProxyPortalFactory(params (string Key, string Value)[] settings) : RateLimitedPortalFactory
{
    public const string Proxy = "10.0.0.5";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new ConnectionFrom(IPAddress.Parse(Proxy))));
    }

    private sealed class ConnectionFrom(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = address;
                return following(context);
            });
            next(app);
        };
    }
}

public sealed class TrustedProxyPortalFactory() : BehindProxyPortalFactory(("ForwardedHeaders:Enabled", "true"), ("ForwardedHeaders:KnownProxies:0", Proxy));

public sealed class UntrustedProxyPortalFactory() : BehindProxyPortalFactory(("ForwardedHeaders:Enabled", "true"), ("ForwardedHeaders:KnownNetworks:0", "192.168.0.0/16"));

public sealed class ForwardingOffPortalFactory() : BehindProxyPortalFactory;

public sealed class ForwardedHeadersTests :
    IClassFixture<TrustedProxyPortalFactory>, IClassFixture<UntrustedProxyPortalFactory>, IClassFixture<ForwardingOffPortalFactory>
{
    private readonly TrustedProxyPortalFactory _trusted;
    private readonly UntrustedProxyPortalFactory _untrusted;
    private readonly ForwardingOffPortalFactory _off;

    public ForwardedHeadersTests(TrustedProxyPortalFactory trusted, UntrustedProxyPortalFactory untrusted, ForwardingOffPortalFactory off)
    {
        _trusted = trusted;
        _untrusted = untrusted;
        _off = off;
    }

    /// <summary>Uses up one client's login allowance, then tries once as another client; the second client's answer.</summary>
    private static async Task<HttpStatusCode> SecondClientAfterFirstIsLimitedAsync(PortalFactory factory)
    {
        var first = factory.CreatePortalClient();
        first.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        for (var attempt = 0; attempt < RateLimitedPortalFactory.LoginLimit; attempt++)
        {
            using var wrong = await first.LoginAsync($"nobody-{attempt}@example.ru", "Неверный-пароль-2026");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using (var limited = await first.LoginAsync("nobody@example.ru", "Неверный-пароль-2026"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        }

        var second = factory.CreatePortalClient();
        second.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.8");
        using var response = await second.LoginAsync("someone@example.ru", "Неверный-пароль-2026");
        return response.StatusCode;
    }

    [Fact]
    public async Task Behind_a_known_proxy_rate_limits_count_each_client_address_apart()
    {
        Assert.Equal(HttpStatusCode.OK, await SecondClientAfterFirstIsLimitedAsync(_trusted));
    }

    [Fact]
    public async Task Forwarded_addresses_from_a_proxy_not_listed_are_ignored()
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, await SecondClientAfterFirstIsLimitedAsync(_untrusted));
    }

    [Fact]
    public async Task Forwarded_headers_are_off_by_default_and_every_client_counts_as_the_proxy()
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, await SecondClientAfterFirstIsLimitedAsync(_off));
    }
}
