using System.Globalization;

namespace MissionPortal.Web.Infrastructure.Localization;

/// <summary>Dates and times as people in the portal's culture write them («10 декабря 2026 г.», «10.12.2026», «09:30»).</summary>
public static class Formats
{
    public static string LongDate(DateOnly date) =>
        date.ToString(CultureInfo.CurrentCulture.Name == "ru-RU" ? "d MMMM yyyy 'г.'" : "MMMM d, yyyy", CultureInfo.CurrentCulture);

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

    public static string Period(DateOnly start, DateOnly end) =>
        start == end ? LongDate(start) : $"{ShortDate(start)} – {ShortDate(end)}";

    /// <summary>«17–18 ноября 2026 г.», «30 ноября – 2 декабря 2026 г.» in Russian; the short period otherwise.</summary>
    public static string LongPeriod(DateOnly start, DateOnly end)
    {
        if (CultureInfo.CurrentCulture.Name != "ru-RU" || start == end || start.Year != end.Year)
        {
            return Period(start, end);
        }

        var culture = CultureInfo.CurrentCulture;
        return start.Month == end.Month
            ? $"{start.Day}–{end.ToString("d MMMM yyyy 'г.'", culture)}"
            : $"{start.ToString("d MMMM", culture)} – {end.ToString("d MMMM yyyy 'г.'", culture)}";
    }
}
