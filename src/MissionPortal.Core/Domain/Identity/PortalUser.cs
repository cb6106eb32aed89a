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
}
