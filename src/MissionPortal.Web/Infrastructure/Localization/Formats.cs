using System.Globalization;

namespace MissionPortal.Web.Infrastructure.Localization;

/// <summary>
/// Dates, times and numbers as people in the portal's culture write them («10 декабря 2026 г.», «10.12.2026», «09:30»,
/// «100 000», «20 мин»). A number stays on one line with its unit: «2026 г.», «20 мин» and «5 МБ» are joined by a
/// non-breaking space, and Russian thousands are grouped by one.
/// </summary>
public static partial class Formats
{
    /// <summary>The non-breaking space.</summary>
    public const string Nbsp = "\u00A0";

    private static bool Russian => CultureInfo.CurrentCulture.Name == "ru-RU";

    public static string LongDate(DateOnly date) =>
        date.ToString(Russian ? "d MMMM yyyy'\u00A0г.'" : "MMMM d, yyyy", CultureInfo.CurrentCulture);

    public static string DayHeading(DateOnly date) =>
        date.ToString(CultureInfo.CurrentCulture.Name == "ru-RU" ? "d MMMM, dddd" : "dddd, MMMM d", CultureInfo.CurrentCulture);

    public static string ShortDate(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A stored UTC instant as the wall-clock time of a zone, with its offset: «07.12.2026 14:30 (UTC+7)».</summary>
    public static string Moment(DateTime utc, TimeZoneInfo zone)
    {
        var local = MissionPortal.Core.Domain.Common.HostCalendar.Local(utc, zone);
        return $"{local.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture)} ({Offset(zone.GetUtcOffset(local))})";
    }

    /// <summary>«UTC+7», «UTC+2», «UTC+5:30».</summary>
    public static string Offset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? "−" : "+";
        var hours = offset.Duration();
        return hours.Minutes == 0 ? $"UTC{sign}{hours.Hours}" : $"UTC{sign}{hours.Hours}:{hours.Minutes:D2}";
    }

    /// <summary>A stored UTC instant in the portal's default zone (outside a mission).</summary>
    public static string Moment(DateTime utc) => Moment(utc, MissionPortal.Core.Domain.Common.HostCalendar.Default);

    /// <summary>A period in figures for tables: «10.12.2026 – 11.12.2026»; one day as a long date.</summary>
    public static string Period(DateOnly start, DateOnly end) =>
        start == end ? LongDate(start) : $"{ShortDate(start)}{Nbsp}– {ShortDate(end)}";

    /// <summary>
    /// The one way a period is written in words: «10–11 декабря 2026 г.», «30 ноября – 2 декабря 2026 г.»,
    /// «31 декабря 2026 г. – 2 января 2027 г.»; in English «December 10–11, 2026», «November 30 – December 2, 2026»,
    /// «December 31, 2026 – January 2, 2027». What the two dates share is written once.
    /// </summary>
    public static string LongPeriod(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            (start, end) = (end, start);
        }

        if (start == end)
        {
            return LongDate(start);
        }

        var culture = CultureInfo.CurrentCulture;
        if (start.Year != end.Year)
        {
            return $"{LongDate(start)}{Nbsp}– {LongDate(end)}";
        }

        if (Russian)
        {
            return start.Month == end.Month
                ? $"{start.Day}–{LongDate(end)}"
                : $"{start.ToString("d MMMM", culture)}{Nbsp}– {LongDate(end)}";
        }

        return start.Month == end.Month
            ? $"{start.ToString("MMMM d", culture)}–{end.Day}, {end.Year}"
            : $"{start.ToString("MMMM d", culture)} – {end.ToString("MMMM d", culture)}, {end.Year}";
    }

    /// <summary>A word from a list (a role, a status) in the middle of a sentence: «Глава делегации» → «глава делегации»; abbreviations (АО, B2B) stay.</summary>
    public static string MidSentence(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1])
            ? char.ToLower(text[0], CultureInfo.CurrentCulture) + text[1..]
            : text;

    /// <summary>A whole number grouped by thousands as the culture writes it, with non-breaking spaces: «100 000».</summary>
    public static string Number(long value) =>
        value.ToString("N0", CultureInfo.CurrentCulture).Replace(' ', '\u00A0').Replace('\u202F', '\u00A0');

    /// <summary>A number with its unit on one line: «20 мин», «5 МБ», «60 км».</summary>
    public static string WithUnit(long value, string unit) => $"{Number(value)}{Nbsp}{unit}";

    /// <summary>Text with a non-breaking space wherever a number (or a placeholder «{0}» for one) meets its unit or an
    /// initial meets the next word («2026 г.», «{0} мин», «5 МБ», «М. И. Петров»). Thousands are written with
    /// <see cref="Number"/>: a space between digits in free text may be a phone number's.</summary>
    public static string Typeset(string? text) =>
        string.IsNullOrEmpty(text) ? text ?? string.Empty : NumberUnit().Replace(Initials().Replace(text, "$1\u00A0"), "$1\u00A0$2");

    [System.Text.RegularExpressions.GeneratedRegex(@"([\d}]) (г\.|гг\.|мин\b|ч\b|км\b|МБ\b|КБ\b|ГБ\b|чел\.|%|₽|руб\.)")]
    private static partial System.Text.RegularExpressions.Regex NumberUnit();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\p{L}])(\p{Lu}\.) (?=\p{Lu})")]
    private static partial System.Text.RegularExpressions.Regex Initials();
}
