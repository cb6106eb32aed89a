using Microsoft.Playwright;
using MiniExcelLibs;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Web.Infrastructure.Database;
using SkiaSharp;

namespace MissionPortal.BrowserTests;

/// <summary>A visiting company from sign-up to the catalogue, with the agency's approvals in between.</summary>
[Collection(BrowserCollection.Name)]
public class CompanyJourneyTests(BrowserPortal portal)
{
    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(480, 320);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(29, 59, 106));
            using var paint = new SKPaint { Color = new SKColor(200, 16, 46) };
            canvas.DrawCircle(240, 160, 110, paint);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static async Task LoginAsync(IPage page, string email, string password = DemoOptions.Password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Электронная почта").FillAsync(email);
        await page.GetByLabel("Пароль").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).Not.ToHaveTextAsync("Вход в портал");
    }

    [BrowserFact]
    public Task A_new_company_signs_up_is_approved_adds_a_product_and_people_and_reaches_the_catalogue() =>
        portal.JourneyAsync("company-journey", async company =>
        {
            var agency = await portal.NewPageAsync();
            try
            {
                // 1. Sign-up.
                await company.GotoAsync("/account/login");
                await company.GetByRole(AriaRole.Link, new() { Name = "Зарегистрируйте компанию" }).ClickAsync();
                await company.GetByLabel("Электронная почта").FillAsync("director@sibpribor.ru");
                await company.GetByLabel("Пароль (не меньше 12 символов)").FillAsync("Сибприбор-2026-пароль");
                await company.GetByLabel("Название компании").FillAsync("ООО «Сибприбор»");
                await company.GetByLabel("ИНН").FillAsync("7707083893");
                await company.GetByLabel("ОГРН или ОГРНИП").FillAsync("1027700132195");
                await company.GetByLabel("Регион").SelectOptionAsync(new SelectOptionValue { Label = "Калужская область" });
                await company.GetByLabel("Отрасль").FillAsync("Приборостроение");
                await company.GetByLabel("Фамилия, имя, отчество").FillAsync("Громов Артём Ильич");
                await company.GetByLabel("Телефон").FillAsync("8 (4842) 70-10-20");
                await company.GetByLabel("Я даю согласие на обработку моих персональных данных на этих условиях (152-ФЗ).").CheckAsync();
                await company.GetByRole(AriaRole.Button, new() { Name = "Зарегистрироваться" }).ClickAsync();
                await Assertions.Expect(company.GetByTestId("sign-up-sent")).ToBeVisibleAsync();

                // The address is confirmed from the letter, then the director signs in and sees the company waiting.
                await company.GotoAsync(await portal.ConfirmationLinkAsync("director@sibpribor.ru"));
                await company.GetByRole(AriaRole.Button, new() { Name = "Подтвердить адрес" }).ClickAsync();
                await Assertions.Expect(company.GetByTestId("message")).ToContainTextAsync("подтверждён");
                await LoginAsync(company, "director@sibpribor.ru", "Сибприбор-2026-пароль");
                await company.GotoAsync("/");
                await Assertions.Expect(company.GetByTestId("company-pending")).ToBeVisibleAsync();

                // 2. The agency approves it.
                await LoginAsync(agency, DemoOptions.AgencyEmail);
                await agency.GotoAsync("/companies");
                var pending = agency.GetByTestId("pending-company").Filter(new() { HasText = "ООО «Сибприбор»" });
                await pending.GetByRole(AriaRole.Button, new() { Name = "Подтвердить" }).ClickAsync();
                await Assertions.Expect(agency.GetByTestId("message")).ToContainTextAsync("подтверждена");

                // 3. The company adds a product with an image.
                await company.GotoAsync("/products/new");
                await company.GetByLabel("Название").FillAsync("Расходомер ультразвуковой СП-200");
                await company.GetByLabel("Категория").FillAsync("Приборы учёта");
                await company.GetByLabel("Описание").FillAsync("Ультразвуковой расходомер для систем водоснабжения и теплоснабжения, класс точности 1.");
                await company.GetByLabel("Код ОКПД2 (необязательно)").FillAsync("26.51.52");
                await company.GetByLabel("Условия поставки").FillAsync("Отгрузка со склада в Калуге, 10 рабочих дней");
                await company.GetByLabel("Изображения (PNG, JPEG или WebP, до 5 МБ)").SetInputFilesAsync(new FilePayload { Name = "расходомер.png", MimeType = "image/png", Buffer = Png() });
                await company.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
                await Assertions.Expect(company.GetByTestId("product").Filter(new() { HasText = "Расходомер ультразвуковой СП-200" }).Locator("img")).ToBeVisibleAsync();

                // 4. Two people apply to the Kaluga mission.
                await company.GotoAsync("/applications");
                await company.GetByTestId("open-missions").Locator("li").Filter(new() { HasText = DemoData.KalugaMissionTitle }).GetByRole(AriaRole.Link).ClickAsync();
                foreach (var (surname, given, patronymic, position) in new[] { ("Громов", "Артём", "Ильич", "Генеральный директор"), ("Лебедева", "Ксения", "Андреевна", "Коммерческий директор") })
                {
                    await company.GetByLabel("Фамилия", new() { Exact = true }).FillAsync(surname);
                    await company.GetByLabel("Имя", new() { Exact = true }).FillAsync(given);
                    await company.GetByLabel("Отчество", new() { Exact = true }).FillAsync(patronymic);
                    await company.GetByLabel("Должность").FillAsync(position);
                    await company.GetByRole(AriaRole.Button, new() { Name = "Добавить в заявку" }).ClickAsync();
                    await Assertions.Expect(company.GetByTestId("people")).ToContainTextAsync($"{surname} {given} {patronymic}");
                }

                // 5. The agency approves both.
                await agency.GotoAsync("/missions");
                await agency.GetByRole(AriaRole.Link, new() { Name = DemoData.KalugaMissionTitle }).ClickAsync();
                await agency.GetByRole(AriaRole.Link, new() { Name = "Участники", Exact = true }).ClickAsync();
                foreach (var name in new[] { "Громов Артём Ильич", "Лебедева Ксения Андреевна" })
                {
                    await agency.GetByTestId("person").Filter(new() { HasText = name }).GetByRole(AriaRole.Button, new() { Name = "Подтвердить" }).ClickAsync();
                    await Assertions.Expect(agency.GetByTestId("person").Filter(new() { HasText = name })).ToHaveAttributeAsync("data-status", "Approved");
                }

                await company.ReloadAsync();
                await Assertions.Expect(company.GetByTestId("person").Filter(new() { HasText = "Лебедева" })).ToHaveAttributeAsync("data-status", "Approved");

                // 6. The catalogue shows the product, with its picture, beside the Kaluga companies' products.
                await company.GotoAsync("/catalogue");
                await company.GetByLabel("Поиск").FillAsync("РАСХОДОМЕР");
                await company.GetByRole(AriaRole.Button, new() { Name = "Найти" }).ClickAsync();
                var item = company.GetByTestId("catalogue-item").Filter(new() { HasText = "Расходомер ультразвуковой СП-200" });
                await Assertions.Expect(item).ToHaveCountAsync(1);
                await Assertions.Expect(item.Locator("img")).ToBeVisibleAsync();
                Assert.True(await item.Locator("img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the thumbnail loads");
                await BrowserPortal.ScreenshotAsync(company, "10-catalogue-search");
                await company.GotoAsync("/catalogue");
                await Assertions.Expect(company.GetByTestId("catalogue-item").First).ToBeVisibleAsync();
                await BrowserPortal.ScreenshotAsync(company, "10-catalogue");

                // 7. The agency's import preview of a list with a bad row.
                await agency.GetByRole(AriaRole.Link, new() { Name = "Импорт списка (.xlsx, .csv)" }).ClickAsync();
                using var xlsx = new MemoryStream();
                xlsx.SaveAs(new[]
                {
                    new Dictionary<string, object> { ["Фамилия"] = "Соловьёв", ["Имя"] = "Игорь", ["Отчество"] = "Петрович", ["Должность"] = "Начальник отдела", ["Организация"] = DemoData.FirstKalugaCompanyName, ["E-mail"] = "soloviev@okafarm.ru", ["Телефон"] = "+7 910 100-20-30" },
                    new Dictionary<string, object> { ["Фамилия"] = "", ["Имя"] = "Олег", ["Отчество"] = "", ["Должность"] = "Инженер", ["Организация"] = "", ["E-mail"] = "oleg@", ["Телефон"] = "12" },
                });
                await agency.Locator("input[type=file][name=file]").SetInputFilesAsync(new FilePayload { Name = "делегация.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = xlsx.ToArray() });
                await agency.GetByRole(AriaRole.Button, new() { Name = "Проверить файл" }).ClickAsync();
                await Assertions.Expect(agency.GetByTestId("import-row")).ToHaveCountAsync(2);
                await Assertions.Expect(agency.GetByTestId("import-blocked")).ToBeVisibleAsync();
                await Assertions.Expect(agency.GetByTestId("row-errors").Nth(1)).ToContainTextAsync("нет фамилии");
                await BrowserPortal.ScreenshotAsync(agency, "11-import-preview");
            }
            finally
            {
                await agency.Context.CloseAsync();
            }
        });
}
