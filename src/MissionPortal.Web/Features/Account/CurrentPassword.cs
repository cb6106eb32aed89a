using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Domain.Identity;

namespace MissionPortal.Web.Features.Account;

/// <summary>The password a user retypes to change their own account; failures count towards the lockout like failed sign-ins.</summary>
public sealed class CurrentPassword(SignInManager<PortalUser> signInManager, IStringLocalizer<SharedResource> l, ILogger<CurrentPassword> logger)
{
    /// <summary>Null when the password is the user's; else why not.</summary>
    public async Task<string?> RefusalAsync(PortalUser user, string password)
    {
        var check = await signInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.Succeeded)
        {
            return null;
        }

        logger.LogWarning("Wrong current password from user {UserId} (locked out: {LockedOut})", user.Id, check.IsLockedOut);
        return check.IsLockedOut
            ? l["Слишком много неудачных попыток. Вход заблокирован на 15 минут."]
            : l["Текущий пароль не подходит: введите его ещё раз."];
    }
}
