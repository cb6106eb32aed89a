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
    public Task On_a_phone_the_roster_is_a_list_of_cards_and_on_a_laptop_and_on_paper_a_table() =>
        portal.JourneyAsync("roster-phone", async page =>
        {
            var resolve = await MainPages.ResolverAsync(portal);
            await MainPages.EnterAsync(page, DemoOptions.AgencyEmail, "ru");
            await page.GotoAsync(resolve("/rosters/{kaluga-delegation}"));
            const string Layout = """
                () => {
                  const rows = [...document.querySelectorAll('[data-testid=roster-row]')];
                  const frame = document.querySelector('[data-testid=roster-table]').parentElement;
                  return rows.map(row => {
                    const name = row.querySelector('td.col-name').getBoundingClientRect();
                    const position = row.querySelector('td[data-label="Должность"]');
                    return {
                      display: getComputedStyle(row).display,
                      label: getComputedStyle(position, '::before').content,
                      stacked: position.getBoundingClientRect().top >= name.bottom - 1,
                      right: row.getBoundingClientRect().right,
                      page: document.documentElement.scrollWidth - window.innerWidth,
                      frame: frame.scrollWidth - frame.clientWidth,
                      head: getComputedStyle(document.querySelector('[data-testid=roster-table] thead')).display,
                    };
                  });
                }
                """;

            await page.SetViewportSizeAsync(390, 900);
            var phone = await page.EvaluateAsync<RowLayout[]>(Layout);
            Assert.NotEmpty(phone);
            Assert.All(phone, row =>
            {
                Assert.Equal("flex", row.Display);
                Assert.Equal("\"Должность\"", row.Label);
                Assert.True(row.Stacked, "the position stands beside the name");
                Assert.InRange(row.Right, 0, 390);
                Assert.Equal(0, row.Page);
                Assert.Equal(0, row.Frame);
                Assert.Equal("none", row.Head);
            });
            await BrowserPortal.ScreenshotAsync(page, "12-roster-390");

            await page.EmulateMediaAsync(new() { Media = Media.Print });
            Assert.All(await page.EvaluateAsync<RowLayout[]>(Layout), row =>
            {
                Assert.Equal("table-row", row.Display);
                Assert.Equal("none", row.Label);
                Assert.NotEqual("none", row.Head);
            });
            await page.EmulateMediaAsync(new() { Media = Media.Screen });

            await page.SetViewportSizeAsync(1280, 900);
            Assert.All(await page.EvaluateAsync<RowLayout[]>(Layout), row =>
            {
                Assert.Equal("table-row", row.Display);
                Assert.Equal("none", row.Label);
                Assert.False(row.Stacked);
                Assert.Equal(0, row.Page);
            });
            await BrowserPortal.ScreenshotAsync(page, "12-roster-1280");
        }, width: 390);

    private sealed class RowLayout
    {
        public string Display { get; set; } = string.Empty;

        public string Label { get; set; } = string.Empty;

        public bool Stacked { get; set; }

        public double Right { get; set; }

        public int Page { get; set; }

        public int Frame { get; set; }

        public string Head { get; set; } = string.Empty;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
