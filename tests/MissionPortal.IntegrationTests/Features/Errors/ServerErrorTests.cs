using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.IntegrationTests.Infrastructure;

namespace MissionPortal.IntegrationTests.Features.Errors;

/// <summary>An unhandled exception gives the portal's 500 page, without a stack trace outside Development.</summary>
public class ServerErrorTests
{
    [Fact]
    public async Task A_failure_shows_the_500_page_and_no_stack_trace()
    {
        using var factory = new FailingPortal();
        var client = factory.CreatePortalClient();

        using var response = await client.GetAsync("/testfailure/boom");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Equal("Ошибка на сервере", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain("TestFailureController", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
    }

    private sealed class FailingPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.AddControllersWithViews().AddApplicationPart(typeof(TestFailureController).Assembly));
        }
    }
}

/// <summary>An action that fails the way an unexpected bug would.</summary>
[AllowAnonymous]
public sealed class TestFailureController : Controller
{
    [HttpGet]
    public IActionResult Boom() => throw new InvalidOperationException("a deliberate failure with a secret detail");
}
