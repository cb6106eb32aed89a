using System.Globalization;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.Web.Features.Reports;

/// <summary>A programme item as the prose needs it: when, what kind, its title, and a round table's topic.</summary>
public sealed record ProseItem(DateOnly Date, TimeOnly Start, ProgrammeItemKind Kind, string Title, string? RoundTableTopic = null);

/// <summary>
/// The programme told in Russian sentences, one per day, as a news report tells it:
/// «17 ноября — церемония возложения цветов к Мемориалу Победы; …; тематические круглые столы «…», «…» и «…».»
/// Transfers and breaks are left out; presentations, B2B sessions and round tables of a day are told once, together.
/// </summary>
public static class ProgrammeProse
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public static IReadOnlyList<string> Paragraphs(IEnumerable<ProseItem> items) =>
        items
            .Where(i => i.Kind is not (ProgrammeItemKind.Break or ProgrammeItemKind.Transfer))
            .OrderBy(i => i.Date).ThenBy(i => i.Start)
            .GroupBy(i => i.Date)
            .Select(day => Sentence(day.Key, day.ToList()))
            .Where(s => s is not null)
            .Select(s => s!)
            .ToList();

    private static string? Sentence(DateOnly date, IReadOnlyList<ProseItem> items)
    {
        var phrases = new List<string>();
        var told = new HashSet<ProgrammeItemKind>();
        foreach (var item in items)
        {
            if (item.Kind is ProgrammeItemKind.Presentation or ProgrammeItemKind.B2BSession or ProgrammeItemKind.RoundTable)
            {
                if (told.Add(item.Kind))
                {
                    phrases.Add(Together(item.Kind, items.Where(i => i.Kind == item.Kind).ToList()));
                }

                continue;
            }

            var phrase = Lower(Clean(item.Title));
            if (phrase.Length > 0 && !phrases.Contains(phrase, StringComparer.Ordinal))
            {
                phrases.Add(phrase);
            }
        }

        return phrases.Count == 0
            ? null
            : $"{date.ToString("d MMMM", Russian)} — {string.Join("; ", phrases)}.";
    }

    private static string Together(ProgrammeItemKind kind, IReadOnlyList<ProseItem> items)
    {
        if (items.Count == 1)
        {
            var only = items[0];
            return kind == ProgrammeItemKind.RoundTable && !string.IsNullOrWhiteSpace(only.RoundTableTopic)
                ? $"круглый стол {Quotes.Quote(Clean(only.RoundTableTopic))}"
                : Lower(Clean(only.Title));
        }

        var n = items.Count;
        return kind switch
        {
            ProgrammeItemKind.Presentation when items.All(i => i.Title.StartsWith("Презентация компании", StringComparison.OrdinalIgnoreCase)) =>
                $"презентации {n} {Plural(n, "компании", "компаний", "компаний")}",
            ProgrammeItemKind.Presentation => $"{n} {Plural(n, "презентация", "презентации", "презентаций")}",
            ProgrammeItemKind.B2BSession => $"деловые переговоры в формате B2B ({n} {Plural(n, "сессия", "сессии", "сессий")})",
            _ => "тематические круглые столы " + JoinRussian(items.Select(i => Quotes.Quote(Clean(i.RoundTableTopic ?? Unquoted(i.Title)))).ToList()),
        };
    }

    /// <summary>«один», «два», «пять»: the form of a noun after the number <paramref name="n"/>.</summary>
    public static string Plural(int n, string one, string few, string many)
    {
        var lastTwo = Math.Abs(n) % 100;
        var last = lastTwo % 10;
        return lastTwo is >= 11 and <= 14 ? many
            : last == 1 ? one
            : last is >= 2 and <= 4 ? few
            : many;
    }

    /// <summary>«А», «А и Б», «А, Б и В».</summary>
    public static string JoinRussian(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => string.Empty,
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " и " + parts[^1],
    };

    /// <summary>Lower-cases the first letter for the middle of a sentence, unless the word is an abbreviation (АО, B2B).</summary>
    public static string Lower(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1])
            ? char.ToLower(text[0], Russian) + text[1..]
            : text;

    private static string Clean(string text) => text.Trim().TrimEnd('.', ';', ',', ' ');

    /// <summary>A round table's title without its «Круглый стол «…»» wrapper, when it has no topic of its own.</summary>
    private static string Unquoted(string title)
    {
        var open = title.IndexOf('«', StringComparison.Ordinal);
        return open >= 0 && title.EndsWith('»') ? title[(open + 1)..^1] : title;
    }
}
