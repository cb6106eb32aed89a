using Microsoft.AspNetCore.Identity;
using MissionPortal.Core.Domain.Organizations;

namespace MissionPortal.Core.Domain.Identity;

/// <summary>A person who signs in: agency staff, a ministry official or a company representative.</summary>
public class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The organisation the user acts for; a Company user reaches only this organisation's data.</summary>
    public int? OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    /// <summary>The user who registered the company: approves colleagues who ask to join it.</summary>
    public bool IsCompanyMain { get; set; }

    /// <summary>The language the portal writes to the user in (ru, en): the one they last chose in the portal.</summary>
    public string? Language { get; set; }

    /// <summary>The version of the personal-data text the user agreed to (152-ФЗ), and when; empty for accounts made by the agency.</summary>
    public string? PersonalDataConsentVersion { get; private set; }

    public DateTime? PersonalDataConsentAtUtc { get; private set; }

    public void ConsentToPersonalData(string version, DateTime atUtc)
    {
        PersonalDataConsentVersion = version;
        PersonalDataConsentAtUtc = atUtc;
    }

    /// <summary>When the user asked for their data to be deleted; the agency carries it out (<see cref="Anonymise"/>).</summary>
    public DateTime? ErasureRequestedAtUtc { get; private set; }

    /// <summary>When the account was emptied of personal data; it can no longer sign in.</summary>
    public DateTime? AnonymisedAtUtc { get; private set; }

    /// <summary>Records the request once; false when it is already recorded or the account is already anonymised.</summary>
    public bool RequestErasure(DateTime atUtc)
    {
        if (ErasureRequestedAtUtc is not null || AnonymisedAtUtc is not null)
        {
            return false;
        }

        ErasureRequestedAtUtc = atUtc;
        return true;
    }

    /// <summary>
    /// Empties the account of everything that names or reaches the person and closes it for good: no password, no
    /// login, a new security stamp (every session ends). The row stays, so what the person did stays counted.
    /// </summary>
    public bool Anonymise(DateTime atUtc)
    {
        if (AnonymisedAtUtc is not null)
        {
            return false;
        }

        var login = $"deleted-{Id}@invalid";
        DisplayName = Anonymised.UserName;
        UserName = Email = login;
        NormalizedUserName = NormalizedEmail = login.ToUpperInvariant();
        EmailConfirmed = false;
        PhoneNumber = null;
        PhoneNumberConfirmed = false;
        PasswordHash = null;
        SecurityStamp = Guid.NewGuid().ToString("N");
        LockoutEnabled = true;
        LockoutEnd = DateTimeOffset.MaxValue;
        IsCompanyMain = false;
        Language = null;
        AnonymisedAtUtc = atUtc;
        return true;
    }
}
