using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Database;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Account;

public class AccountController(
    SignInManager<PortalUser> signInManager,
    IValidator<LoginInput> validator,
    IOptions<DemoOptions> demo,
    IStringLocalizer<SharedResource> l,
    ILogger<AccountController> logger) : Controller
{
    [AllowAnonymous]
    [HttpGet]
    public IActionResult Login(string? returnUrl)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return RedirectToLocal(returnUrl);
        }

        return View(Page(new LoginInput { ReturnUrl = returnUrl }));
    }

    [AllowAnonymous]
    [HttpPost]
    public async Task<IActionResult> Login(LoginInput input, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return View(Page(input));
        }

        // A fresh cookie at every login; the old session (if any) is dropped first.
        await signInManager.SignOutAsync();
        var result = await signInManager.PasswordSignInAsync(input.Email.Trim(), input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {Email} signed in", input.Email);
            return RedirectToLocal(input.ReturnUrl);
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? l["Слишком много неудачных попыток. Вход заблокирован на 15 минут."]
            : l["Неверный адрес электронной почты или пароль."]);
        logger.LogWarning("Failed sign-in for {Email} (locked out: {LockedOut})", input.Email, result.IsLockedOut);
        return View(Page(input));
    }

    [Authorize(Policy = Policies.UsePortal)]
    [HttpPost]
    public async Task<IActionResult> Logout()
    {
        await signInManager.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    private IActionResult RedirectToLocal(string? returnUrl) =>
        Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToAction("Index", "Home");

    private LoginViewModel Page(LoginInput input) => new()
    {
        Input = new LoginInput { Email = input.Email, ReturnUrl = input.ReturnUrl },
        DemoPassword = demo.Value.Enabled ? DemoOptions.Password : null,
        DemoAccounts = demo.Value.Enabled
            ?
            [
                new DemoAccount(DemoOptions.AgencyEmail, l["Агентство (администратор)"]),
                new DemoAccount(DemoOptions.MinistryEmail, l["Министерство"]),
                new DemoAccount(DemoOptions.CompanyEmail, l["Компания"]),
            ]
            : [],
    };
}
