using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using MissionPortal.Core.Security;

namespace MissionPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public partial class PasswordRecoveryJourneyTests(BrowserPortal portal)
{
    private const string OldPassword = "Старый-пароль-министерства-1";
    private const string NewPassword = "Новый-пароль-министерства-2";

    [BrowserFact]
    public Task A_forgotten_password_is_recovered_from_the_login_page_through_the_link_in_the_eml_file() =>
        portal.JourneyAsync("password-recovery", async page =>
        {
            var email = await portal.CreateUserAsync(Roles.Ministry, OldPassword);

            await page.GotoAsync("/account/login");
            await page.GetByRole(AriaRole.Link, new() { Name = "Забыли пароль?" }).ClickAsync();
            await page.GetByLabel("Электронная почта").FillAsync(email);
            await page.GetByRole(AriaRole.Button, new() { Name = "Отправить ссылку" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("reset-link-sent")).ToContainTextAsync("Если этот адрес зарегистрирован на портале");

            // The message as a mail program opens it: the .eml file in mail/ under the data folder.
            var message = await WaitForMessageAsync(email);
            Assert.Equal("Восстановление пароля на портале бизнес-миссий", message.Subject);
            var link = ResetLink().Match(message.TextBody ?? string.Empty).Value;
            Assert.False(string.IsNullOrEmpty(link), message.TextBody);

            await page.GotoAsync(new Uri(link).PathAndQuery);
            await page.GetByLabel("Новый пароль (не меньше 12 символов)").FillAsync(NewPassword);
            await page.GetByLabel("Новый пароль ещё раз").FillAsync(NewPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить пароль" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync("Войдите с новым паролем");

            await page.GetByLabel("Электронная почта").FillAsync(email);
            await page.GetByLabel("Пароль", new() { Exact = true }).FillAsync(NewPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).Not.ToHaveTextAsync("Вход в портал");
            await Assertions.Expect(page.GetByTestId("current-user")).ToBeVisibleAsync();
            await BrowserPortal.ScreenshotAsync(page, "08-password-recovered");

            // The link is spent.
            await page.GotoAsync(new Uri(link).PathAndQuery);
            await Assertions.Expect(page.GetByTestId("link-invalid")).ToBeVisibleAsync();
        });

    private async Task<MimeMessage> WaitForMessageAsync(string email)
    {
        var folder = Path.Combine(portal.DataPath, "mail");
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.GetFiles(folder, "*-password-reset-*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == email))
                    {
                        return message;
                    }
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No password-reset message to {email} in {folder}.");
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
