namespace MissionPortal.Core.Domain.Common;

/// <summary>
/// Missions happen in the host region's time zone (Красноярск, UTC+7, no daylight saving);
/// "today" and "now" on a mission's programme are read there, whatever the server's zone.
/// </summary>
public static class HostCalendar
{
    public static readonly TimeZoneInfo Krasnoyarsk = FindKrasnoyarsk();

    public static DateTimeOffset Now(TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Krasnoyarsk);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock).DateTime);

    private static TimeZoneInfo FindKrasnoyarsk()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Krasnoyarsk");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Krasnoyarsk", TimeSpan.FromHours(7), "Красноярск", "Красноярск");
        }
    }
}
