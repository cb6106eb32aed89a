using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MissionPortal.Web.Infrastructure.Database;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace MissionPortal.BrowserTests;

/// <summary>A ministry official prints the Petersburg delegation's hospital-visit group: on screen, through the browser, and as the server's PDF.</summary>
[Collection(BrowserCollection.Name)]
public partial class RosterJourneyTests(BrowserPortal portal)
{
    private static readonly string[] Cluster = ["Гаврилова Анастасия Вячеславовна", "Чихман Николай Валерьевич", "Козлов Дмитрий Алексеевич"];

    [BrowserFact]
    public Task The_ministry_opens_a_roster_filters_to_the_hospital_visit_prints_it_and_downloads_the_pdf() =>
        portal.JourneyAsync("roster", async page =>
        {
            await page.GotoAsync("/account/login");
            await page.GetByLabel("Электронная почта").FillAsync(DemoOptions.MinistryEmail);
            await page.GetByLabel("Пароль").FillAsync(DemoOptions.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();

            var petersburg = page.GetByTestId("ministry-mission").Filter(new() { HasText = "Санкт-Петербурга" });
            await petersburg.GetByTestId("roster-link").First.ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Состав делегации");
            await Assertions.Expect(page.GetByTestId("roster-row")).ToHaveCountAsync(7);
            await Assertions.Expect(page.GetByTestId("roster-row").First).ToContainTextAsync("Говорунов Александр Николаевич");
            await BrowserPortal.ScreenshotAsync(page, "10-roster");

            await page.GetByLabel("Кто в списке").SelectOptionAsync(new SelectOptionValue { Label = "09:30 Посещение КГБУЗ «Красноярский краевой клинический онкологический диспансер имени А.И. Крыжановского»" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("roster-row")).ToHaveCountAsync(3);
            for (var i = 0; i < Cluster.Length; i++)
            {
                await Assertions.Expect(page.GetByTestId("roster-row").Nth(i)).ToContainTextAsync(Cluster[i]);
            }

            await Assertions.Expect(page.GetByTestId("roster-filter-text")).ToContainTextAsync("онкологический диспансер");
            await BrowserPortal.ScreenshotAsync(page, "11-roster-hospital-visit");

            // The browser's own print: A4, no navigation or filter, the mission line above the table.
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Assertions.Expect(page.Locator("header.no-print")).ToBeHiddenAsync();
            await Assertions.Expect(page.GetByTestId("roster-filter")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator(".roster-running-head")).ToBeVisibleAsync();
            var printed = Path.Combine(BrowserPortal.ScreenshotFolder, "11-roster-hospital-visit-print.pdf");
            await page.PdfAsync(new() { Path = printed, PreferCSSPageSize = true, PrintBackground = true });
            using (var pdf = PdfDocument.Open(printed))
            {
                var text = Spaces().Replace(ContentOrderTextExtractor.GetText(pdf.GetPage(1)), " ");
                Assert.All(Cluster, name => Assert.Contains(name, text, StringComparison.Ordinal));
                Assert.DoesNotContain("Выйти", text, StringComparison.Ordinal);
                Assert.InRange(pdf.GetPage(1).Width, 594, 596);
            }

            await page.EmulateMediaAsync(new() { Media = Media.Screen });

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("roster-pdf").ClickAsync());
            Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
            using var server = PdfDocument.Open(await download.PathAsync());
            var serverText = Spaces().Replace(ContentOrderTextExtractor.GetText(server.GetPage(1)), " ");
            Assert.All(Cluster, name => Assert.Contains(name, serverText, StringComparison.Ordinal));
            Assert.DoesNotContain("Говорунов", serverText, StringComparison.Ordinal);
            Assert.Contains("Страница 1 из 1", serverText, StringComparison.Ordinal);
        });

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

            await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync("Гаврилова Анастасия Вячеславовна отмечен(а)");
            var gavrilova = page.GetByTestId("attendance-person").Filter(new() { HasText = "Гаврилова" });
            await Assertions.Expect(gavrilova.GetByTestId("attendance-mark")).ToContainTextAsync("присутствует");
            await BrowserPortal.ScreenshotAsync(page, "13-attendance");
        });

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
