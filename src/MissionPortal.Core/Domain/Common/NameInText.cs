using System.Text;
using System.Text.RegularExpressions;
using MissionPortal.Core.Domain.Auditing;

namespace MissionPortal.Core.Domain.Common;

/// <summary>
/// A person's name where it is typed as text (a moderator in a description, a contact at a B2B table): found in any
/// case, with «ё» for «е» and any spaces between its parts, and replaced by «[удалено]». Remembers the forms it found,
/// so the audit log's copies of them can be cleaned too.
/// </summary>
public sealed class NameInText
{
    private readonly Regex _pattern;
    private readonly HashSet<string> _found = new(StringComparer.Ordinal);

    /// <param name="forms">The forms to look for: «Фамилия Имя Отчество», «Фамилия И. О.».</param>
    public NameInText(params string[] forms)
    {
        var alternatives = forms.Where(f => !string.IsNullOrWhiteSpace(f)).Distinct(StringComparer.Ordinal).Select(Pattern).ToList();
        _pattern = new Regex(
            alternatives.Count == 0 ? "(?!)" : $@"(?<![\p{{L}}\d])(?:{string.Join('|', alternatives)})(?![\p{{L}}\d])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>The texts found and replaced, as they were written.</summary>
    public IReadOnlyCollection<string> Found => _found;

    /// <summary>The text with the name replaced; the same text when it does not hold the name.</summary>
    public string Remove(string text) => _pattern.Replace(text, m =>
    {
        _found.Add(m.Value);
        return AuditEntry.Redacted;
    });

    public string? RemoveFrom(string? text) => text is null ? null : Remove(text);

    /// <summary>Whether the text is the name and nothing else.</summary>
    public bool IsWhole(string? text) => text is not null && _pattern.Match(text.Trim()) is { Success: true } m && m.Length == text.Trim().Length;

    private static string Pattern(string form)
    {
        var parts = form.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var pattern = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                // «И. О.» is also written «И.О.».
                pattern.Append(parts[i - 1].EndsWith('.') ? @"\s*" : @"\s+");
            }

            foreach (var c in parts[i])
            {
                pattern.Append(char.ToLowerInvariant(c) is 'е' or 'ё' ? "[её]" : Regex.Escape(c.ToString()));
            }
        }

        return pattern.ToString();
    }
}
