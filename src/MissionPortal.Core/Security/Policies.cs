namespace MissionPortal.Core.Security;

/// <summary>Named permissions. Controllers and views ask for these, never for a role.</summary>
public static class Policies
{
    /// <summary>Any signed-in user of the portal: the home page, a mission they may see.</summary>
    public const string UsePortal = nameof(UsePortal);

    /// <summary>See missions, their delegations and programmes (agency and ministry).</summary>
    public const string ViewMissions = nameof(ViewMissions);

    /// <summary>Create missions and schedule their days (agency).</summary>
    public const string ScheduleMissions = nameof(ScheduleMissions);

    /// <summary>Approve programmes and agreements (ministry).</summary>
    public const string ApproveProgrammes = nameof(ApproveProgrammes);

    /// <summary>Print every delegation roster, badges and pass lists (ministry and agency).</summary>
    public const string PrintRosters = nameof(PrintRosters);

    /// <summary>
    /// Open delegation rosters: ministry and agency every roster; a company those of delegations it belongs to,
    /// with only its own people unless the agency shares the full list (checked in the query).
    /// </summary>
    public const string ViewRosters = nameof(ViewRosters);

    /// <summary>Keep the agreements registry: create, edit, move through signing (agency and ministry).</summary>
    public const string ManageAgreements = nameof(ManageAgreements);

    /// <summary>Scan badges and mark people present at programme items, see attendance (agency).</summary>
    public const string RecordAttendance = nameof(RecordAttendance);

    /// <summary>Edit one's own company and its products (company users).</summary>
    public const string ManageOwnCompany = nameof(ManageOwnCompany);

    /// <summary>Edit a company's profile and products: its own users, and the agency for any company.</summary>
    public const string EditCompanyData = nameof(EditCompanyData);

    /// <summary>Browse the product catalogue (agency, ministry, and companies of a mission).</summary>
    public const string BrowseCatalogue = nameof(BrowseCatalogue);

    /// <summary>Join a mission's B2B session, request meetings and see one's own schedule (company users).</summary>
    public const string TakePartInB2b = nameof(TakePartInB2b);
    /// <summary>Read the audit log of changes (agency and ministry).</summary>
    public const string ViewAuditLog = nameof(ViewAuditLog);

    /// <summary>Keep the registry of organisations and the reference lists of regions and cities (agency).</summary>
    public const string ManageOrganizations = nameof(ManageOrganizations);

    /// <summary>Manage user accounts (agency administrators).</summary>
    public const string ManageUsers = nameof(ManageUsers);
}
