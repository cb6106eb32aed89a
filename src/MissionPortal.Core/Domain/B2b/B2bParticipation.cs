using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Organizations;

namespace MissionPortal.Core.Domain.B2b;

/// <summary>Which side of a session a company sits on: an organisation of the host region, or a visiting company.</summary>
public enum B2bSide
{
    Host = 1,
    Guest = 2,
}

/// <summary>A company taking part in a B2B session: what it offers and seeks, who meets for it, and the breaks it takes.</summary>
public class B2bParticipation : VersionedEntity
{
    private readonly List<TimePeriod> _breaks = [];

    public B2bParticipation(int sessionId, int organizationId, B2bSide side, DateTime joinedAtUtc)
    {
        SessionId = sessionId;
        OrganizationId = organizationId;
        Side = side;
        JoinedAtUtc = joinedAtUtc;
        ContactPerson = string.Empty;
    }

    private B2bParticipation()
    {
        ContactPerson = string.Empty;
    }

    public int SessionId { get; private set; }

    public B2bSession? Session { get; private set; }

    public int OrganizationId { get; private set; }

    public Organization? Organization { get; private set; }

    public B2bSide Side { get; private set; }

    public string? Offers { get; private set; }

    public string? Needs { get; private set; }

    /// <summary>Product categories the company offers (the catalogue's categories or ОКПД2 codes).</summary>
    public List<string> OfferCategories { get; private set; } = [];

    /// <summary>Product categories the company looks for.</summary>
    public List<string> NeedCategories { get; private set; } = [];

    /// <summary>Who sits at the table for the company; the other side sees the name and phone on its schedule.</summary>
    public string ContactPerson { get; private set; }

    public string? ContactPhone { get; private set; }

    /// <summary>Takes a person's name out of the contact typed for the table.</summary>
    public bool RemoveName(NameInText name)
    {
        var contact = name.Remove(ContactPerson);
        if (string.Equals(contact, ContactPerson, StringComparison.Ordinal))
        {
            return false;
        }

        ContactPerson = contact;
        return true;
    }

    public DateTime JoinedAtUtc { get; private set; }

    public IReadOnlyList<TimePeriod> Breaks => _breaks;

    public void Describe(string? offers, string? needs, IEnumerable<string> offerCategories, IEnumerable<string> needCategories, string contactPerson, string? contactPhone)
    {
        Offers = offers;
        Needs = needs;
        OfferCategories = Normalize(offerCategories);
        NeedCategories = Normalize(needCategories);
        ContactPerson = contactPerson;
        ContactPhone = contactPhone;
    }

    public void TakeBreaks(IEnumerable<TimePeriod> breaks)
    {
        _breaks.Clear();
        _breaks.AddRange(breaks.OrderBy(b => b.Start).Select(b => new TimePeriod(b.Start, b.End)));
    }

    public bool IsAwayDuring(TimeOnly start, TimeOnly end) => _breaks.Any(b => b.Overlaps(start, end));

    /// <summary>How well this company and <paramref name="other"/> fit: categories one offers that the other seeks, both ways.</summary>
    public int MatchScore(B2bParticipation other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Matches(OfferCategories, other.NeedCategories) + Matches(other.OfferCategories, NeedCategories);
    }

    public static int Matches(IEnumerable<string> offered, IEnumerable<string> needed)
    {
        var wanted = needed.Select(Fold).ToHashSet();
        return offered.Select(Fold).Distinct().Count(wanted.Contains);
    }

    private static string Fold(string category) => Product.Fold(category);

    private static List<string> Normalize(IEnumerable<string> categories) =>
        [.. categories.Select(c => c.Trim()).Where(c => c.Length > 0).DistinctBy(Fold).Order(StringComparer.Ordinal)];
}
