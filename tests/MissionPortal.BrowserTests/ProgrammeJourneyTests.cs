using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.BrowserTests;

/// <summary>The agency plans a day in the programme editor: form, drag, conflict, acknowledgement, calendar file.</summary>
[Collection(BrowserCollection.Name)]
public partial class ProgrammeJourneyTests(BrowserPortal portal)
{
    [BrowserFact]
    public Task The_agency_adds_an_item_drags_another_sees_the_conflict_acknowledges_it_and_downloads_the_calendar() =>
        portal.JourneyAsync("programme-editor", async page =>
        {
            await page.GotoAsync("/account/login");
            await page.GetByLabel("Электронная почта").FillAsync(DemoOptions.AgencyEmail);
            await page.GetByLabel("Пароль").FillAsync(DemoOptions.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Агентство: рабочий стол");

            await page.GetByRole(AriaRole.Link, new() { Name = DemoData.KalugaMissionTitle }).First.ClickAsync();
            await page.GetByTestId("programme-link").ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Программа миссии");
            await Assertions.Expect(page.GetByTestId("no-conflicts")).ToBeVisibleAsync();

            // 1. A new item on day 2, with the plain form.
            var day2 = page.GetByTestId("programme-day").Nth(1);
            await day2.GetByRole(AriaRole.Link, new() { Name = "+ Пункт" }).ClickAsync();
            await page.GetByLabel("Начало").FillAsync("18:00");
            await page.GetByLabel("Окончание").FillAsync("19:30");
            await page.GetByLabel("Вид").SelectOptionAsync("Meeting");
            await page.GetByLabel("Название").FillAsync("Ужин с представителями администрации Железногорска");
            await page.GetByLabel("Площадка").SelectOptionAsync(new SelectOptionValue { Label = "Красноярск — Гостиница «Красноярск» (80)" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync("добавлен");
            await Assertions.Expect(day2).ToContainTextAsync("Ужин с представителями администрации Железногорска");
            await Assertions.Expect(page.GetByTestId("no-conflicts")).ToBeVisibleAsync();
            await BrowserPortal.ScreenshotAsync(page, "07-programme-editor");

            // 2. Drag lunch at the plant onto 12:00, where the plant visit is: the same venue at the same time.
            var lunch = day2.GetByTestId("programme-item").Filter(new() { Has = page.GetByText("Обед", new() { Exact = true }) });
            var lunchId = int.Parse((await lunch.GetAttributeAsync("data-item-id"))!, CultureInfo.InvariantCulture);
            var day2Date = DateOnly.ParseExact((await day2.GetAttributeAsync("data-date"))!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            await ProgrammeGridTests.DragAsync(page, lunchId, day2Date, new TimeOnly(12, 0));
            await Assertions.Expect(lunch.GetByTestId("message")).ToContainTextAsync("перенесён");
            await Assertions.Expect(page.GetByTestId("conflicts")).ToBeVisibleAsync();
            var venueConflict = page.GetByTestId("conflict").Filter(new() { HasTextRegex = VenueConflict() });
            await Assertions.Expect(venueConflict).ToHaveCountAsync(1);
            await Assertions.Expect(lunch.Locator(".time")).ToHaveTextAsync("12:00–12:45");
            await Assertions.Expect(lunch.GetByTestId("item-conflict").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("changed-since-approval")).ToBeVisibleAsync();
            await page.GetByTestId("conflicts").ScrollIntoViewIfNeededAsync();
            await BrowserPortal.ScreenshotAsync(page, "08-programme-conflict");

            // 3. The planner accepts it, with a reason that stays on the page.
            await venueConflict.GetByPlaceholder("Почему это допустимо").FillAsync("Обед в переговорной ГХК, экскурсия идёт по цехам");
            await venueConflict.GetByRole(AriaRole.Button, new() { Name = "Признать допустимым" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync("Конфликт признан допустимым");
            await Assertions.Expect(page.GetByTestId("conflict").Filter(new() { HasTextRegex = VenueConflict() }).GetByTestId("acknowledgement"))
                .ToContainTextAsync("Обед в переговорной ГХК, экскурсия идёт по цехам");
            await BrowserPortal.ScreenshotAsync(page, "09-conflict-acknowledged");

            // 4. The calendar file holds the new item, in Krasnoyarsk time.
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("ics-link").ClickAsync());
            var path = await download.PathAsync();
            var calendar = Ical.Net.Calendar.Load(await File.ReadAllTextAsync(path))!;
            var dinner = Assert.Single(calendar.Events, e => e.Summary == "Ужин с представителями администрации Железногорска");
            Assert.Equal(new DateTime(2026, 12, 11, 18, 0, 0), dinner.DtStart!.Value);
            Assert.Equal("Asia/Krasnoyarsk", dinner.DtStart.TzId);
        });

    [GeneratedRegex("одновременно на площадке")]
    private static partial Regex VenueConflict();
}
