using Microsoft.Playwright;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.BrowserTests;

/// <summary>
/// The top navigation of every role in both languages: open on one line at a laptop's 1200, 1280 and 1366 px, folded
/// behind the menu button on a phone, its menus working with JavaScript under the Content-Security-Policy and reachable
/// without it.
/// </summary>
[Collection(BrowserCollection.Name)]
public class NavigationTests(BrowserPortal portal)
{
    private static readonly string[] Visitors = [DemoOptions.AgencyEmail, DemoOptions.MinistryEmail, DemoOptions.CompanyEmail, DemoOptions.HostCompanyEmail];
    private static readonly int[] LaptopWidths = [1200, 1280, 1366];

    /// <summary>
    /// The bar as the browser laid it out: how much wider its content is than its box, how many distinct lines its
    /// items stand on, and the names of items cut or wrapped.
    /// </summary>
    private const string Measure = """
        () => {
          const nav = document.querySelector('nav.navbar');
          const bar = nav.querySelector('.container-xl');
          const items = [...bar.querySelectorAll(':scope > .navbar-brand, #main-nav > .navbar-nav > .nav-item, #main-nav > form, #main-nav > a')]
            .filter(e => e.getClientRects().length > 0);
          const centres = [...new Set(items.map(e => { const r = e.getBoundingClientRect(); return Math.round(r.top + r.height / 2); }))];
          const lines = centres.filter((c, i) => centres.every((d, j) => j >= i || Math.abs(c - d) > 4)).length;
          const wrapped = [...nav.querySelectorAll('#main-nav > .navbar-nav > .nav-item > .nav-link, #main-nav > a, #main-nav button')]
            .filter(e => e.getClientRects().length > 0)
            .filter(e => e.getClientRects().length > 1 || e.getBoundingClientRect().height > parseFloat(getComputedStyle(e).lineHeight) * 1.6 + 16)
            .map(e => e.textContent.trim());
          return {
            overflow: Math.max(nav.scrollWidth - nav.clientWidth, bar.scrollWidth - bar.clientWidth, document.documentElement.scrollWidth - window.innerWidth),
            lines,
            wrapped,
            toggler: getComputedStyle(nav.querySelector('.navbar-toggler')).display !== 'none',
            right: Math.max(...items.map(e => e.getBoundingClientRect().right)),
            width: window.innerWidth,
          };
        }
        """;

