using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;
using MissionPortal.Web.Infrastructure.Security;

namespace MissionPortal.IntegrationTests.Security;

/// <summary>A portal of its own with low limits an hour per address: 3 logins, 2 sign-ups, 2 uploads.</summary>
public class RateLimitedPortalFactory : PortalFactory
{
    public const int LoginLimit = 3;
    public const int SignUpLimit = 2;
    public const int UploadsLimit = 2;

    protected virtual IEnumerable<(string Policy, int Limit)> Limits => [("Login", LoginLimit)];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (policy, limit) in Limits)
        {
            builder.UseSetting($"RateLimiting:{policy}:PermitLimit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting($"RateLimiting:{policy}:WindowSeconds", "3600");
        }
    }
}

/// <summary>The same with sign-ups and uploads limited and logins not, so the upload test can sign in.</summary>
public sealed class FormRateLimitedPortalFactory : RateLimitedPortalFactory
{
    protected override IEnumerable<(string Policy, int Limit)> Limits => [("SignUp", SignUpLimit), ("Uploads", UploadsLimit)];
}

public sealed class RateLimitTests(RateLimitedPortalFactory factory) : IClassFixture<RateLimitedPortalFactory>
{
    /// <summary>An action that takes a file, now or added later, must carry the Uploads policy.</summary>
    [Fact]
    public void Every_action_that_takes_a_file_is_rate_limited_as_an_upload()
    {
        var actions = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => (Endpoint: e, Action: e.Metadata.GetMetadata<ControllerActionDescriptor>()))
            .Where(x => x.Action is not null && x.Action.Parameters.Any(p => TakesFile(p.ParameterType)))
            .ToList();

        Assert.NotEmpty(actions);
        var unlimited = actions
            .Where(x => x.Endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName != RateLimitPolicies.Uploads)
            .Select(x => x.Endpoint.DisplayName)
            .ToList();
        Assert.True(unlimited.Count == 0, "Uploads without the Uploads rate limit:\n" + string.Join("\n", unlimited));
    }

    private static bool TakesFile(Type type) =>
        typeof(IFormFile).IsAssignableFrom(type)
        || typeof(IEnumerable<IFormFile>).IsAssignableFrom(type)
        || (type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("MissionPortal", StringComparison.Ordinal) == true
            && type.GetProperties().Any(p => typeof(IFormFile).IsAssignableFrom(p.PropertyType) || typeof(IEnumerable<IFormFile>).IsAssignableFrom(p.PropertyType)));

    [Fact]
    public async Task Login_attempts_past_the_limit_get_429_in_Russian_and_never_reach_the_password_check()
    {
        var client = factory.CreatePortalClient();
        for (var attempt = 0; attempt < RateLimitedPortalFactory.LoginLimit; attempt++)
        {
            using var wrong = await client.LoginAsync(DemoOptions.MinistryEmail, "неверный пароль номер " + attempt);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var refused = await client.LoginAsync(DemoOptions.MinistryEmail, DemoOptions.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "a Retry-After header tells when to come back");
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Слишком много запросов", html, StringComparison.Ordinal);
        Assert.Contains("Подождите минуту и повторите.", html, StringComparison.Ordinal);
        // The right password went unchecked: no sign-in cookie, and the client is still a stranger.
        Assert.DoesNotContain(refused.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal));
        using (var home = await client.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
            Assert.Contains("/account/login", home.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        // Reading the login page is not limited; only the POST is.
        using var page = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}

public sealed class FormRateLimitTests(FormRateLimitedPortalFactory factory) : IClassFixture<FormRateLimitedPortalFactory>
{
    [Fact]
    public async Task Sign_ups_past_the_limit_get_429_and_register_nothing()
    {
        var client = factory.CreatePortalClient();
        var before = await factory.QueryAsync(db => db.Organizations.CountAsync());
        for (var attempt = 0; attempt < RateLimitedPortalFactory.SignUpLimit; attempt++)
        {
            using var invalid = await client.SubmitFormAsync("/registration", "form[data-testid=signup-form]", [new("Email", "")]);
            Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        }

        using var refused = await client.SubmitFormAsync("/registration", "form[data-testid=signup-form]", [new("Email", "")]);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Слишком много запросов", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Organizations.CountAsync()));
    }

    [Fact]
    public async Task Uploads_past_the_limit_get_429_and_store_nothing()
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.CompanyEmail);
        var before = await factory.QueryAsync(db => db.Products.IgnoreQueryFilters().CountAsync());
        for (var attempt = 0; attempt < RateLimitedPortalFactory.UploadsLimit; attempt++)
        {
            using var invalid = await client.SubmitFormAsync("/products/new", "form[data-testid=product-form]", [new("Name", "")]);
            Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        }

        using var refused = await client.SubmitFormAsync("/products/new", "form[data-testid=product-form]", [new("Name", "")]);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(before, await factory.QueryAsync(db => db.Products.IgnoreQueryFilters().CountAsync()));
    }
}
