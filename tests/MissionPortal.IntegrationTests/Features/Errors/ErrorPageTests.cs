using System.Net;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Errors;

[Collection(PortalCollection.Name)]
public class ErrorPageTests(PortalFactory factory)
{
    [Fact]
    public async Task An_unknown_address_gets_the_portals_404_page_in_Russian()
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.AgencyEmail);

        var page = await client.GetPageAsync("/no-such-page/at-all", HttpStatusCode.NotFound);

        Assert.Equal("Страница не найдена", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("nav.navbar"));
    }

    [Theory]
    [InlineData("GET", 400, "Запрос не принят")]
    [InlineData("POST", 400, "Запрос не принят")]
    [InlineData("POST", 405, "Запрос не принят")]
    [InlineData("POST", 413, "Запрос не принят")]
    [InlineData("POST", 403, "Доступ запрещён")]
    [InlineData("POST", 404, "Страница не найдена")]
    [InlineData("POST", 429, "Слишком много запросов")]
    [InlineData("POST", 500, "Ошибка на сервере")]
    [InlineData("POST", 503, "Портал временно недоступен")]
    public async Task Every_error_path_answers_its_own_status_with_its_own_page(string method, int code, string title)
    {
        var client = factory.CreatePortalClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/error/{code}")
        {
            // The 400 comes from a form with a NUL, as a real one does; the other codes from a plain form.
            Content = method == "POST" ? new FormUrlEncodedContent([new("Name", code == 400 ? "с\0нулём" : "Иванов")]) : null,
        });

        Assert.Equal(code, (int)response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector("[data-testid=error-page]"));
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_404_page_switches_to_English()
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.AgencyEmail);
        using var switched = await client.SwitchLanguageAsync("en-US", "/");

        var page = await client.GetPageAsync("/no-such-page", HttpStatusCode.NotFound);

        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Bad_ids_never_give_a_500()
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.AgencyEmail);

        foreach (var url in new[] { "/missions/details/abc", "/missions/details/-1", "/missions/details/99999999999", "/users/edit/nobody" })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
        }
    }
}
