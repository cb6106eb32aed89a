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
    Association = 7,
    Media = 8,
}

public enum OrganizationStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,

    /// <summary>A duplicate merged into another record: everything that pointed to it points to the survivor.</summary>
    Merged = 4,
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
        NameKey = OrganizationNames.Key(name);
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

    /// <summary>The record this duplicate was merged into.</summary>
    public int? MergedIntoId { get; private set; }

    /// <summary>Name in lower case, «ё» as «е», without quotes and legal-form words: how the registry and imports find a name.</summary>
    public string NameKey { get; private set; } = string.Empty;

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
        NameKey = OrganizationNames.Key(name);
        ShortName = shortName;
        Inn = inn;
        Ogrn = ogrn;
        RegionId = regionId;
        Industry = industry;
        Website = website;
        Description = description;
        City = city;
    }

    /// <summary>What the agency keeps in the registry for any organisation: kind, names, region, legal numbers, contacts.</summary>
    public void UpdateRegistryEntry(OrganizationKind kind, string name, string? shortName, int regionId, string? inn, string? ogrn, string? city, string? website, string? contactPerson, string? contactEmail, string? contactPhone)
    {
        Kind = kind;
        Name = name;
        NameKey = OrganizationNames.Key(name);
        ShortName = shortName;
        RegionId = regionId;
        Inn = inn;
        Ogrn = ogrn;
        City = city;
        Website = website;
        ContactPerson = contactPerson;
        ContactEmail = contactEmail;
        ContactPhone = contactPhone;
    }

    /// <summary>
    /// Marks this record a duplicate of <paramref name="survivor"/>; the survivor takes what it lacks (short name, ОГРН,
    /// contacts; the ИНН through <see cref="ReleaseInn"/>). The caller moves the references.
    /// </summary>
    public void MergeInto(Organization survivor)
    {
        if (survivor == this || survivor.Id == Id)
        {
            throw new InvalidOperationException("An organisation cannot be merged into itself.");
        }

        survivor.ShortName ??= ShortName;
        survivor.Ogrn ??= Ogrn;
        survivor.City ??= City;
        survivor.Website ??= Website;
        survivor.Industry ??= Industry;
        survivor.Description ??= Description;
        survivor.ContactPerson ??= ContactPerson;
        survivor.ContactEmail ??= ContactEmail;
        survivor.ContactPhone ??= ContactPhone;
        survivor.LogoFileId ??= LogoFileId;
        Status = OrganizationStatus.Merged;
        MergedIntoId = survivor.Id;
    }

    /// <summary>The ИНН moves to the survivor in a second step: a unique number can't be on two rows at once.</summary>
    public string? ReleaseInn()
    {
        var inn = Inn;
        Inn = null;
        return inn;
    }

    public void TakeInn(string? inn) => Inn ??= inn;

    /// <summary>Recomputes the comparison key (rows written before the key existed get it at start).</summary>
    public bool RefreshNameKey()
    {
        var key = OrganizationNames.Key(Name);
        if (key == NameKey)
        {
            return false;
        }

        NameKey = key;
        return true;
    }

    /// <summary>Clears the contact person, address and phone: the person's data left with their account.</summary>
    public void ForgetContacts()
    {
        ContactPerson = null;
        ContactEmail = null;
        ContactPhone = null;
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
