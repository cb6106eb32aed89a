using System.Text.RegularExpressions;

namespace MissionPortal.UnitTests.Security;

/// <summary>
/// The Content-Security-Policy allows scripts and styles from the portal's files only: a view with an inline
/// script, an event-handler attribute or a style attribute would break in the browser, so none may have one.
/// </summary>
public partial class ContentSecurityPolicyTests
{
    public static TheoryData<string> Views()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(WebRoot(), "Features"), "*.cshtml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(WebRoot(), file));
        }

        return data;
    }

    [Fact]
    public void There_are_views_to_check() => Assert.True(Views().Count >= 10);

    [Theory]
    [MemberData(nameof(Views))]
    public void No_view_has_inline_script_event_handlers_or_style_attributes(string view)
    {
        var markup = File.ReadAllText(Path.Combine(WebRoot(), view));
        var problems = new List<string>();
        problems.AddRange(InlineScript().Matches(markup).Select(m => "inline script: " + m.Value));
        problems.AddRange(StyleElement().Matches(markup).Select(m => "style element: " + m.Value));
        problems.AddRange(EventHandler().Matches(markup).Select(m => "event handler: " + m.Value));
        problems.AddRange(StyleAttribute().Matches(markup).Select(m => "style attribute: " + m.Value));
        problems.AddRange(JavascriptUrl().Matches(markup).Select(m => "javascript: URL: " + m.Value));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string WebRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MissionPortal.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("MissionPortal.sln not found"), "src", "MissionPortal.Web");
    }

    // <script> without a src attribute
    [GeneratedRegex(@"<script(?![^>]*\bsrc\s*=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<style\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();

    // onclick="...", onsubmit='...' and the like inside a tag
    [GeneratedRegex(@"<[a-z][^>]*\s(on[a-z]+)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex(@"<[a-z][^>]*\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex(@"(href|src|action)\s*=\s*[""']\s*javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex JavascriptUrl();
}
