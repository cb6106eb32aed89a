using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public partial class AccountJourneyTests(BrowserPortal portal)
{
    [BrowserFact]
    public Task The_ministry_opens_its_account_page_and_a_wrong_current_password_is_refused() =>
        portal.JourneyAsync("my-account", async page =>
        {
            await page.GotoAsync("/account/login");
            await page.GetByLabel("Электронная почта").FillAsync(DemoOptions.MinistryEmail);
            await page.GetByLabel("Пароль").FillAsync(DemoOptions.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(HomeUrl());

            await page.GetByTestId("current-user").ClickAsync();
            await page.GetByTestId("user-menu").GetByRole(AriaRole.Link, new() { Name = "Моя учётная запись" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(ManageUrl());
            var email = page.Locator("form[data-testid=change-email]");
            await email.GetByLabel("Новый адрес (он же логин)").FillAsync("ministry-new@demo.local");
            await email.GetByLabel("Текущий пароль").FillAsync("не тот пароль вовсе");
            await email.GetByRole(AriaRole.Button, new() { Name = "Сменить адрес" }).ClickAsync();

            await Assertions.Expect(email.GetByText("Текущий пароль не подходит: введите его ещё раз.")).ToBeVisibleAsync();
            Assert.Contains(DemoOptions.MinistryEmail, await page.Locator("[data-testid=account-email]").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserPortal.ScreenshotAsync(page, "07-my-account");
        });

    [GeneratedRegex(@"^https?://[^/]+/$")]
    private static partial Regex HomeUrl();

    [GeneratedRegex(@"/account/(manage|changeemail)$")]
    private static partial Regex ManageUrl();
}
