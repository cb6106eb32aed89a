using System.Globalization;
using System.Text.RegularExpressions;

namespace MissionPortal.UnitTests.Accessibility;

/// <summary>
/// The portal's own stylesheet sets the text colours Bootstrap would draw too pale on the grey page (WCAG 2: normal text
/// needs 4.5:1). These tests read wwwroot/css/site.css as it is, so a pale colour put back fails here.
/// </summary>
public partial class ContrastTests
{
    private const double Minimum = 4.5;

    /// <summary>The text colours the stylesheet sets as variables (Bootstrap's links, muted and secondary text, hour labels).</summary>
    public static TheoryData<string> TextColours => ["--bs-link-color", "--bs-link-hover-color", "--bs-secondary-color", "--bs-secondary", "--portal-hour-color"];

    /// <summary>The grounds text lies on: the page, cards and tables, a striped row, the programme's drop target, a light grey fill.</summary>
    private static readonly string[] Grounds = ["#ffffff", "#f2f2f2", "#e7f1ff", "#e9ecef"];

    [Theory]
    [MemberData(nameof(TextColours))]
    public void Every_text_colour_reaches_4_5_to_1_on_the_page_and_its_light_fills(string variable)
    {
        var variables = Variables();
        var colour = variables[variable];
        foreach (var ground in Grounds.Prepend(variables["--portal-page-bg"]))
        {
            var ratio = Ratio(colour, ground);
            Assert.True(ratio >= Minimum, $"{variable} {colour} on {ground}: {ratio:F2}:1, under {Minimum}:1");
        }
    }

    [Fact]
    public void White_text_on_the_secondary_fill_reaches_4_5_to_1()
    {
        // Badges (text-bg-secondary) and hovered grey buttons are white on the secondary colour.
        var ratio = Ratio("#ffffff", Variables()["--bs-secondary"]);
        Assert.True(ratio >= Minimum, $"white on --bs-secondary: {ratio:F2}:1");
    }

    [Theory]
    [InlineData("--bs-link-color")]
    [InlineData("--bs-link-hover-color")]
    [InlineData("--bs-secondary")]
    public void The_rgb_triple_Bootstrap_draws_with_is_the_same_colour(string variable)
    {
        // Bootstrap paints links and .text-secondary from the -rgb variables, not from the hex ones.
        var variables = Variables();
        var triple = variables[variable + "-rgb"].Split(',').Select(p => int.Parse(p.Trim(), CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(Rgb(variables[variable]).Select(c => (int)c), triple);
    }

    [Fact]
    public void The_page_background_and_the_hour_labels_use_the_checked_variables()
    {
        var css = Css();
        Assert.Matches(@"body\s*\{[^}]*background:\s*var\(--portal-page-bg\)", css);
        Assert.Matches(@"\.tg-hour\s*\{[^}]*color:\s*var\(--portal-hour-color\)", css);
        Assert.Matches(@"\.btn-outline-secondary\s*\{[^}]*--bs-btn-color:\s*var\(--bs-secondary\)", css);
    }

    [Fact]
    public void Every_other_text_colour_in_the_stylesheet_reaches_4_5_to_1_on_its_own_background_or_the_page()
    {
        var page = Variables()["--portal-page-bg"];
        var failures = new List<string>();
        foreach (Match rule in RuleSyntax().Matches(Css()))
        {
            var selector = rule.Groups["selector"].Value.Trim();
            var body = rule.Groups["body"].Value;
            // The navigation bar draws white on the portal's dark blue, not on the page.
            if (selector.StartsWith(':') || selector.Contains(".navbar", StringComparison.Ordinal)
                || TextColour().Match(body) is not { Success: true } text)
            {
                continue;
            }

            var ground = Background().Match(body) is { Success: true } own ? own.Groups["hex"].Value : page;
            var ratio = Ratio(text.Groups["hex"].Value, ground);
            if (ratio < Minimum)
            {
                failures.Add($"{selector}: {text.Groups["hex"].Value} on {ground} is {ratio:F2}:1");
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("#0d6efd", "#f6f7f9", 4.20)] // Bootstrap's link blue on the page, as the accessibility check measured it
    [InlineData("#6c757d", "#f6f7f9", 4.37)]
    [InlineData("#98a2b3", "#f6f7f9", 2.40)]
    [InlineData("#000000", "#ffffff", 21.0)]
    public void The_ratio_is_the_WCAG_formula(string foreground, string background, double expected) =>
        Assert.Equal(expected, Ratio(foreground, background), 2);

    private static double Ratio(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        var c = Rgb(hex).Select(v => v / 255.0).Select(v => v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4)).ToArray();
        return (0.2126 * c[0]) + (0.7152 * c[1]) + (0.0722 * c[2]);
    }

    private static byte[] Rgb(string hex)
    {
        var h = hex.TrimStart('#');
        if (h.Length == 3)
        {
            h = string.Concat(h.Select(ch => new string(ch, 2)));
        }

        return [.. Enumerable.Range(0, 3).Select(i => byte.Parse(h.AsSpan(i * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture))];
    }

    /// <summary>The custom properties of the stylesheet's :root.</summary>
    private static Dictionary<string, string> Variables()
    {
        var root = RootSyntax().Match(Css());
        Assert.True(root.Success, "site.css has no :root block");
        return VariableSyntax().Matches(root.Groups["body"].Value)
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value.Trim(), StringComparer.Ordinal);
    }

    private static string Css()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MissionPortal.sln")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? throw new DirectoryNotFoundException("MissionPortal.sln not found");
        var css = File.ReadAllText(Path.Combine(root, "src", "MissionPortal.Web", "wwwroot", "css", "site.css"));
        return CommentSyntax().Replace(css, string.Empty);
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CommentSyntax();

    [GeneratedRegex(@":root\s*\{(?<body>[^}]*)\}")]
    private static partial Regex RootSyntax();

    [GeneratedRegex(@"(?<name>--[\w-]+)\s*:\s*(?<value>[^;]+);")]
    private static partial Regex VariableSyntax();

    [GeneratedRegex(@"(?<selector>[^{}@]+)\{(?<body>[^{}]*)\}")]
    private static partial Regex RuleSyntax();

    [GeneratedRegex(@"(?<![-\w])color:\s*(?<hex>#[0-9a-fA-F]{3,6})\b")]
    private static partial Regex TextColour();

    [GeneratedRegex(@"(?<![-\w])background(-color)?:\s*(?<hex>#[0-9a-fA-F]{3,6})\b")]
    private static partial Regex Background();
}
