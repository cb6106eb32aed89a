using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Organizations;

namespace MissionPortal.UnitTests.Domain;

public class RussianRegionsTests
{
    [Fact]
    public void The_list_holds_the_89_federal_subjects_each_code_and_name_once()
    {
        Assert.Equal(89, RussianRegions.All.Count);
        Assert.Equal(89, RussianRegions.All.Select(r => r.Code).Distinct().Count());
        Assert.Equal(89, RussianRegions.All.Select(r => r.Name).Distinct().Count());
        Assert.All(RussianRegions.All, r => Assert.InRange(r.Code, 1, 95));
    }

    [Fact]
    public void Every_district_has_its_subjects()
    {
        var counts = RussianRegions.All.GroupBy(r => r.District).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(18, counts[FederalDistrict.Central]);
        Assert.Equal(11, counts[FederalDistrict.NorthWestern]);
        Assert.Equal(12, counts[FederalDistrict.Southern]);
        Assert.Equal(7, counts[FederalDistrict.NorthCaucasian]);
        Assert.Equal(14, counts[FederalDistrict.Volga]);
        Assert.Equal(6, counts[FederalDistrict.Ural]);
        Assert.Equal(10, counts[FederalDistrict.Siberian]);
        Assert.Equal(11, counts[FederalDistrict.FarEastern]);
    }

    public static TheoryData<string, string> Zones()
    {
        var data = new TheoryData<string, string>();
        foreach (var region in RussianRegions.All)
        {
            data.Add(region.Name, region.TimeZoneId);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Zones))]
    public void Each_zone_is_found_by_the_system(string region, string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        Assert.True(zone.BaseUtcOffset >= TimeSpan.FromHours(2) && zone.BaseUtcOffset <= TimeSpan.FromHours(12), $"{region}: {zone.BaseUtcOffset}");
    }

    [Theory]
    [InlineData(39, 2)] // Калининградская область
    [InlineData(77, 3)] // Москва
    [InlineData(63, 4)] // Самарская область
    [InlineData(66, 5)] // Свердловская область
    [InlineData(55, 6)] // Омская область
    [InlineData(70, 7)] // Томская область
    [InlineData(24, 7)] // Красноярский край
    [InlineData(38, 8)] // Иркутская область
    [InlineData(14, 9)] // Якутия
    [InlineData(25, 10)] // Приморский край
    [InlineData(49, 11)] // Магаданская область
    [InlineData(41, 12)] // Камчатский край
    public void Regions_keep_their_offsets_in_winter(int code, int hours)
    {
        var zone = HostCalendar.Zone(RussianRegions.All.Single(r => r.Code == code).TimeZoneId);
        Assert.Equal(TimeSpan.FromHours(hours), zone.GetUtcOffset(new DateTime(2026, 12, 10, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void An_unknown_or_blank_zone_reads_as_the_default()
    {
        Assert.Same(HostCalendar.Default, HostCalendar.Zone(null));
        Assert.Equal(HostCalendar.Default, HostCalendar.Zone("Mars/Olympus_Mons"));
    }
}
