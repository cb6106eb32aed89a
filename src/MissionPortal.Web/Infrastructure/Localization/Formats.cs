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

    public static string Period(DateOnly start, DateOnly end) =>
        start == end ? LongDate(start) : $"{ShortDate(start)} – {ShortDate(end)}";
}