    [BrowserFact]
    public async Task Every_role_sees_the_bar_open_on_one_line_from_1200_px_in_russian_and_english_and_folded_at_390()
    {
        var failures = new List<string>();
        foreach (var email in Visitors)
        {
            foreach (var language in new[] { "ru", "en" })
            {
                var page = await portal.NewPageAsync(1280, 900);
                try
                {
                    await MainPages.EnterAsync(page, email, language);
                    var who = $"{new MainPage(email, language, "/").Role}-{language}";
                    await page.GotoAsync("/");
                    foreach (var width in LaptopWidths)
                    {
                        await page.SetViewportSizeAsync(width, 900);
                        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
                        var bar = await page.EvaluateAsync<BarLayout>(Measure);
                        if (bar.Toggler || bar.Overflow > 0 || bar.Lines != 1 || bar.Wrapped.Length > 0 || bar.Right > bar.Width)
                        {
                            failures.Add($"{who} at {width} px: menu button {(bar.Toggler ? "shown" : "hidden")}, {bar.Overflow} px too wide, {bar.Lines} lines, last item ends at {bar.Right} of {bar.Width}, wrapped: {string.Join(", ", bar.Wrapped)}");
                        }

                        await page.Locator("header").ScreenshotAsync(new() { Path = Path.Combine(BrowserPortal.ScreenshotFolder, "navigation", $"{who}-{width}.png") });
                    }

                    await page.SetViewportSizeAsync(390, 900);
                    await Assertions.Expect(page.Locator(".navbar-toggler")).ToBeVisibleAsync();
                    await page.Locator(".navbar-toggler").ClickAsync();
                    // Unfolded once Bootstrap's collapse transition has ended.
                    await Assertions.Expect(page.Locator("#main-nav")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"(^|\s)show(\s|$)"));
                    await page.GetByTestId("current-user").ClickAsync();
                    await Assertions.Expect(page.GetByTestId("user-menu").Locator(".dropdown-menu")).ToBeVisibleAsync();
                    var phone = await page.EvaluateAsync<BarLayout>(Measure);
                    if (phone.Overflow > 0 || phone.Wrapped.Length > 0)
                    {
                        failures.Add($"{who} at 390 px: {phone.Overflow} px too wide, wrapped: {string.Join(", ", phone.Wrapped)}");
                    }

                    await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserPortal.ScreenshotFolder, "navigation", $"{who}-390.png") });
                }
                finally
                {
                    await page.Context.CloseAsync();
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [BrowserFact]
    public Task The_agency_opens_a_directory_and_signs_out_through_the_menus() =>
        portal.JourneyAsync("navigation-menus", async page =>
        {
            await MainPages.EnterAsync(page, DemoOptions.AgencyEmail, "ru");
            var directories = page.GetByTestId("references-menu");
            await Assertions.Expect(directories.GetByRole(AriaRole.Link, new() { Name = "Время в пути" })).ToBeHiddenAsync();
            await directories.GetByRole(AriaRole.Button, new() { Name = "Справочники" }).ClickAsync();
            await directories.GetByRole(AriaRole.Link, new() { Name = "Время в пути" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/travel-times$"));

            await page.GetByTestId("current-user").ClickAsync();
            var account = page.GetByTestId("user-menu");
            await Assertions.Expect(account.GetByRole(AriaRole.Link, new() { Name = "Мои персональные данные" })).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(account.GetByRole(AriaRole.Link, new() { Name = "Мои персональные данные" })).ToBeHiddenAsync();
            await page.GetByTestId("current-user").ClickAsync();
            await account.GetByRole(AriaRole.Button, new() { Name = "Выйти" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Вход в портал");
        }, width: 1280);

    [BrowserFact]
    public async Task Without_javascript_the_menus_open_on_hover_and_focus_and_the_folded_bar_stays_open()
    {
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "ru-RU",
            JavaScriptEnabled = false,
        });
        try
        {
            var page = await context.NewPageAsync();
            await MainPages.EnterAsync(page, DemoOptions.AgencyEmail, "ru");
            var directories = page.GetByTestId("references-menu");
            var venues = directories.GetByRole(AriaRole.Link, new() { Name = "Площадки" });
            await Assertions.Expect(venues).ToBeHiddenAsync();
            await directories.GetByRole(AriaRole.Button, new() { Name = "Справочники" }).HoverAsync();
            await Assertions.Expect(venues).ToBeVisibleAsync();
            await venues.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/venues$"));

            // By keyboard: focus on the account menu's button opens it, and Tab goes on to its first item.
            await page.GetByTestId("current-user").FocusAsync();
            await Assertions.Expect(page.GetByTestId("user-menu").GetByRole(AriaRole.Button, new() { Name = "Выйти" })).ToBeVisibleAsync();

            // The menu's button is itself a link to the menu's first page.
            await directories.GetByRole(AriaRole.Button, new() { Name = "Справочники" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/companies$"));

            // On a phone the menu button can't unfold the bar without a script, so the bar is open.
            await page.SetViewportSizeAsync(390, 900);
            await Assertions.Expect(page.Locator(".navbar-toggler")).ToBeHiddenAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Соглашения" })).ToBeVisibleAsync();
            await page.GetByTestId("current-user").FocusAsync();
            await page.GetByTestId("user-menu").GetByRole(AriaRole.Button, new() { Name = "Выйти" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Вход в портал");
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private sealed class BarLayout
    {
        public int Overflow { get; set; }

        public int Lines { get; set; }

        public string[] Wrapped { get; set; } = [];

        public bool Toggler { get; set; }

        public double Right { get; set; }

        public int Width { get; set; }
    }
}
