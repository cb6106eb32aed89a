using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MissionPortal.BrowserTests;

/// <summary>
/// Every main page of every role, judged by outside checkers: axe-core (no critical or serious violation) and the
/// browser's own layout (nothing scrolls sideways) at a laptop's 1280 px and a phone's 390 px, and the Nu HTML
/// Checker (no error) on the HTML the server sends. A screenshot of each page at each width goes to
/// artifacts/screenshots/pages/.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PageChecksTests(BrowserPortal portal, ITestOutputHelper output)
{
    private static readonly int[] Widths = [1280, 390];

    [BrowserFact]
    public async Task Every_main_page_has_no_serious_accessibility_violation_and_no_sideways_scrolling_at_1280_and_390_px()
    {
        var resolve = await MainPages.ResolverAsync(portal);
        var folder = Path.Combine(BrowserPortal.ScreenshotFolder, "pages");
        Directory.CreateDirectory(folder);
        var failures = new List<string>();
        var checkedPages = 0;
        var (loading, axeTime, pictures) = (new Stopwatch(), new Stopwatch(), new Stopwatch());

        foreach (var visitor in MainPages.All.GroupBy(p => (p.Email, p.Language)))
        {
            var page = await portal.NewPageAsync(Widths[0], 900);
            try
            {
                await MainPages.EnterAsync(page, visitor.Key.Email, visitor.Key.Language);
                foreach (var main in visitor)
                {
                    var path = resolve(main.Path);
                    var name = main.Name(path);
                    await page.SetViewportSizeAsync(Widths[0], 900);
                    loading.Start();
                    var response = await page.GotoAsync(path);
                    loading.Stop();
                    if (response?.Status != 200)
                    {
                        failures.Add($"{name}: {path} answered {response?.Status}");
                        continue;
                    }

                    foreach (var problem in await page.EvaluateAsync<string[]>(MarkupProblems))
                    {
                        failures.Add($"{name}: {problem}");
                    }

                    foreach (var width in Widths)
                    {
                        await page.SetViewportSizeAsync(width, 900);
                        // Let the layout settle at the new width before measuring it.
                        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
                        var (scrollWidth, innerWidth) = await SideScrollAsync(page);
                        if (scrollWidth > innerWidth)
                        {
                            failures.Add($"{name} at {width} px: the page is {scrollWidth} px wide in a {innerWidth} px window; widest: {await WidestAsync(page)}");
                        }

                        axeTime.Start();
                        // Only the violations in full: the passes of a long page would cost seconds to describe.
                        var axe = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
                        axeTime.Stop();
                        foreach (var violation in axe.Violations.Where(v => v.Impact is "critical" or "serious"))
                        {
                            var nodes = string.Join("; ", violation.Nodes.Take(3).Select(n => $"{n.Target} {Short(n.Html)}"));
                            failures.Add($"{name} at {width} px: axe {violation.Impact} {violation.Id} ({violation.Nodes.Length}×): {violation.Help} — {nodes}");
                        }

                        pictures.Start();
                        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{width}.png"), FullPage = true });
                        pictures.Stop();
                    }

                    checkedPages++;
                }
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }

        output.WriteLine($"{checkedPages} pages: loading {loading.Elapsed.TotalSeconds:F0} s, axe {axeTime.Elapsed.TotalSeconds:F0} s, screenshots {pictures.Elapsed.TotalSeconds:F0} s");
        Assert.True(failures.Count == 0, $"{failures.Count} problems on {checkedPages} pages:\n" + string.Join("\n", failures));
        Assert.Equal(MainPages.All.Count, checkedPages);
    }

    [BrowserFact]
    public async Task Every_main_page_is_valid_html_by_the_Nu_checker()
    {
        var (java, jar) = (Checker.Java, Checker.Jar);
        if (java is null || jar is null)
        {
            Assert.False(BrowserEnvironment.IsCi, $"The Nu HTML Checker needs java and vnu.jar (found java: {java}, vnu.jar: {jar}); .ci/run installs both.");
            return;
        }

        var resolve = await MainPages.ResolverAsync(portal);
        var folder = Path.Combine(BrowserPortal.RepositoryFolder, "artifacts", "html");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var failures = new List<string>();
        foreach (var visitor in MainPages.All.GroupBy(p => (p.Email, p.Language)))
        {
            var page = await portal.NewPageAsync();
            try
            {
                await MainPages.EnterAsync(page, visitor.Key.Email, visitor.Key.Language);
                foreach (var main in visitor)
                {
                    var path = resolve(main.Path);
                    // The HTML as the server sent it, with the visitor's cookies, not as scripts changed it.
                    var response = await page.Context.APIRequest.GetAsync(path);
                    if (response.Status != 200)
                    {
                        failures.Add($"{path} for {main.Role}: {response.Status}");
                        continue;
                    }

                    await File.WriteAllTextAsync(Path.Combine(folder, main.Name(path) + ".html"), await response.TextAsync());
                }
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }

        Assert.Equal(MainPages.All.Count, Directory.GetFiles(folder, "*.html").Length);
        failures.AddRange(await Checker.ErrorsAsync(java, jar, folder));
        Assert.True(failures.Count == 0, $"{failures.Count} errors:\n" + string.Join("\n", failures));
    }

    /// <summary>What axe rates below serious but the page must not have: headings that skip a level, header cells with no text.</summary>
    private const string MarkupProblems = """
        () => {
          const problems = [];
          let previous = 0;
          for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
            const level = Number(h.tagName[1]);
            if (previous && level > previous + 1) problems.push(`heading h${previous} is followed by h${level} «${h.textContent.trim().slice(0, 60)}»`);
            previous = level;
          }
          for (const th of document.querySelectorAll('th')) {
            if (!th.textContent.trim() && !th.getAttribute('aria-label')) problems.push(`a header cell with no text in ${th.closest('table').outerHTML.slice(0, 100)}`);
          }
          return problems;
        }
        """;

    private static async Task<(int ScrollWidth, int InnerWidth)> SideScrollAsync(IPage page)
    {
        var sizes = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        return (sizes[0], sizes[1]);
    }

    /// <summary>The element that reaches furthest right, to say what makes a page too wide.</summary>
    private static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          let widest = null, right = 0;
          const clipped = e => {
            for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
              if (getComputedStyle(a).overflowX !== 'visible') return true;
            }
            return false;
          };
          for (const e of document.body.querySelectorAll('*')) {
            const r = e.getBoundingClientRect().right;
            if (r <= right + 0.5 || clipped(e)) continue;
            if (r > right + 0.5) { right = r; widest = e; }
          }
          if (!widest) return '';
          const classes = widest.className && typeof widest.className === 'string' ? '.' + widest.className.trim().split(/\s+/).join('.') : '';
          return `${widest.tagName.toLowerCase()}${classes} to ${Math.round(right)} px: ${widest.outerHTML.slice(0, 120)}`;
        }
        """);

    private static string Short(string html) => html.Length > 160 ? html[..160] + "…" : html;

    /// <summary>The Nu HTML Checker: vnu.jar from npm (VNU_JAR, or artifacts/tools/node_modules) run by the machine's Java.</summary>
    private static class Checker
    {
        public static string? Java => FindOnPath("java");

        public static string? Jar
        {
            get
            {
                var jar = Environment.GetEnvironmentVariable("VNU_JAR") is { Length: > 0 } set ? set
                    : Path.Combine(BrowserPortal.RepositoryFolder, "artifacts", "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
                return File.Exists(jar) ? jar : null;
            }
        }

        /// <summary>One run over the folder; each error as "file:line: message".</summary>
        public static async Task<IReadOnlyList<string>> ErrorsAsync(string java, string jar, string folder)
        {
            var start = new ProcessStartInfo(java) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "-Xss4m", "-jar", jar, "--errors-only", "--format", "json", "--exit-zero-always", folder })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var report = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            await output;
            Assert.True(process.ExitCode == 0, $"vnu.jar exited with {process.ExitCode}: {report}");

            using var json = JsonDocument.Parse(report);
            return json.RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() == "error" || m.TryGetProperty("subType", out var sub) && sub.GetString() == "fatal")
                .Select(m =>
                {
                    var file = m.TryGetProperty("url", out var url) ? url.GetString()![(url.GetString()!.LastIndexOf('/') + 1)..] : "?";
                    var line = m.TryGetProperty("lastLine", out var last) ? last.GetInt32().ToString(CultureInfo.InvariantCulture) : "?";
                    var extract = m.TryGetProperty("extract", out var e) ? " — " + e.GetString()!.Trim() : string.Empty;
                    return $"{file}:{line}: {m.GetProperty("message").GetString()}{extract}";
                })
                .ToList();
        }

        private static string? FindOnPath(string program) =>
            (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
                .Select(dir => Path.Combine(dir, program))
                .FirstOrDefault(File.Exists);
    }
}
