using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Web.Infrastructure.Localization;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Culture;

/// <summary>The language switch: remembers the choice in a cookie for a year.</summary>
[AllowAnonymous]
public class CultureController : Controller
{
    [HttpPost]
    public async Task<IActionResult> Set(string? culture, string? returnUrl, [FromServices] UserManager<PortalUser> userManager)
    {
        var chosen = LocalizationExtensions.Supported.FirstOrDefault(c => c.Name == culture) ?? LocalizationExtensions.Russian;
        // The portal writes to a signed-in user in the language they chose last.
        if (User.Identity?.IsAuthenticated == true && await userManager.GetUserAsync(User) is { } user
            && user.Language != chosen.TwoLetterISOLanguageName)
        {
            user.Language = chosen.TwoLetterISOLanguageName;
            await userManager.UpdateAsync(user);
        }

        Response.Cookies.Append(
            LocalizationExtensions.CultureCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                // __Host- prefix: Secure, the whole site, no Domain.
                Secure = true,
                Path = "/",
            });
        return LocalRedirect(LocalUrls.OrHome(Url, returnUrl));
    }
}
