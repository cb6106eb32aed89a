using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MissionPortal.Core.Security;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Features.Account;

namespace MissionPortal.IntegrationTests.Security;

/// <summary>
/// A portal whose clients each come from the address in their X-Test-Client header, as different machines would, and
/// whose clock stands still unless the test moves it, so waits are the same for every request.
/// </summary>
public sealed class ManyClientsPortalFactory : PortalFactory
{
    public const string Header = "X-Test-Client";

    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimiting:Login:PermitLimit", "1000");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new ConnectionFromHeader());
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public HttpClient ClientFrom(string address)
    {
        var client = CreatePortalClient();
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    private sealed class ConnectionFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return following(context);
            });
            next(app);
        };
    }
}

/// <summary>OWASP ASVS 2.2.1 and 3.2: guessing is slowed for the guesser only, and no answer tells whether an account exists.</summary>
public sealed class LockoutTests(ManyClientsPortalFactory factory) : IClassFixture<ManyClientsPortalFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Wrong_passwords_from_a_stranger_neither_lock_the_account_nor_tell_that_it_exists()
    {
        var email = await factory.CreateUserAsync(Roles.Ministry);
        var nobody = $"nobody-{Guid.NewGuid():N}@example.ru";
        var stranger = factory.ClientFrom("203.0.113.66");

        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var known = await RefusalAsync(stranger, email, "совершенно неверный пароль");
            var unknown = await RefusalAsync(stranger, nobody, "совершенно неверный пароль");
            Assert.Equal(Normalized(unknown, nobody), Normalized(known, email));
        }

        // The stranger is now made to wait, for the known and the unknown address alike.
        Assert.Contains("Повторите через", await RefusalAsync(stranger, email, Accounts.Password), StringComparison.Ordinal);
        Assert.Contains("Повторите через", await RefusalAsync(stranger, nobody, Accounts.Password), StringComparison.Ordinal);

        // The wait ends: the stranger may try again (and is slowed down further on the next failure).
        factory.Clock.UtcNow += SignInThrottle.MaxDelay;
        Assert.Equal("Адрес или пароль не подходят: проверьте раскладку клавиатуры и введите их ещё раз.", await RefusalAsync(stranger, email, "совершенно неверный пароль"));

        // Nothing was locked: the owner signs in at once from their own machine.
        var lockoutEnd = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.Null(lockoutEnd);
        var owner = factory.ClientFrom("198.51.100.7");
        using (await owner.LoginAsAsync(email, Accounts.Password))
        {
        }
    }

    [Fact]
    public async Task An_account_locked_by_the_agency_reads_as_any_other_to_who_does_not_know_its_password()
    {
        var email = await factory.CreateUserAsync(Roles.Ministry);
        await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(
            set => set.SetProperty(u => u.LockoutEnabled, true).SetProperty(u => u.LockoutEnd, DateTimeOffset.MaxValue)));
        var client = factory.ClientFrom("203.0.113.67");

        Assert.Equal("Адрес или пароль не подходят: проверьте раскладку клавиатуры и введите их ещё раз.", await RefusalAsync(client, email, "совершенно неверный пароль"));
        Assert.Contains("заблокирована", await RefusalAsync(client, email, Accounts.Password), StringComparison.Ordinal);
    }

    private static async Task<string> RefusalAsync(HttpClient client, string email, string password)
    {
        using var response = await client.LoginAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return page.QuerySelector(".validation-summary-errors")?.TextContent.Trim() ?? string.Empty;
    }

    private static string Normalized(string refusal, string email) => refusal.Replace(email, "EMAIL", StringComparison.Ordinal);
}
