namespace MissionPortal.Core.Domain.Organizations;

/// <summary>A subject of the Russian Federation (Красноярский край, Калужская область, ...).</summary>
public class Region
{
    public Region(string name, int code)
    {
        Name = name;
        Code = code;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The region's code as used in licence plates and tax numbers (24, 40, 78).</summary>
    public int Code { get; private set; }

    /// <summary>Федеральный округ; null only on a row written before the portal shipped the list (filled at the next start).</summary>
    public FederalDistrict? District { get; private set; }

    /// <summary>The IANA zone of the region's capital (Asia/Krasnoyarsk): a mission is shown in its host region's zone.</summary>
    public string TimeZoneId { get; private set; } = "Asia/Krasnoyarsk";

    /// <summary>Brings the row in line with the shipped list; true when anything changed.</summary>
    public bool Apply(RegionEntry entry)
    {
        if (Name == entry.Name && District == entry.District && TimeZoneId == entry.TimeZoneId)
        {
            return false;
        }

        Name = entry.Name;
        District = entry.District;
        TimeZoneId = entry.TimeZoneId;
        return true;
    }
}

/// <summary>A city or settlement of a region, which the agency adds for venues and travel times (Железногорск, Томск).</summary>
public class Settlement
{
    public Settlement(string name, int regionId)
    {
        Name = name;
        RegionId = regionId;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public int RegionId { get; private set; }

    public Region? Region { get; private set; }
}
