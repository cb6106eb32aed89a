using Microsoft.Playwright;
using MissionPortal.Web.Infrastructure.Database;
using UglyToad.PdfPig;

namespace MissionPortal.BrowserTests;

/// <summary>
/// The portal on the second day of the Petersburg visit (18 November 2026, 09:00 in Krasnoyarsk), its clock running on
/// from there: badge links work only until the day after a mission, so scanning one needs a day the mission is on.
/// </summary>
public sealed class MissionDayBrowserPortal : BrowserPortal
{
    protected override TimeProvider? Clock { get; } = new ShiftedClock(new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.FromHours(7)));

    /// <summary>Real time moved to <paramref name="start"/>: it runs on, so sign-in tickets and waits behave as usual.</summary>
    private sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
    {
        private readonly TimeSpan _shift = start - DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + _shift;
    }
}

[CollectionDefinition(Name)]
public sealed class MissionDayBrowserCollection : ICollectionFixture<MissionDayBrowserPortal>
{
    public const string Name = "browser-mission-day";
}

/// <summary>A badge scanned at the hospital visit: the staff member's phone opens the link and marks the person present.</summary>
[Collection(MissionDayBrowserCollection.Name)]
public class CheckInJourneyTests(MissionDayBrowserPortal portal)
{
    [BrowserFact]
    public Task The_agency_scans_a_badges_link_and_the_person_shows_as_present() =>
        portal.JourneyAsync("check-in", async page =>
        {
            await page.GotoAsync("/account/login");
            await page.GetByLabel("Электронная почта").FillAsync(DemoOptions.AgencyEmail);
            await page.GetByLabel("Пароль").FillAsync(DemoOptions.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
            await page.GotoAsync("/missions");
            await page.GetByRole(AriaRole.Link, new() { Name = "Культурно-деловой визит делегации Санкт-Петербурга в Красноярский край" }).ClickAsync();
            await page.GetByTestId("delegation").First.GetByTestId("roster-link").ClickAsync();
            await Assertions.Expect(page.GetByTestId("roster-row")).ToHaveCountAsync(7);

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("roster-badges").ClickAsync());
            string link;
            using (var badges = PdfDocument.Open(await download.PathAsync()))
            {
                var links = badges.GetPage(1).GetHyperlinks().Select(h => h.Uri!).ToList();
                Assert.Equal(7, links.Count);
                link = links[4];
            }

            // The phone's camera opens the link in the staff member's signed-in browser.
            await page.GotoAsync(link);
            await Assertions.Expect(page.GetByTestId("check-in-name")).ToHaveTextAsync("Гаврилова Анастасия Вячеславовна");
            await page.GetByLabel("Пункт программы").SelectOptionAsync(new SelectOptionValue { Label = "09:30–11:30 Посещение КГБУЗ «Красноярский краевой клинический онкологический диспансер имени А.И. Крыжановского»" });
            await BrowserPortal.ScreenshotAsync(page, "12-check-in");
            await page.GetByRole(AriaRole.Button, new() { Name = "Отметить присутствие" }).ClickAsync();

            await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync("Присутствие отмечено: Гаврилова Анастасия Вячеславовна");
            var gavrilova = page.GetByTestId("attendance-person").Filter(new() { HasText = "Гаврилова" });
            await Assertions.Expect(gavrilova.GetByTestId("attendance-mark")).ToContainTextAsync("присутствует");
            await BrowserPortal.ScreenshotAsync(page, "13-attendance");
        });
}
