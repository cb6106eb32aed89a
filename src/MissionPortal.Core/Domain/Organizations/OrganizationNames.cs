using System.Text;
using System.Text.RegularExpressions;

namespace MissionPortal.Core.Domain.Organizations;

/// <summary>
/// How an organisation's name is compared: ООО «СтройРеанимация», ООО "СтройРеанимация", Общество с ограниченной
/// ответственностью «Стройреанимация» and стройреанимация ооо are one name. Case, «ё», quotes of every kind, punctuation
/// and the legal form (ООО, АО, ПАО, ЗАО, ОАО, НАО, ИП, АНО, written short or in full) don't count.
/// </summary>
public static partial class OrganizationNames
{
    private static readonly string[] LongForms =
    [
        "общество с ограниченной ответственностью",
        "публичное акционерное общество",
        "непубличное акционерное общество",
        "закрытое акционерное общество",
        "открытое акционерное общество",
        "акционерное общество",
        "индивидуальный предприниматель",
        "автономная некоммерческая организация",
    ];

    private static readonly HashSet<string> ShortForms = new(StringComparer.Ordinal)
    {
        "ооо", "ао", "пао", "зао", "оао", "нао", "ип", "ано", "llc", "jsc", "ltd",
    };

    /// <summary>The comparison key of a name; empty for a blank one.</summary>
    public static string Key(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var text = name.ToLowerInvariant().Replace('ё', 'е');
        foreach (var form in LongForms)
        {
            text = text.Replace(form, " ", StringComparison.Ordinal);
        }

        var words = new StringBuilder(text.Length);
        foreach (var word in NotLetters().Split(text))
        {
            if (word.Length == 0 || ShortForms.Contains(word))
            {
                continue;
            }

            if (words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(word);
        }

        return words.ToString();
    }

    public static bool Same(string? a, string? b) => Key(a) is { Length: > 0 } key && key == Key(b);

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex NotLetters();
}
