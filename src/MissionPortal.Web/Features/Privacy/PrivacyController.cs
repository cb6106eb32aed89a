using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Privacy;

/// <summary>The portal's personal-data policy (152-ФЗ), open to everyone, linked from the sign-up form; it quotes the retention period as configured.</summary>
[AllowAnonymous]
[Route("privacy")]
public class PrivacyController(IOptions<PersonalDataOptions> options) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(options.Value.RetentionDays);
}
