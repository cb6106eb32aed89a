using System.Text;

namespace MissionPortal.Core.Domain.Common;

/// <summary>
/// Russian quotation marks: «ёлочки» outside, „лапки“ inside. A name that already holds quotes (ООО «Ромашка»,
/// Соглашение "О сотрудничестве") is quoted once more as «ООО „Ромашка“», never as «ООО «Ромашка»».
/// </summary>
public static class Quotes
{
    /// <summary>The name in «…», its own quotes turned into „…“; a name already wholly in «…» is not quoted twice.</summary>
    public static string Quote(string? name)
    {
        var text = Straighten((name ?? string.Empty).Trim());
        return Nest(IsWhollyQuoted(text) ? text : "«" + text + "»");
    }

    /// <summary>
    /// «…» inside «…» becomes „…“, at any place in a sentence: «Соглашение «О сотрудничестве»» → «Соглашение
    /// „О сотрудничестве“». A text whose quotes do not pair up is left as it is.
    /// </summary>
    public static string Nest(string text)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains('«', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case '«':
                    result.Append(depth == 0 ? '«' : '„');
                    depth++;
                    break;
                case '»':
                    if (depth == 0)
                    {
                        return text;
                    }

                    depth--;
                    result.Append(depth == 0 ? '»' : '“');
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }

        return depth == 0 ? result.ToString() : text;
    }

    /// <summary>A word or phrase of the name's kind is not repeated: («Соглашение», «Соглашение о сотрудничестве») → «Соглашение о сотрудничестве» without a second «Соглашение».</summary>
    public static string Titled(string kind, string? name)
    {
        var text = (name ?? string.Empty).Trim();
        return text.StartsWith(kind, StringComparison.OrdinalIgnoreCase) ? Quote(text) : $"{kind} {Quote(text)}";
    }

    // Straight double quotes typed into a name ("СтройРеанимация") read as «…».
    private static string Straighten(string text)
    {
        if (!text.Contains('"', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '"')
            {
                result.Append(c);
                continue;
            }

            var opening = i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '«' or '„';
            result.Append(opening ? '«' : '»');
        }

        return result.ToString();
    }

    private static bool IsWhollyQuoted(string text)
    {
        if (text.Length < 2 || text[0] != '«' || text[^1] != '»')
        {
            return false;
        }

        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '«' => 1, '»' => -1, _ => 0 };
            if (depth == 0)
            {
                return i == text.Length - 1;
            }
        }

        return false;
    }
}
