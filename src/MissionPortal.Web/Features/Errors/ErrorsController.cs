using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MissionPortal.Web.Features.Errors;

/// <summary>The portal's own 403, 404 and 500 pages (re-executed by the status-code and exception middleware).</summary>
[AllowAnonymous]
[Route("error")]
public class ErrorsController : Controller
{
    [Route("{code:int}")]
    [IgnoreAntiforgeryToken]
    [ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
    public IActionResult Status(int code)
    {
        var shown = code is 403 or 404 or 500 ? code : code >= 500 ? 500 : 404;
        Response.StatusCode = code is >= 400 and < 600 ? code : shown;
        return View("Status", shown);
    }
}
