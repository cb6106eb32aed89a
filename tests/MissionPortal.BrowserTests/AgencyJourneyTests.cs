using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.BrowserTests;

/// <summary>
/// The users' first journeys. Waits are on what the user sees (address, heading), never on load events:
/// Playwright's auto-waiting assertions poll until the page shows it.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class AgencyJourneyTests(BrowserPortal portal)
{
    [BrowserFact]
    public Task The_agency_logs_in_opens_the_Kaluga_mission_and_sees_both_days() =>
        portal.JourneyAsync("agency-kaluga-mission", async page =>
        {
            await page.GotoAsync("/");
            Assert.EndsWith("/account/login?ReturnUrl=%2F", page.Url, StringComparison.Ordinal);
            await BrowserPortal.ScreenshotAsync(page, "01-login");

            await page.GetByLabel("Электронная почта").FillAsync(DemoOptions.AgencyEmail);
            await page.GetByLabel("Пароль").FillAsync(DemoOptions.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(HomeUrl());
            Assert.Equal("Агентство: рабочий стол", (await page.Locator("h1").InnerTextAsync()).Trim());
            await BrowserPortal.ScreenshotAsync(page, "02-agency-home");

            await page.Locator("[data-testid=upcoming-missions]").GetByRole(AriaRole.Link, new() { Name = DemoData.KalugaMissionTitle }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(DetailsUrl());

            var days = page.Locator("[data-testid=programme-day]");
            Assert.Equal(2, await days.CountAsync());
            Assert.Contains("10 декабря", await days.Nth(0).Locator("h3").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("11 декабря", await days.Nth(1).Locator("h3").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("Железногорск", await days.Nth(1).InnerTextAsync(), StringComparison.Ordinal);

            // On a wide screen the two days stand side by side.
            var first = await days.Nth(0).BoundingBoxAsync();
            var second = await days.Nth(1).BoundingBoxAsync();
            Assert.True(second!.X > first!.X + first.Width - 1, "the days are side by side on a wide screen");
            Assert.Equal(first.Y, second.Y, 1.0);
            await BrowserPortal.ScreenshotAsync(page, "03-agency-kaluga-mission");
        });

    [BrowserFact]
    public Task On_a_phone_the_days_stand_one_under_another() =>
        portal.JourneyAsync(
            "petersburg-mission-phone",
            async page =>
            {
                await LoginAsync(page, DemoOptions.AgencyEmail);
                await page.GotoAsync("/missions");
                await page.GetByRole(AriaRole.Link, new() { Name = DemoData.PetersburgMissionTitle }).ClickAsync();
                await Assertions.Expect(page).ToHaveURLAsync(DetailsUrl());

                var days = page.Locator("[data-testid=programme-day]");
                var first = await days.Nth(0).BoundingBoxAsync();
                var second = await days.Nth(1).BoundingBoxAsync();

                Assert.True(second!.Y > first!.Y + first.Height - 1, "the days stack on a narrow screen");
                await BrowserPortal.ScreenshotAsync(page, "04-petersburg-mission-phone");
            },
            width: 390,
            height: 844);

    [BrowserFact]
    public Task The_ministry_sees_the_delegations_and_their_heads() =>
        portal.JourneyAsync("ministry-home", async page =>
        {
            await LoginAsync(page, DemoOptions.MinistryEmail);
            Assert.Equal("Министерство: миссии и делегации", (await page.Locator("h1").InnerTextAsync()).Trim());
            Assert.Contains("Говорунов Александр Николаевич", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserPortal.ScreenshotAsync(page, "05-ministry-home");
        });

    [BrowserFact]
    public Task The_company_sees_its_products_and_switches_to_English() =>
        portal.JourneyAsync("company-home-en", async page =>
        {
            await LoginAsync(page, DemoOptions.CompanyEmail);
            Assert.Equal(DemoData.FirstKalugaCompanyName, (await page.Locator("h1").InnerTextAsync()).Trim());
            await page.GetByRole(AriaRole.Button, new() { Name = "EN" }).ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            Assert.Contains("Your products", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserPortal.ScreenshotAsync(page, "06-company-home-en");
        });

    private static async Task LoginAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Электронная почта").FillAsync(email);
        await page.GetByLabel("Пароль").FillAsync(DemoOptions.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(HomeUrl());
    }

    [GeneratedRegex(@"^https?://[^/]+/$")]
    private static partial Regex HomeUrl();

    [GeneratedRegex(@"/missions/details/\d+$")]
    private static partial Regex DetailsUrl();
}
