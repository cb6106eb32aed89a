using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MissionPortal.Web.Features.Privacy;

/// <summary>The portal's personal-data policy (152-ФЗ), open to everyone, linked from the sign-up form.</summary>
[AllowAnonymous]
[Route("privacy")]
public class PrivacyController : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View();
}
