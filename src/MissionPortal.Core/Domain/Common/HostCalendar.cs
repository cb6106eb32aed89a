using System.Collections.Concurrent;

namespace MissionPortal.Core.Domain.Common;

/// <summary>
/// A mission happens in its host region's time zone (Красноярск: Asia/Krasnoyarsk, Томск: Asia/Tomsk); "today" and
/// "now" on a mission's programme are read there, whatever the server's zone. Outside a mission the portal's default
/// zone applies (<see cref="Default"/>, the agency's own region, configured as Portal:TimeZone).
/// </summary>
public static class HostCalendar
{
    public const string KrasnoyarskId = "Asia/Krasnoyarsk";

    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    public static readonly TimeZoneInfo Krasnoyarsk = Zone(KrasnoyarskId);

    /// <summary>The zone of times shown outside a mission (audit log, users, the yearly dashboard).</summary>
    public static TimeZoneInfo Default { get; private set; } = Krasnoyarsk;

    /// <summary>Set once at start from configuration; an unknown id keeps Krasnoyarsk.</summary>
    public static void UseDefault(string? zoneId)
    {
        if (!string.IsNullOrWhiteSpace(zoneId) && TryFind(zoneId) is { } zone)
        {
            Default = zone;
        }
    }

    /// <summary>The zone of an IANA id such as a region's; the default zone when the id is blank or unknown to the system.</summary>
    public static TimeZoneInfo Zone(string? zoneId) =>
        string.IsNullOrWhiteSpace(zoneId) ? Default : Zones.GetOrAdd(zoneId, id => TryFind(id) ?? Fallback(id));

    public static DateTimeOffset Now(TimeProvider clock) => Now(clock, Default);

    public static DateTimeOffset Now(TimeProvider clock, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);

    public static DateOnly Today(TimeProvider clock) => Today(clock, Default);

    public static DateOnly Today(TimeProvider clock, TimeZoneInfo zone) => DateOnly.FromDateTime(Now(clock, zone).DateTime);

    /// <summary>A UTC instant (as stored) as the wall-clock time of a zone.</summary>
    public static DateTime Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    private static TimeZoneInfo? TryFind(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>Without the system's zone data (a bare container) Krasnoyarsk is still UTC+7; any other id reads as Default.</summary>
    private static TimeZoneInfo Fallback(string id) =>
        id == KrasnoyarskId ? TimeZoneInfo.CreateCustomTimeZone(KrasnoyarskId, TimeSpan.FromHours(7), "Красноярск", "Красноярск") : Default;
}
