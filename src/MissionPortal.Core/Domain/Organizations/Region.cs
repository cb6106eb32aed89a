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
}
