using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Infrastructure.Security;

namespace MissionPortal.Web.Features.PasswordRecovery;

/// <summary>
/// «Забыли пароль?»: a reset link by e-mail, and a new address confirmed by a link before it becomes the login.
/// Every session of the user ends with the new security stamp either brings.
/// </summary>
[AllowAnonymous]
[Route("account")]
public class PasswordRecoveryController(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword(string? email) => View(new SendResetLink.Input { Email = email ?? string.Empty });

    [HttpPost("forgot-password")]
    [EnableRateLimiting(RateLimitPolicies.Login)]
    public async Task<IActionResult> ForgotPassword(
        SendResetLink.Input input, [FromServices] IValidator<SendResetLink.Input> validator, [FromServices] SendResetLink.Handler send, CancellationToken ct)
    {
        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        await send.HandleAsync(input, ct);
        return RedirectToAction(nameof(ResetLinkSent));
    }

    [HttpGet("forgot-password/sent")]
    public IActionResult ResetLinkSent() => View();

    [HttpGet("reset-password")]
    public async Task<IActionResult> ResetPassword(string? user, string? token, [FromServices] ResetPassword.Handler reset)
    {
        var found = await reset.UserOfLinkAsync(user, token);
        if (found is null)
        {
            return View("LinkInvalid");
        }

        return View(new ResetPasswordViewModel { Input = new ResetPassword.Input { User = found.Id, Token = token! }, Email = found.Email ?? string.Empty });
    }

    [HttpPost("reset-password")]
    [EnableRateLimiting(RateLimitPolicies.Login)]
    public async Task<IActionResult> ResetPassword(
        ResetPassword.Input input, [FromServices] IValidator<ResetPassword.Input> validator, [FromServices] ResetPassword.Handler reset, CancellationToken ct)
    {
        var user = await reset.UserOfLinkAsync(input.User, input.Token);
        if (user is null)
        {
            return View("LinkInvalid");
        }

        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (ModelState.IsValid)
        {
            var result = await reset.HandleAsync(user, input);
            switch (result.Outcome)
            {
                case PasswordRecovery.ResetPassword.Outcome.LinkInvalid:
                    return View("LinkInvalid");
                case PasswordRecovery.ResetPassword.Outcome.Reset:
                    await signIn.SignOutAsync();
                    this.FlashDone(l["Пароль изменён, все сеансы этой учётной записи завершены. Войдите с новым паролем."].Value);
                    return RedirectToAction("Login", "Account");
                default:
                    foreach (var error in result.Errors)
                    {
                        ModelState.AddModelError(nameof(input.NewPassword), error);
                    }

                    break;
            }
        }

        return View(new ResetPasswordViewModel { Input = new ResetPassword.Input { User = user.Id, Token = input.Token }, Email = user.Email ?? string.Empty });
    }

    /// <summary>The page a confirmation link opens: a button, since a GET changes nothing.</summary>
    [HttpGet("confirm-email")]
    public async Task<IActionResult> ConfirmEmail(string? user, string? email, string? token, [FromServices] ConfirmEmail.Handler confirm)
    {
        var found = await confirm.UserOfLinkAsync(user, email, token);
        if (found is null)
        {
            return View("LinkInvalid");
        }

        return View(new ConfirmEmail.Input { User = found.Id, Email = email!.Trim(), Token = token! });
    }

    [HttpPost("confirm-email")]
    public async Task<IActionResult> ConfirmEmail(
        ConfirmEmail.Input input, [FromServices] IValidator<ConfirmEmail.Input> validator, [FromServices] ConfirmEmail.Handler confirm, CancellationToken ct)
    {
        if (!(await validator.ValidateAsync(input, ct)).IsValid || await confirm.UserOfLinkAsync(input.User, input.Email, input.Token) is not { } user)
        {
            return View("LinkInvalid");
        }

        var result = await confirm.HandleAsync(user, input);
        switch (result.Outcome)
        {
            case PasswordRecovery.ConfirmEmail.Outcome.LinkInvalid:
                return View("LinkInvalid");
            case PasswordRecovery.ConfirmEmail.Outcome.Refused:
                this.FlashDone(string.Join(" ", result.Errors));
                return RedirectToAction("Login", "Account");
        }

        var newEmail = input.Email.Trim();
        if (User.Identity?.IsAuthenticated == true && users.GetUserId(User) == user.Id)
        {
            await signIn.RefreshSignInAsync(user);
            this.FlashDone(l["Адрес электронной почты изменён: теперь вы входите с адресом {0}.", newEmail].Value);
            return RedirectToAction("Manage", "Account");
        }

        await signIn.SignOutAsync();
        this.FlashDone(l["Адрес электронной почты изменён: теперь вы входите с адресом {0}.", newEmail].Value);
        return RedirectToAction("Login", "Account");
    }
}
