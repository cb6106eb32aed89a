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
        SearchText = Fold(name, category, description);
    }

    public int OrganizationId { get; private set; }

    public Organization? Organization { get; private set; }

    public string Name { get; private set; }

    public string Category { get; private set; }

    public string Description { get; private set; }

    /// <summary>Код ОКПД2, e.g. 26.51.66.</summary>
    public string? Okpd2Code { get; private set; }

    public string? SupplyTerms { get; private set; }

    /// <summary>Name, category and description folded to lower case, for search in Russian (see <see cref="Fold"/>).</summary>
    public string SearchText { get; private set; } = string.Empty;

    /// <summary>Soft delete: the product leaves the catalogue but stays in history; the agency can restore it.</summary>
    public DateTime? DeletedAtUtc { get; private set; }

    public bool IsDeleted => DeletedAtUtc is not null;

    public static string Fold(params string?[] parts) =>
        string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p))).ToLowerInvariant().Replace('ё', 'е');

    public void Update(string name, string category, string description, string? okpd2Code, string? supplyTerms)
    {
        Name = name;
        Category = category;
        Description = description;
        Okpd2Code = okpd2Code;
        SupplyTerms = supplyTerms;
        SearchText = Fold(name, category, description);
    }

    public void Delete(DateTime atUtc) => DeletedAtUtc ??= atUtc;

    public void Restore() => DeletedAtUtc = null;
}
