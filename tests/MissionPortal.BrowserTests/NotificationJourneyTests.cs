using Microsoft.Playwright;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.BrowserTests;

/// <summary>A company hears of its approval in the header, opens the notice, and chooses what comes by e-mail.</summary>
[Collection(BrowserCollection.Name)]
public class NotificationJourneyTests(BrowserPortal portal)
{
    [BrowserFact]
    public Task A_company_sees_its_notices_in_the_header_opens_one_and_switches_a_kind_off() =>
        portal.JourneyAsync("notifications", async company =>
        {
            var agency = await portal.NewPageAsync();
            try
            {
                await company.GotoAsync("/registration");
                await company.GetByLabel("Электронная почта").FillAsync("director@enisey-techno.ru");
                await company.GetByLabel("Пароль (не меньше 12 символов)").FillAsync("Енисей-техно-2026-пароль");
                await company.GetByLabel("Название компании").FillAsync("ООО «Енисей Техно»");
                await company.GetByLabel("ИНН").FillAsync("2460069527");
                await company.GetByLabel("ОГРН или ОГРНИП").FillAsync("1052460054327");
                await company.GetByLabel("Регион").SelectOptionAsync(new SelectOptionValue { Label = "Красноярский край" });
                await company.GetByLabel("Отрасль").FillAsync("Электроника");
                await company.GetByLabel("Фамилия, имя, отчество").FillAsync("Соколова Вера Петровна");
                await company.GetByLabel("Телефон").FillAsync("8 (391) 222-33-44");
                await company.GetByLabel("Я даю согласие на обработку моих персональных данных на этих условиях (152-ФЗ).").CheckAsync();
                await company.GetByRole(AriaRole.Button, new() { Name = "Зарегистрироваться" }).ClickAsync();
                await Assertions.Expect(company.GetByTestId("sign-up-sent")).ToBeVisibleAsync();

                // The link in the letter, as a mail program opens the .eml file; then signing in as usual.
                await company.GotoAsync(await portal.ConfirmationLinkAsync("director@enisey-techno.ru"));
                await company.GetByRole(AriaRole.Button, new() { Name = "Подтвердить адрес" }).ClickAsync();
                await Assertions.Expect(company.GetByTestId("message")).ToContainTextAsync("подтверждён");
                await company.GetByLabel("Электронная почта").FillAsync("director@enisey-techno.ru");
                await company.GetByLabel("Пароль", new() { Exact = true }).FillAsync("Енисей-техно-2026-пароль");
                await company.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
                await Assertions.Expect(company.GetByTestId("unread-count")).ToHaveTextAsync("1");

                await agency.GotoAsync("/account/login");
                await agency.GetByLabel("Электронная почта").FillAsync(DemoOptions.AgencyEmail);
                await agency.GetByLabel("Пароль").FillAsync(DemoOptions.Password);
                await agency.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
                await agency.GotoAsync("/companies");
                await agency.GetByTestId("pending-company").Filter(new() { HasText = "ООО «Енисей Техно»" })
                    .GetByRole(AriaRole.Button, new() { Name = "Подтвердить" }).ClickAsync();
                await Assertions.Expect(agency.GetByTestId("message")).ToContainTextAsync("подтверждена");

                // The header counts both; the list shows the newest first; opening one leads to its page.
                await company.GotoAsync("/");
                await Assertions.Expect(company.GetByTestId("unread-count")).ToHaveTextAsync("2");
                await company.GetByTestId("notifications-link").ClickAsync();
                await Assertions.Expect(company.GetByTestId("notification")).ToHaveCountAsync(2);
                await Assertions.Expect(company.GetByTestId("notification").First).ToContainTextAsync("Компания «ООО „Енисей Техно“» одобрена");
                await BrowserPortal.ScreenshotAsync(company, "notifications-list");
                await company.GetByRole(AriaRole.Link, new() { Name = "Компания «ООО „Енисей Техно“» одобрена" }).ClickAsync();
                await Assertions.Expect(company).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/company$"));
                await Assertions.Expect(company.GetByTestId("unread-count")).ToHaveTextAsync("1");

                // What comes by e-mail: every kind is ticked until switched off.
                await company.GotoAsync("/account/manage");
                await company.GetByTestId("notification-settings-link").ClickAsync();
                var b2b = company.GetByLabel("Получен запрос на B2B-встречу");
                await Assertions.Expect(b2b).ToBeCheckedAsync();
                await b2b.UncheckAsync();
                await company.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
                await Assertions.Expect(company.GetByTestId("message")).ToContainTextAsync("Настройки уведомлений сохранены.");
                await Assertions.Expect(company.GetByLabel("Получен запрос на B2B-встречу")).Not.ToBeCheckedAsync();
                await Assertions.Expect(company.GetByLabel("Компания одобрена")).ToBeCheckedAsync();
                await BrowserPortal.ScreenshotAsync(company, "notification-settings");
            }
            finally
            {
                await agency.Context.CloseAsync();
            }
        });
}
