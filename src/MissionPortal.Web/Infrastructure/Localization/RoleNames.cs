using MissionPortal.Core.Security;

namespace MissionPortal.Web.Infrastructure.Localization;

/// <summary>Role names as users read them.</summary>
public static class RoleNames
{
    public static string Of(string role) => role switch
    {
        Roles.Agency => "Агентство",
        Roles.Ministry => "Министерство",
        Roles.Company => "Компания",
        Roles.Administrator => "Администратор",
        _ => role,
    };
}
