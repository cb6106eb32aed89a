using System.Net;
using Microsoft.EntityFrameworkCore;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Account;

[Collection(PortalCollection.Name)]
public class LoginTests(PortalFactory factory)
{
    [Fact]
    public async Task The_login_page_is_Russian_and_lists_the_demo_accounts_in_demo_mode()
    {
        var page = await factory.CreatePortalClient().GetPageAsync("/account/login");

        Assert.Equal("ru", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Вход в портал", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var demo = page.QuerySelector("[data-testid=demo-accounts]")!.TextContent;
        Assert.Contains(DemoOptions.AgencyEmail, demo, StringComparison.Ordinal);
        Assert.Contains(DemoOptions.MinistryEmail, demo, StringComparison.Ordinal);
        Assert.Contains(DemoOptions.CompanyEmail, demo, StringComparison.Ordinal);
        Assert.Contains(DemoOptions.Password, demo, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoOptions.AgencyEmail, "Агентство: рабочий стол")]
    [InlineData(DemoOptions.MinistryEmail, "Министерство: миссии и делегации")]
    public async Task Each_staff_account_logs_in_and_sees_its_home_page(string email, string heading)
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(email);

        var home = await client.GetPageAsync("/");

        Assert.Equal(heading, home.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Торгово-экономическая миссия предпринимателей и инноваторов Калужской области", home.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_company_account_sees_its_company_its_mission_and_its_products()
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.CompanyEmail);

        var home = await client.GetPageAsync("/");

        Assert.Equal(MissionPortal.Core.Data.Demo.DemoData.FirstKalugaCompanyName, home.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Калужской области", home.QuerySelector("[data-testid=company-missions]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Санкт-Петербург", home.QuerySelector("[data-testid=company-missions]")!.TextContent, StringComparison.Ordinal);
        Assert.True(home.QuerySelectorAll("[data-testid=company-products] li").Length >= 2);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_Russian_message_and_locks_nothing()
    {
        var client = factory.CreatePortalClient();

        using var response = await client.LoginAsync(DemoOptions.MinistryEmail, "не тот пароль совсем");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Адрес или пароль не подходят: проверьте раскладку клавиатуры и введите их ещё раз.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(response.Headers.Location);
        var lockoutEnd = await factory.QueryAsync(db => db.Users.Where(u => u.Email == DemoOptions.MinistryEmail).Select(u => u.LockoutEnd).SingleAsync());
        Assert.Null(lockoutEnd);
    }

    [Fact]
    public async Task Empty_fields_get_messages_and_nobody_is_signed_in()
    {
        var client = factory.CreatePortalClient();

        using var response = await client.SubmitFormAsync("/account/login", "form[action='/account/login']", [new("Email", ""), new("Password", "")]);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Введите адрес электронной почты.", html, StringComparison.Ordinal);
        Assert.Contains("Введите пароль.", html, StringComparison.Ordinal);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored()
    {
        var client = factory.CreatePortalClient();

        using var response = await client.SubmitFormAsync(
            "/account/login?returnUrl=%2Fmissions",
            "form[action='/account/login']",
            [new("Email", DemoOptions.AgencyEmail), new("Password", DemoOptions.Password), new("ReturnUrl", "https://evil.example/")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_local_return_url_is_followed_and_logout_ends_the_session()
    {
        var client = factory.CreatePortalClient();
        using (var login = await client.SubmitFormAsync(
            "/account/login",
            "form[action='/account/login']",
            [new("Email", DemoOptions.AgencyEmail), new("Password", DemoOptions.Password), new("ReturnUrl", "/missions")]))
        {
            Assert.Equal("/missions", login.Headers.Location!.OriginalString);
        }

        var token = await client.AntiforgeryTokenAsync("/missions");
        using var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        using var after = await client.GetAsync("/missions");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
