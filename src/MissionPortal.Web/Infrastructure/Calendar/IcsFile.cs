using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.Serialization;

namespace MissionPortal.Web.Infrastructure.Calendar;

/// <summary>
/// An iCalendar file that desktop calendars (Outlook, Thunderbird, Apple Calendar) open cleanly: the zone its times
/// are in is written out with its offset rules (a VTIMEZONE with only a TZID is refused or read as UTC by some),
/// and the feed says it publishes events rather than invites people.
/// </summary>
public static class IcsFile
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>An empty calendar named for its reader, in the IANA zone <paramref name="zoneId"/>, valid from a year before <paramref name="from"/>.</summary>
    public static Ical.Net.Calendar Create(string name, string zoneId, DateOnly from)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//MissionPortal//RU", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", zoneId);
        calendar.AddTimeZone(Zone(zoneId, from.AddYears(-1).ToDateTime(TimeOnly.MinValue)));
        return calendar;
    }

    public static byte[] Bytes(Ical.Net.Calendar calendar) =>
        Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? string.Empty);

    /// <summary>The zone with its STANDARD (and, where a zone still has one, DAYLIGHT) definition from the tz database.</summary>
    private static VTimeZone Zone(string zoneId, DateTime earliest)
    {
        try
        {
            return VTimeZone.FromDateTimeZone(zoneId, earliest, includeHistoricalData: false);
        }
        catch (ArgumentException)
        {
            // An id the tz database doesn't know (a custom zone): the name alone, as before.
            return new VTimeZone(zoneId);
        }
    }
}
