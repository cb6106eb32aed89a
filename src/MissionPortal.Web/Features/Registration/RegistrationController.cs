using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Infrastructure.Security;

namespace MissionPortal.Web.Features.Registration;

public sealed class SignUpViewModel
{
    public required SignUp.Input Input { get; init; }

    public IReadOnlyList<OptionViewModel> Regions { get; init; } = [];
}

/// <summary>
/// Company sign-up. A new company waits for the agency's approval; a company that exists already
/// (same ИНН) is not registered twice: the new user asks to join it instead.
/// </summary>
[AllowAnonymous]
[Route("registration")]
public class RegistrationController(
    PortalDbContext db,
    SignInManager<PortalUser> signIn,
    IValidator<SignUp.Input> validator,
    SignUp.Handler signUp) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(new SignUp.Input(), ct));

    [HttpPost("")]
    [EnableRateLimiting(RateLimitPolicies.SignUp)]
    [OneSubmission("Index", "Home")]
    public async Task<IActionResult> Index(SignUp.Input input, CancellationToken ct)
    {
        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return View(await PageAsync(input, ct));
        }

        var result = await signUp.HandleAsync(input, ct);
        if (result.User is null)
        {
            foreach (var (field, message) in result.Refusals)
            {
                ModelState.AddModelError(field, message);
            }

            return View(await PageAsync(input, ct));
        }

        await signIn.SignInAsync(result.User, isPersistent: false);
        this.FlashDone(result.Message!);
        return RedirectToAction("Index", "Home");
    }

    private async Task<SignUpViewModel> PageAsync(SignUp.Input input, CancellationToken ct) => new()
    {
        Input = input,
        Regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new OptionViewModel(r.Id, r.Name)).ToListAsync(ct),
    };
}
