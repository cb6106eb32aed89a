using MissionPortal.Core.Domain.Common;

namespace MissionPortal.Core.Domain.Organizations;

/// <summary>Продукция: what a visiting company presents to the host region's entrepreneurs.</summary>
public class Product : VersionedEntity
{
    internal Product(string name, string category, string description, string? okpd2Code, string? supplyTerms)
    {
        Name = name;
        Category = category;
        Description = description;
        Okpd2Code = okpd2Code;
        SupplyTerms = supplyTerms;
    }

    public int OrganizationId { get; private set; }

    public Organization? Organization { get; private set; }

    public string Name { get; private set; }

    public string Category { get; private set; }

    public string Description { get; private set; }

    /// <summary>Код ОКПД2, e.g. 26.51.66.</summary>
    public string? Okpd2Code { get; private set; }

    public string? SupplyTerms { get; private set; }
}
