using MissionPortal.Core.Domain.Common;

namespace MissionPortal.Core.Domain.Organizations;

/// <summary>Площадка: a place where programme items happen.</summary>
public class Venue : VersionedEntity
{
    public Venue(string name, string city, string address, int? capacity)
    {
        Name = name;
        City = city;
        Address = address;
        Capacity = capacity;
    }

    public string Name { get; private set; }

    public string City { get; private set; }

    public string Address { get; private set; }

    public int? Capacity { get; private set; }

    /// <summary>The organisation that owns the place, when it is one (a plant, a hospital).</summary>
    public int? OrganizationId { get; private set; }

    public Organization? Organization { get; private set; }

    /// <summary>
    /// Soft delete: the venue leaves the registry and the choice of venues, while the programme items held there
    /// keep showing it; the agency can restore it.
    /// </summary>
    public DateTime? DeletedAtUtc { get; private set; }

    public void Delete(DateTime atUtc) => DeletedAtUtc ??= atUtc;

    public void Restore() => DeletedAtUtc = null;

    public void Update(string name, string city, string address, int? capacity, int? organizationId)
    {
        Name = name;
        City = city;
        Address = address;
        Capacity = capacity;
        OrganizationId = organizationId;
    }

    public Venue OwnedBy(Organization organization)
    {
        Organization = organization;
        return this;
    }
}
