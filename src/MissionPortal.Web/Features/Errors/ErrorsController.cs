using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using MissionPortal.Web.Infrastructure.Database;
using MissionPortal.Web.Infrastructure.Errors;

namespace MissionPortal.Web.Features.Errors;

/// <summary>The portal's own error pages (re-executed by the status-code and exception middleware).</summary>
[AllowAnonymous]
[Route("error")]
public class ErrorsController : Controller
{
    [Route("{code:int}")]
    [IgnoreAntiforgeryToken]
    [ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
    public IActionResult Status(int code)
    {
        if (DatabaseFailure.Is(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error))
        {
            code = StatusCodes.Status503ServiceUnavailable;
        }

        // Each status keeps its code; a client error other than 403, 404 and 429 (a malformed form, a wrong method, a
        // body too large) gets the «request not accepted» page, not «page not found».
        var shown = code is 403 or 404 or 429 or 500 or 503 ? code : code >= 500 ? 500 : 400;
        Response.StatusCode = code is >= 400 and < 600 ? code : shown;
        if (shown == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = ErrorPagesExtensions.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return View("Status", shown);
    }
}
