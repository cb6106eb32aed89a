using Microsoft.AspNetCore.Mvc;

namespace MissionPortal.Web.Infrastructure.Mvc;

/// <summary>
/// Return addresses a client sends (after login, on the language switch): a path of this site in plain ASCII, or
/// home. A line separator, a control character or an unencoded letter cannot go into a Location header (Kestrel
/// refuses the response, which was a 500), and no browser sends one unencoded.
/// </summary>
public static class LocalUrls
{
    public static string OrHome(IUrlHelper url, string? returnUrl) =>
        url.IsLocalUrl(returnUrl) && returnUrl.All(c => c is > ' ' and < '\u007f') ? returnUrl : "/";
}
