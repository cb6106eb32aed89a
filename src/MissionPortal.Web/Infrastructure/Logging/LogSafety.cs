using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace MissionPortal.Web.Infrastructure.Logging;

/// <summary>
/// Every text that reaches a log line goes through here: control characters (CR and LF, which would start a forged
/// line, NUL, escape sequences, the Unicode line and paragraph separators) are written as \r, \n, \u0000…, and a
/// calendar's secret key in a request path is masked. Runs on every event, whoever logged it.
/// </summary>
public sealed partial class LogSafety : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (value is ScalarValue { Value: string text })
            {
                var safe = MaskSecrets(Escape(text));
                if (!ReferenceEquals(safe, text) && safe != text)
                {
                    (changed ??= []).Add(new LogEventProperty(name, new ScalarValue(safe)));
                }
            }
        }

        changed?.ForEach(logEvent.AddOrUpdateProperty);
    }

    /// <summary>The text with control and line-separator characters written as escapes.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\r' => "\\r",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when NeedsEscape(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>Calendar keys in paths (/calendar/{key}.ics, /calendar/{key}/participant/{id}.ics) become ***.</summary>
    public static string MaskSecrets(string text) =>
        text.Contains("/calendar/", StringComparison.OrdinalIgnoreCase) ? CalendarKey().Replace(text, "/calendar/***") : text;

    /// <summary>
    /// An address typed at a failed sign-in, as the log keeps it: the first letter of the name and the domain, when
    /// the domain looks like one (so a password typed into the e-mail field is not written down), and a fingerprint
    /// that tells repeated attempts with the same text apart until the portal restarts.
    /// </summary>
    public static string MaskTypedAddress(string typed)
    {
        var at = typed.LastIndexOf('@');
        var domain = at > 0 ? typed[(at + 1)..].ToLowerInvariant() : string.Empty;
        var shown = at > 0 && Domain().IsMatch(domain) ? $"{typed[0]}***@{domain}" : "***";
        return $"{Escape(shown)} #{Fingerprint(typed.ToLowerInvariant())}";
    }

    private static readonly byte[] FingerprintKey = RandomNumberGenerator.GetBytes(32);

    private static string Fingerprint(string text) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(FingerprintKey, Encoding.UTF8.GetBytes(text)))[..10];

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085';

    [GeneratedRegex(@"/calendar/[^/.?\s]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CalendarKey();

    [GeneratedRegex(@"^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Domain();
}
