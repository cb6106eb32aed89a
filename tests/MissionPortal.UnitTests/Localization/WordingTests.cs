using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MissionPortal.UnitTests.Localization;

/// <summary>
/// The forms the portal's glossary (docs/ru/glossary.md) rules out stay out of its text: the views, the strings the code
/// hands to the localizer and the English resource file's keys.
/// </summary>
public partial class WordingTests
{
    /// <summary>Each banned form: what it is, and the pattern that finds it.</summary>
    public static readonly IReadOnlyList<(string Name, Regex Pattern)> Banned =
    [
        ("gender in brackets «добавлен(а)»", GenderInBrackets()),
        ("an «OK» button", OkButton()),
        ("«Принять конфликт» (say «Признать допустимым»)", AcceptConflict()),
        ("«неверно»/«некорректно» instead of what to do", Wrong()),
        ("quotes nested as «…«…»…» (write „…“ inside)", NestedQuotes()),
        ("a noun as a button («Печать», «PDF»)", NounButton()),
        ("«Делегация: …» as a generated name", DelegationColon()),
        ("the portal as «мы/наш»", WeVoice()),
        ("«состояние» for a status", State()),
        ("«пауза» for a break", Pause()),
        ("«результаты» for a mission's results (say «итоги»)", Results()),
    ];

    /// <summary>
    /// Known places that still hold a banned form, as «file: form»: none now. A line put here while its place waits to be
    /// mended makes the test fail once the place no longer holds it.
    /// </summary>
    private static readonly string[] Still = [];

    [Fact]
    public void No_banned_form_is_left_in_the_interface()
    {
        var found = Findings(WebRoot()).ToList();
        var fresh = found.Where(f => !Still.Contains(f.Place)).Select(f => $"{f.Place}\n    {f.Text}").ToList();
        var mended = Still.Except(found.Select(f => f.Place)).ToList();
        Assert.True(fresh.Count == 0, "Banned wording:\n" + string.Join("\n", fresh));
        Assert.True(mended.Count == 0, "No longer found; take it off the list:\n" + string.Join("\n", mended));
    }

    [Theory]
    [InlineData("{0} добавлен(а) в делегацию.", "gender in brackets «добавлен(а)»")]
    [InlineData("Записал(а) {0}", "gender in brackets «добавлен(а)»")]
    [InlineData("<button type=\"submit\">OK</button>", "an «OK» button")]
    [InlineData("@L[\"OK\"]", "an «OK» button")]
    [InlineData("Принять конфликт", "«Принять конфликт» (say «Признать допустимым»)")]
    [InlineData("Адрес указан неверно.", "«неверно»/«некорректно» instead of what to do")]
    [InlineData("Некорректное значение", "«неверно»/«некорректно» instead of what to do")]
    [InlineData("Соглашение «Соглашение «О сотрудничестве»»", "quotes nested as «…«…»…» (write „…“ inside)")]
    [InlineData("data-print>@L[\"Печать\"]</button>", "a noun as a button («Печать», «PDF»)")]
    [InlineData("asp-action=\"Pdf\">PDF</a>", "a noun as a button («Печать», «PDF»)")]
    [InlineData("l[\"Делегация: {0}\", origin]", "«Делегация: …» as a generated name")]
    [InlineData("Мы отправили письмо", "the portal as «мы/наш»")]
    [InlineData("Наши участники", "the portal as «мы/наш»")]
    [InlineData("сейчас в состоянии «{1}»", "«состояние» for a status")]
    [InlineData("Пауза между встречами", "«пауза» for a break")]
    [InlineData("Результаты миссии", "«результаты» for a mission's results (say «итоги»)")]
    public void Each_banned_form_is_caught(string text, string form) =>
        Assert.Contains(Banned, b => b.Name == form && b.Pattern.IsMatch(text));

