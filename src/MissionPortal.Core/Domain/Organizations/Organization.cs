using MissionPortal.Core.Domain.Common;

namespace MissionPortal.Core.Domain.Organizations;

public enum OrganizationKind
{
    Company = 1,
    Authority = 2,
    HostEnterprise = 3,
    Institution = 4,
    Cluster = 5,
    Agency = 6,
}

public enum OrganizationStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
}

/// <summary>A company, authority, host enterprise, institution, cluster or the agency itself.</summary>
public class Organization : VersionedEntity
{
    private readonly List<Product> _products = [];

    public Organization(string name, OrganizationKind kind, int regionId)
    {
        Name = name;
        Kind = kind;
        RegionId = regionId;
        Status = OrganizationStatus.Approved;
    }

    public string Name { get; private set; }

    /// <summary>How the organisation is usually called in a roster, e.g. ООО «СтройРеанимация».</summary>
    public string? ShortName { get; private set; }

    public OrganizationKind Kind { get; private set; }

    public int RegionId { get; private set; }

    public Region? Region { get; private set; }

    public OrganizationStatus Status { get; private set; }

    /// <summary>ИНН: 10 digits for an organisation, 12 for an individual entrepreneur.</summary>
    public string? Inn { get; private set; }

    /// <summary>ОГРН (13 digits) or ОГРНИП (15 digits).</summary>
    public string? Ogrn { get; private set; }

    public string? Industry { get; private set; }

    public string? Website { get; private set; }

    public string? Description { get; private set; }

    public string? City { get; private set; }

    public string? ContactPerson { get; private set; }

    public string? ContactEmail { get; private set; }

    /// <summary>In +7 format.</summary>
    public string? ContactPhone { get; private set; }

    /// <summary>Why the agency rejected the registration; the company sees it.</summary>
    public string? RejectionReason { get; private set; }

    /// <summary>The company's logo, an uploaded image.</summary>
    public Guid? LogoFileId { get; private set; }

    public IReadOnlyCollection<Product> Products => _products;

    public string DisplayName => ShortName ?? Name;

    public Organization WithShortName(string? shortName)
    {
        ShortName = shortName;
        return this;
    }

    public Organization WithLegalData(string? inn, string? ogrn)
    {
        Inn = inn;
        Ogrn = ogrn;
        return this;
    }

    public Organization WithProfile(string? industry, string? website, string? description, string? city)
    {
        Industry = industry;
        Website = website;
        Description = description;
        City = city;
        return this;
    }

    public Product AddProduct(string name, string category, string description, string? okpd2Code = null, string? supplyTerms = null)
    {
        var product = new Product(name, category, description, okpd2Code, supplyTerms);
        _products.Add(product);
        return product;
    }

    public Organization WithContacts(string? person, string? email, string? phone)
    {
        ContactPerson = person;
        ContactEmail = email;
        ContactPhone = phone;
        return this;
    }

    /// <summary>The company's own data, as its users and the agency edit it.</summary>
    public void UpdateProfile(string name, string? shortName, string? inn, string? ogrn, int regionId, string? industry, string? website, string? description, string? city)
    {
        Name = name;
        ShortName = shortName;
        Inn = inn;
        Ogrn = ogrn;
        RegionId = regionId;
        Industry = industry;
        Website = website;
        Description = description;
        City = city;
    }

    public void ChangeLogo(Guid? fileId) => LogoFileId = fileId;

    public void MarkPending() => Status = OrganizationStatus.Pending;

    public void Approve()
    {
        Status = OrganizationStatus.Approved;
        RejectionReason = null;
    }

    public void Reject(string reason)
    {
        Status = OrganizationStatus.Rejected;
        RejectionReason = reason;
    }
}
