using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Web.Infrastructure.Localization;

namespace MissionPortal.Web.Features.Shared;

/// <summary>
/// The zone a mission's times are shown and typed in: its host region's. Instants are stored in UTC; people read and
/// enter the region's wall-clock time and are told which zone that is: «местное время: Томская область, UTC+7».
/// Outside a mission, <see cref="Default"/>: the portal's configured zone (Portal:TimeZone).
/// </summary>
public sealed record MissionZone(string Name, TimeZoneInfo Zone)
{
    /// <summary>The portal's own zone, for what belongs to no mission.</summary>
    public static MissionZone Default => new(HostCalendar.Default.Id, HostCalendar.Default);

    /// <summary>The zone of a host region (its name and IANA id, as a mission's query reads them).</summary>
    public static MissionZone Of(string? region, string? zoneId)
    {
        var zone = HostCalendar.Zone(zoneId);
        return new MissionZone(string.IsNullOrWhiteSpace(region) ? zone.Id : region, zone);
    }

    /// <summary>The zone of a mission's host region; the default zone when there is no such mission.</summary>
    public static async Task<MissionZone> OfMissionAsync(PortalDbContext db, int? missionId, CancellationToken ct)
    {
        var region = missionId is null ? null : await db.Missions.AsNoTracking().Where(m => m.Id == missionId)
            .Select(m => new { m.HostRegion!.Name, m.HostRegion.TimeZoneId }).SingleOrDefaultAsync(ct);
        return region is null ? Default : Of(region.Name, region.TimeZoneId);
    }

    /// <summary>A stored UTC instant as the zone's wall-clock time.</summary>
    public DateTime ToLocal(DateTime utc) => HostCalendar.Local(utc, Zone);

    /// <summary>A wall-clock time typed in the zone as the UTC instant to store (a time skipped by a clock change reads an hour later).</summary>
    public DateTime ToUtc(DateTime local)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(Zone.IsInvalidTime(wall) ? wall.AddHours(1) : wall, Zone);
    }

    /// <summary>A day and time of the zone as the UTC instant it is.</summary>
    public DateTime ToUtc(DateOnly day, TimeOnly time) => ToUtc(day.ToDateTime(time));

    /// <summary>«10.12.2026 09:30», the zone's wall-clock time of a stored instant.</summary>
    public string Text(DateTime utc) => ToLocal(utc).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>«UTC+7» at <paramref name="utc"/> (now when not given).</summary>
    public string Offset(DateTime? utc = null) =>
        Formats.Offset(Zone.GetUtcOffset(DateTime.SpecifyKind(utc ?? DateTime.UtcNow, DateTimeKind.Utc)));

    /// <summary>Which zone a time is in, said the same way on every page and letter: «местное время: Томская область, UTC+7».</summary>
    public string Label(IStringLocalizer l, DateTime? utc = null) => l["местное время: {0}, {1}", Name, Offset(utc)];
}
