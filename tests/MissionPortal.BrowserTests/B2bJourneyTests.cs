using System.Globalization;
using Microsoft.Playwright;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.BrowserTests;

/// <summary>B2B meetings on the Kaluga mission: a visiting company asks a Krasnoyarsk host, the host accepts, the agency schedules.</summary>
[Collection(BrowserCollection.Name)]
public class B2bJourneyTests(BrowserPortal portal)
{
    private const string Guest = "ООО «Калуга Автопласт» " + DemoData.ExampleMark;
    private const string GuestEmail = "fomin@kaluga-avtoplast.ru";
    private const string GuestPassword = "Автопласт-переговоры-2026";

    private static async Task LoginAsync(IPage page, string email, string password = DemoOptions.Password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Электронная почта").FillAsync(email);
        await page.GetByLabel("Пароль").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).Not.ToHaveTextAsync("Вход в портал");
    }

    private static async Task<string> DownloadCalendarAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("ics-link").ClickAsync());
        var path = await download.PathAsync();
        Assert.EndsWith(".ics", download.SuggestedFilename, StringComparison.Ordinal);
        // Long lines of an iCalendar file are folded: a line break and a space continue the line.
        return (await File.ReadAllTextAsync(path)).Replace("\r\n ", string.Empty, StringComparison.Ordinal);
    }

    [BrowserFact]
    public Task A_guest_asks_a_host_the_host_accepts_the_agency_schedules_and_both_see_the_slot_and_take_the_ics() =>
        portal.JourneyAsync("b2b-journey", async agency =>
        {
            var guest = await portal.NewPageAsync();
            var host = await portal.NewPageAsync();
            try
            {
                // The agency gives the Kaluga company a user, and keeps requests open for the next month.
                await LoginAsync(agency, DemoOptions.AgencyEmail);
                await agency.GotoAsync("/users/create");
                await agency.GetByLabel("Электронная почта").FillAsync(GuestEmail);
                await agency.GetByLabel("Пароль (не меньше 12 символов)").FillAsync(GuestPassword);
                await agency.GetByLabel("Имя").FillAsync("Фомин Алексей Викторович");
                await agency.GetByLabel("Агентство", new() { Exact = true }).UncheckAsync();
                await agency.GetByLabel("Компания", new() { Exact = true }).CheckAsync();
                await agency.GetByLabel("Организация").SelectOptionAsync(new SelectOptionValue { Label = Guest });
                await agency.GetByRole(AriaRole.Button, new() { Name = "Создать" }).ClickAsync();

                await agency.GotoAsync("/missions");
                await agency.GetByRole(AriaRole.Link, new() { Name = DemoData.KalugaMissionTitle }).First.ClickAsync();
                await agency.GetByTestId("b2b-link").Nth(1).ClickAsync();
                await Assertions.Expect(agency.GetByTestId("meeting-grid")).ToBeVisibleAsync();
                await agency.GetByRole(AriaRole.Link, new() { Name = "Изменить настройки" }).ClickAsync();
                var closes = DateTime.UtcNow.AddHours(7).AddDays(30).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
                await agency.GetByLabel("Приём запросов закрывается (местное время: Красноярский край, UTC+7)").FillAsync(closes);
                await agency.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
                await Assertions.Expect(agency.GetByTestId("message")).ToContainTextAsync("Настройки сессии сохранены");
                var sessionUrl = agency.Url;

                // The guest finds the session, sees the host side and asks the pharmacy chain for a meeting.
                await LoginAsync(guest, GuestEmail, GuestPassword);
                await guest.GetByRole(AriaRole.Link, new() { Name = "B2B-встречи" }).First.ClickAsync();
                await guest.GetByTestId("sessions").GetByRole(AriaRole.Link).First.ClickAsync();
                await guest.GetByRole(AriaRole.Link, new() { Name = "Принимающие компании и предложения" }).ClickAsync();
                var card = guest.GetByTestId("company-card").Filter(new() { HasText = DemoData.DemoHostCompanyName });
                await card.GetByLabel("Сообщение (о чём хотите договориться)").FillAsync("Предлагаем автомобильные аптечки в комплектации для сибирской зимы.");
                await card.GetByRole(AriaRole.Button, new() { Name = "Запросить встречу" }).ClickAsync();
                await Assertions.Expect(guest.GetByTestId("message")).ToContainTextAsync("Запрос на встречу отправлен");

                // The host accepts.
                await LoginAsync(host, DemoOptions.HostCompanyEmail);
                await host.GotoAsync("/b2b");
                await host.GetByTestId("sessions").GetByRole(AriaRole.Link).First.ClickAsync();
                var incoming = host.GetByTestId("incoming").Locator("li").Filter(new() { HasText = Guest });
                await Assertions.Expect(incoming).ToContainTextAsync("аптечки");
                await incoming.GetByRole(AriaRole.Button, new() { Name = "Принять" }).ClickAsync();
                await Assertions.Expect(host.GetByTestId("message")).ToContainTextAsync("Запрос принят");

                // The agency schedules again.
                await agency.GotoAsync(sessionUrl);
                await agency.GetByRole(AriaRole.Button, new() { Name = "Составить расписание" }).ClickAsync();
                await Assertions.Expect(agency.GetByTestId("message")).ToContainTextAsync("Расписание составлено");
                await Assertions.Expect(agency.GetByTestId("meeting-grid")).ToContainTextAsync(Guest);

                // Both see the same slot and table, and take it into their calendars.
                await guest.GetByRole(AriaRole.Link, new() { Name = "B2B-встречи" }).First.ClickAsync();
                await guest.GetByTestId("sessions").GetByRole(AriaRole.Link).First.ClickAsync();
                await guest.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Моё расписание встреч") }).ClickAsync();
                var guestRow = guest.GetByTestId("schedule").Locator("tbody tr").Filter(new() { HasText = DemoData.DemoHostCompanyName });
                await Assertions.Expect(guestRow).ToContainTextAsync("Гончаренко Ирина Павловна");
                var slot = (await guestRow.Locator("td").First.InnerTextAsync()).Trim();
                var table = (await guestRow.Locator("td").Nth(1).InnerTextAsync()).Trim();
                await BrowserPortal.ScreenshotAsync(guest, "b2b-company-schedule");
                var guestCalendar = await DownloadCalendarAsync(guest);
                Assert.Contains("DTSTART;TZID=Asia/Krasnoyarsk:20261210T" + slot[..5].Replace(":", "", StringComparison.Ordinal) + "00", guestCalendar, StringComparison.Ordinal);
                Assert.Contains(DemoData.DemoHostCompanyName, guestCalendar, StringComparison.Ordinal);

                await host.GotoAsync(host.Url.Split('?')[0] + "/schedule");
                var hostRow = host.GetByTestId("schedule").Locator("tbody tr").Filter(new() { HasText = Guest });
                Assert.Equal(slot, (await hostRow.Locator("td").First.InnerTextAsync()).Trim());
                Assert.Equal(table, (await hostRow.Locator("td").Nth(1).InnerTextAsync()).Trim());
                var hostCalendar = await DownloadCalendarAsync(host);
                Assert.Contains("DTSTART;TZID=Asia/Krasnoyarsk:20261210T" + slot[..5].Replace(":", "", StringComparison.Ordinal) + "00", hostCalendar, StringComparison.Ordinal);
                Assert.Contains(Guest, hostCalendar, StringComparison.Ordinal);

                // The table plan for the hall.
                await agency.GetByRole(AriaRole.Link, new() { Name = "План столов для печати" }).ClickAsync();
                await Assertions.Expect(agency.GetByTestId("table-plan")).ToContainTextAsync(Guest);
                await BrowserPortal.ScreenshotAsync(agency, "b2b-table-plan");
            }
            finally
            {
                await guest.Context.CloseAsync();
                await host.Context.CloseAsync();
            }
        });
}
