namespace MissionPortal.Core.Security;

public static class Roles
{
    public const string Agency = "Agency";
    public const string Ministry = "Ministry";
    public const string Company = "Company";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All = [Agency, Ministry, Company, Administrator];
}
