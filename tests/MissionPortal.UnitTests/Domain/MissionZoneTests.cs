using MissionPortal.Core.Domain.Common;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.UnitTests.Domain;

/// <summary>A mission's times: typed and shown in its host region's zone, stored in UTC.</summary>
public class MissionZoneTests
{
    private static readonly MissionZone Kaliningrad = MissionZone.Of("Калининградская область", "Europe/Kaliningrad");

    private static readonly MissionZone Tomsk = MissionZone.Of("Томская область", "Asia/Tomsk");

    [Fact]
    public void A_time_typed_in_the_host_region_is_stored_as_its_UTC_instant_and_shown_back_as_typed()
    {
        var typed = new DateTime(2026, 11, 1, 9, 0, 0);

        Assert.Equal(new DateTime(2026, 11, 1, 7, 0, 0, DateTimeKind.Utc), Kaliningrad.ToUtc(typed));
        Assert.Equal(new DateTime(2026, 11, 1, 2, 0, 0, DateTimeKind.Utc), Tomsk.ToUtc(typed));
        Assert.Equal(typed, Kaliningrad.ToLocal(Kaliningrad.ToUtc(typed)));
        Assert.Equal("01.11.2026 09:00", Kaliningrad.Text(Kaliningrad.ToUtc(typed)));
        Assert.Equal(new DateTime(2026, 12, 10, 8, 0, 0, DateTimeKind.Utc), Kaliningrad.ToUtc(new DateOnly(2026, 12, 10), new TimeOnly(10, 0)));
    }

    [Fact]
    public void The_zone_is_named_by_its_region_and_offset()
    {
        var at = new DateTime(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

        Assert.Equal(("Калининградская область", "UTC+2"), (Kaliningrad.Name, Kaliningrad.Offset(at)));
        Assert.Equal(("Томская область", "UTC+7"), (Tomsk.Name, Tomsk.Offset(at)));
        Assert.Equal("UTC+12", MissionZone.Of("Камчатский край", "Asia/Kamchatka").Offset(at));
    }

    [Fact]
    public void Without_a_region_or_with_a_zone_the_system_does_not_know_the_portals_default_zone_applies()
    {
        Assert.Same(HostCalendar.Default, MissionZone.Default.Zone);
        Assert.Equal(HostCalendar.Default.Id, MissionZone.Of(null, null).Name);
        Assert.Same(HostCalendar.Default, MissionZone.Of("Марс", "Mars/Olympus_Mons").Zone);
    }
}
