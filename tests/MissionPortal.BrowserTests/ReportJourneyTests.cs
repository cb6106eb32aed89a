using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MissionPortal.Web.Infrastructure.Database;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace MissionPortal.BrowserTests;

/// <summary>A ministry official opens the Petersburg mission's report, prints it on one A4 page, downloads its PDF and looks at the year.</summary>
[Collection(BrowserCollection.Name)]
public partial class ReportJourneyTests(BrowserPortal portal)
{
    [BrowserFact]
    public Task The_ministry_opens_the_report_prints_it_on_one_page_downloads_the_pdf_and_opens_the_dashboard() =>
        portal.JourneyAsync("report", async page =>
        {
            await page.GotoAsync("/account/login");
            await page.GetByLabel("Электронная почта").FillAsync(DemoOptions.MinistryEmail);
            await page.GetByLabel("Пароль").FillAsync(DemoOptions.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();

            await page.GotoAsync("/missions");
            await page.GetByRole(AriaRole.Link, new() { Name = "Культурно-деловой визит делегации Санкт-Петербурга в Красноярский край" }).ClickAsync();
            await page.GetByTestId("report-link").ClickAsync();
            await Assertions.Expect(page.GetByTestId("report-title")).ToHaveTextAsync("Культурно-деловой визит делегации Санкт-Петербурга в Красноярский край");
            await Assertions.Expect(page.GetByTestId("report-figure")).ToHaveCountAsync(8);
            await Assertions.Expect(page.GetByTestId("report")).ToContainTextAsync("Соглашение между Правительством Санкт-Петербурга");
            await BrowserPortal.ScreenshotAsync(page, "20-report");

            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Assertions.Expect(page.Locator("header.no-print")).ToBeHiddenAsync();
            await Assertions.Expect(page.GetByTestId("report-pdf")).ToBeHiddenAsync();
            var printed = Path.Combine(BrowserPortal.ScreenshotFolder, "20-report-print.pdf");
            await page.PdfAsync(new() { Path = printed, PreferCSSPageSize = true, PrintBackground = true });
            using (var pdf = PdfDocument.Open(printed))
            {
                Assert.Equal(1, pdf.NumberOfPages);
                var text = Spaces().Replace(ContentOrderTextExtractor.GetText(pdf.GetPage(1)), " ");
                Assert.Contains("Итоги миссии", text, StringComparison.OrdinalIgnoreCase);   // the kicker is set in capitals
                Assert.Contains("17 ноября — церемония возложения цветов", text, StringComparison.Ordinal);
                Assert.DoesNotContain("Выйти", text, StringComparison.Ordinal);
                Assert.InRange(pdf.GetPage(1).Width, 594, 596);
            }

            await page.EmulateMediaAsync(new() { Media = Media.Screen });
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-pdf").ClickAsync());
            Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
            var serverPdf = Path.Combine(BrowserPortal.ScreenshotFolder, "20-report-server.pdf");
            await download.SaveAsAsync(serverPdf);
            using (var server = PdfDocument.Open(serverPdf))
            {
                Assert.Equal(1, server.NumberOfPages);
                Assert.Contains("Подписанные соглашения", ContentOrderTextExtractor.GetText(server.GetPage(1)), StringComparison.Ordinal);
            }

            await page.GetByRole(AriaRole.Link, new() { Name = "Итоги миссий" }).First.ClickAsync();
            await Assertions.Expect(page.GetByTestId("dashboard-row")).ToHaveCountAsync(2);
            await Assertions.Expect(page.GetByTestId("dashboard-chart")).ToHaveCountAsync(7);
            var bar = page.GetByTestId("dashboard-bar").Nth(1);
            var box = await bar.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Width > 100, $"the longest bar is drawn {box.Width}px wide");
            await BrowserPortal.ScreenshotAsync(page, "21-dashboard");

            // A mission still ahead reports its programme as planned, and says so.
            await page.GetByTestId("dashboard-row").Nth(1).GetByRole(AriaRole.Link).ClickAsync();
            await Assertions.Expect(page.GetByTestId("report-note")).ToContainTextAsync("Миссия ещё не проведена");
            await Assertions.Expect(page.GetByTestId("report")).ToContainTextAsync("презентации 10 компаний");
            await BrowserPortal.ScreenshotAsync(page, "22-report-planned");
        });

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