    [Theory]
    [InlineData("В делегацию «{1}» добавлен участник: {0}.")]
    [InlineData("Введите адрес в формате name@example.ru.")]
    [InlineData("Соглашение «О „зелёном“ коридоре»")]
    [InlineData("<button type=\"button\" data-print>@L[\"Распечатать\"]</button>")]
    [InlineData("@L[\"Скачать PDF\"]")]
    [InlineData("Логотип (PNG, JPEG или WebP, до 5 МБ)")]
    [InlineData("Согласие самого человека при регистрации на портале (ФЗ-152)")]
    [InlineData("Итоги миссии")]
    [InlineData("Прошу вас, мыло и нашатырь")]
    public void Good_wording_passes(string text) =>
        Assert.DoesNotContain(Banned, b => b.Pattern.IsMatch(text));

    private static IEnumerable<(string Place, string Text)> Findings(string root)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "Features"), "*.*", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(Path.Combine(root, "Infrastructure"), "*.*", SearchOption.AllDirectories))
                     .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var text = File.ReadAllText(file);
            // In C# only the strings matter (comments and identifiers may name the forms they avoid); a view is all text.
            var parts = file.EndsWith(".cs", StringComparison.Ordinal)
                ? StringLiteral().Matches(text).Select(m => m.Value)
                : text.Split('\n').Where(l => !l.TrimStart().StartsWith("@*", StringComparison.Ordinal));
            foreach (var part in parts)
            {
                foreach (var (name, pattern) in Banned.Where(b => b.Pattern.IsMatch(part)))
                {
                    yield return ($"{relative}: {name}", part.Trim());
                }
            }
        }

        var resx = Path.Combine(root, "Resources", "SharedResource.en.resx");
        foreach (var key in XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!))
        {
            foreach (var (name, pattern) in Banned.Where(b => b.Pattern.IsMatch(key) || b.Pattern.IsMatch($"@L[\"{key}\"]")))
            {
                yield return ($"Resources/SharedResource.en.resx: {name}", key);
            }
        }
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

    [GeneratedRegex(@"[А-Яа-яЁё]\((?:а|ла|на|ое|ая|ы)\)")]
    private static partial Regex GenderInBrackets();

    [GeneratedRegex(@">\s*OK\s*<|\[""OK""\]")]
    private static partial Regex OkButton();

    [GeneratedRegex(@"[Пп]ринять конфликт")]
    private static partial Regex AcceptConflict();

    [GeneratedRegex(@"(?<![А-Яа-яЁё])(?:[Нн]еверн|[Нн]екорректн)")]
    private static partial Regex Wrong();

    [GeneratedRegex(@"«[^«»]*«[^«»]*»[^«»]*»")]
    private static partial Regex NestedQuotes();

    [GeneratedRegex(@"\[""Печать""\]|>\s*Печать\s*<|>\s*PDF\s*<|\[""PDF""\]")]
    private static partial Regex NounButton();

    [GeneratedRegex(@"""Делегация: \{0\}""")]
    private static partial Regex DelegationColon();

    [GeneratedRegex(@"(?<![А-Яа-яЁё])(?:[Мм]ы|[Нн]аш(?:а|и|е|его|ей|их|ему|им|ими|у)?)(?![А-Яа-яЁё])")]
    private static partial Regex WeVoice();

    [GeneratedRegex(@"(?<![А-Яа-яЁё])[Сс]остояни[еяию]")]
    private static partial Regex State();

    [GeneratedRegex(@"(?<![А-Яа-яЁё])[Пп]ауз[аыуе]")]
    private static partial Regex Pause();

    [GeneratedRegex(@"(?<![А-Яа-яЁё])[Рр]езультат(?:ы|ов) (?:миссии|компании|компаний)|\[""Результаты""\]")]
    private static partial Regex Results();

    // A C# string literal, plain or verbatim; good enough for the portal's sources (no raw literals hold interface text).
    [GeneratedRegex(@"@?""(?:[^""\\\n]|\\.|"""")*""")]
    private static partial Regex StringLiteral();
}
