using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using MissionPortal.Web;
using MissionPortal.Web.Infrastructure.Localization;

namespace MissionPortal.UnitTests.Localization;

/// <summary>Every Russian interface string has its English translation, so the language switch leaves nothing behind.</summary>
public partial class ResourceCoverageTests
{
    private static readonly ResourceManager Resources = new("MissionPortal.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    private static string? English(string key) => Resources.GetString(key, CultureInfo.GetCultureInfo("en-US"));

    public static TheoryData<string> LiteralKeys()
    {
        var root = SourceRoot();
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (Match match in LocalizerCall().Matches(File.ReadAllText(file)))
            {
                keys.Add(Regex.Unescape(match.Groups["key"].Value));
            }
        }

        var data = new TheoryData<string>();
        foreach (var key in keys)
        {
            data.Add(key);
        }

        return data;
    }

    [Fact]
    public void The_source_has_localized_strings_to_check() => Assert.True(LiteralKeys().Count > 100);

    [Theory]
    [MemberData(nameof(LiteralKeys))]
    public void Every_interface_string_has_an_English_entry(string key) =>
        Assert.False(string.IsNullOrWhiteSpace(English(key)), $"No English for «{key}» in Resources/SharedResource.en.resx");

    [Fact]
    public void Every_enum_value_shown_to_users_has_a_Russian_name_and_an_English_one()
    {
        var missing = EnumText.Types
            .SelectMany(t => Enum.GetValues(t).Cast<Enum>())
            .Where(v => v.ToString() != "None")
            .Select(v => (Value: v, Russian: EnumText.Of(v)))
            .Where(x => x.Russian == x.Value.ToString() || string.IsNullOrWhiteSpace(English(x.Russian)))
            .Select(x => $"{x.Value.GetType().Name}.{x.Value}")
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_role_has_a_name_in_both_languages()
    {
        foreach (var role in MissionPortal.Core.Security.Roles.All)
        {
            Assert.NotEqual(role, RoleNames.Of(role));
            Assert.False(string.IsNullOrWhiteSpace(English(RoleNames.Of(role))));
        }
    }

    private static string SourceRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MissionPortal.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("MissionPortal.sln not found"), "src", "MissionPortal.Web");
    }

    [GeneratedRegex("""\b(?:L|l|localizer)\["(?<key>(?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex LocalizerCall();
}
