using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Database;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Infrastructure.Security;

namespace MissionPortal.Web.Features.Account;

public class AccountController(
    SignInManager<PortalUser> signInManager,
    UserManager<PortalUser> userManager,
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

        return View(Page(new Login.Input { ReturnUrl = returnUrl }));
    }

    [AllowAnonymous]
    [HttpPost]
    [EnableRateLimiting(RateLimitPolicies.Login)]
    public async Task<IActionResult> Login(
        Login.Input input, [FromServices] IValidator<Login.Input> validator, [FromServices] Login.Handler login, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return View(Page(input));
        }

        if (await login.HandleAsync(input, HttpContext.Connection.RemoteIpAddress?.ToString()) is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal);
            return View(Page(input));
        }

        return RedirectToLocal(input.ReturnUrl);
    }

    /// <summary>Ends this session and every other one of the user: the new security stamp refuses all older cookies.</summary>
    [Authorize(Policy = Policies.UsePortal)]
    [HttpPost]
    public async Task<IActionResult> Logout()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is not null)
        {
            await userManager.UpdateSecurityStampAsync(user);
            logger.LogInformation("User {UserId} signed out", user.Id);
        }

        await signInManager.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    [Authorize(Policy = Policies.UsePortal)]
    [HttpGet]
    public async Task<IActionResult> Manage()
    {
        var user = await userManager.GetUserAsync(User);
        return user is null ? Challenge() : View(Manage(user, new ChangePassword.Input(), new ChangeEmail.Input()));
    }

    [Authorize(Policy = Policies.UsePortal)]
    [HttpPost]
    public async Task<IActionResult> ChangePassword(
        [Bind(Prefix = Account.ChangePassword.Input.Prefix)] ChangePassword.Input input,
        [FromServices] IValidator<ChangePassword.Input> validator,
        [FromServices] ChangePassword.Handler change,
        CancellationToken ct)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        (await validator.ValidateAsync(input, ct)).AddTo(ModelState, Account.ChangePassword.Input.Prefix);
        if (ModelState.IsValid)
        {
            var refusals = await change.HandleAsync(user, input);
            if (refusals.Count == 0)
            {
                this.FlashDone(l["Пароль изменён. Другие сеансы этой учётной записи завершены."].Value);
                return RedirectToAction(nameof(Manage));
            }

            foreach (var refusal in refusals)
            {
                ModelState.AddModelError($"{Account.ChangePassword.Input.Prefix}.{refusal.Field}", refusal.Message);
            }
        }

        return View(nameof(Manage), Manage(user, new ChangePassword.Input(), new ChangeEmail.Input()));
    }

    /// <summary>
    /// A new address becomes the login only once its owner follows the link sent to it; the old address is told.
    /// </summary>
    [Authorize(Policy = Policies.UsePortal)]
    [HttpPost]
    public async Task<IActionResult> ChangeEmail(
        [Bind(Prefix = Account.ChangeEmail.Input.Prefix)] ChangeEmail.Input input,
        [FromServices] IValidator<ChangeEmail.Input> validator,
        [FromServices] ChangeEmail.Handler change,
        CancellationToken ct)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        (await validator.ValidateAsync(input, ct)).AddTo(ModelState, Account.ChangeEmail.Input.Prefix);
        var newEmail = (input.NewEmail ?? string.Empty).Trim();
        if (ModelState.IsValid)
        {
            if (await change.HandleAsync(user, input, ct) is not { } refusal)
            {
                this.FlashDone(l["На адрес {0} отправлено письмо со ссылкой. Адрес для входа сменится, когда вы перейдёте по ней.", newEmail].Value);
                return RedirectToAction(nameof(Manage));
            }

            ModelState.AddModelError($"{Account.ChangeEmail.Input.Prefix}.{refusal.Field}", refusal.Message);
        }

        return View(nameof(Manage), Manage(user, new ChangePassword.Input(), new ChangeEmail.Input { NewEmail = newEmail }));
    }

    private static ManageViewModel Manage(PortalUser user, ChangePassword.Input password, ChangeEmail.Input email) => new()
    {
        Email = user.Email ?? user.UserName ?? string.Empty,
        DisplayName = user.DisplayName,
        Password = password,
        EmailChange = email,
    };

    private IActionResult RedirectToLocal(string? returnUrl) =>
        LocalUrls.OrHome(Url, returnUrl) is var local && local != "/" ? LocalRedirect(local) : RedirectToAction("Index", "Home");

    private LoginViewModel Page(Login.Input input) => new()
    {
        Input = new Login.Input { Email = input.Email, ReturnUrl = input.ReturnUrl },
        DemoPassword = demo.Value.Enabled ? DemoOptions.Password : null,
        DemoAccounts = demo.Value.Enabled
            ?
            [
                new DemoAccount(DemoOptions.AgencyEmail, l["Агентство (администратор)"]),
                new DemoAccount(DemoOptions.MinistryEmail, l["Министерство"]),
                new DemoAccount(DemoOptions.CompanyEmail, l["Компания"]),
                new DemoAccount(DemoOptions.HostCompanyEmail, l["Компания принимающего региона"]),
            ]
            : [],
    };
}
