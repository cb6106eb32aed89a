using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Web.Infrastructure.Mail;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Infrastructure.Security;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.PasswordRecovery;

/// <summary>
/// «Забыли пароль?»: a reset link by e-mail, and a new address confirmed by a link before it becomes the login.
/// The answer to a reset request is the same whether the address has an account or not, and only a known address gets
/// a message. A link is Identity's token for the user's current security stamp: it expires, works once (the reset
/// renews the stamp) and an altered one fails; every session of the user ends with the new stamp.
/// </summary>
[AllowAnonymous]
[Route("account")]
public class PasswordRecoveryController(
    PortalDbContext db,
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    AccountMail mail,
    PortalLinks links,
    IStringLocalizer<SharedResource> l,
    ILogger<PasswordRecoveryController> logger) : Controller
{
    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword(string? email) => View(new ForgotPasswordInput { Email = email ?? string.Empty });

    [HttpPost("forgot-password")]
    [EnableRateLimiting(RateLimitPolicies.Login)]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordInput input, [FromServices] IValidator<ForgotPasswordInput> validator, CancellationToken ct)
    {
        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var user = await users.FindByEmailAsync(input.Email.Trim());
        if (user is null)
        {
            logger.LogInformation("Password reset asked for an unknown address");
        }
        else
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = links.Absolute($"/account/reset-password?user={Uri.EscapeDataString(user.Id)}&token={Encode(token)}");
            db.OutboxMessages.Add(mail.PasswordReset(user, link));
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Password reset link sent to user {UserId}", user.Id);
        }

        return RedirectToAction(nameof(ResetLinkSent));
    }

    [HttpGet("forgot-password/sent")]
    public IActionResult ResetLinkSent() => View();

    [HttpGet("reset-password")]
    public async Task<IActionResult> ResetPassword(string? user, string? token)
    {
        var found = await UserForResetAsync(user, token);
        if (found is null)
        {
            return View("LinkInvalid");
        }

        return View(new ResetPasswordViewModel { Input = new ResetPasswordInput { User = found.Id, Token = token! }, Email = found.Email ?? string.Empty });
    }

    [HttpPost("reset-password")]
    [EnableRateLimiting(RateLimitPolicies.Login)]
    public async Task<IActionResult> ResetPassword(ResetPasswordInput input, [FromServices] IValidator<ResetPasswordInput> validator, CancellationToken ct)
    {
        var user = await UserForResetAsync(input.User, input.Token);
        if (user is null)
        {
            return View("LinkInvalid");
        }

        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (ModelState.IsValid)
        {
            var reset = await users.ResetPasswordAsync(user, Decode(input.Token)!, input.NewPassword);
            if (reset.Succeeded)
            {
                // The mailbox is proven: failed attempts and a lockout from them are forgiven.
                await users.ResetAccessFailedCountAsync(user);
                await users.SetLockoutEndDateAsync(user, null);
                if (!user.EmailConfirmed)
                {
                    user.EmailConfirmed = true;
                    await users.UpdateAsync(user);
                }

                await signIn.SignOutAsync();
                logger.LogInformation("User {UserId} set a new password from a reset link", user.Id);
                this.FlashDone(l["Пароль изменён, все сеансы этой учётной записи завершены. Войдите с новым паролем."].Value);
                return RedirectToAction("Login", "Account");
            }

            foreach (var error in reset.Errors)
            {
                if (error.Code == nameof(IdentityErrorDescriber.InvalidToken))
                {
                    return View("LinkInvalid");
                }

                ModelState.AddModelError(nameof(input.NewPassword), error.Description);
            }
        }

        return View(new ResetPasswordViewModel { Input = new ResetPasswordInput { User = user.Id, Token = input.Token }, Email = user.Email ?? string.Empty });
    }

    /// <summary>The page a confirmation link opens: a button, since a GET changes nothing.</summary>
    [HttpGet("confirm-email")]
    public async Task<IActionResult> ConfirmEmail(string? user, string? email, string? token)
    {
        var found = await UserForEmailChangeAsync(user, email, token);
        if (found is null)
        {
            return View("LinkInvalid");
        }

        return View(new ConfirmEmailViewModel { User = found.Id, Email = email!.Trim(), Token = token! });
    }

    [HttpPost("confirm-email")]
    public async Task<IActionResult> ConfirmEmail(ConfirmEmailViewModel input)
    {
        var user = await UserForEmailChangeAsync(input.User, input.Email, input.Token);
        if (user is null)
        {
            return View("LinkInvalid");
        }

        var newEmail = input.Email.Trim();
        var oldEmail = user.Email;
        // The address is also the login name: both change in one update, with a new security stamp.
        user.UserName = newEmail;
        var changed = await users.ChangeEmailAsync(user, newEmail, Decode(input.Token)!);
        if (!changed.Succeeded)
        {
            user.UserName = oldEmail;
            logger.LogWarning("E-mail change of user {UserId} refused: {Errors}", user.Id, string.Join(", ", changed.Errors.Select(e => e.Code)));
            if (changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                return View("LinkInvalid");
            }

            this.FlashDone(string.Join(" ", changed.Errors.Select(e => e.Description)));
            return RedirectToAction("Login", "Account");
        }

        logger.LogInformation("User {UserId} confirmed a new e-mail", user.Id);
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

    /// <summary>The link's user when its token is valid now; null for an unknown user, an altered, used or expired token.</summary>
    private async Task<PortalUser?> UserForResetAsync(string? userId, string? token)
    {
        if (string.IsNullOrEmpty(userId) || Decode(token) is not { } decoded || await users.FindByIdAsync(userId) is not { } user)
        {
            return null;
        }

        return await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<PortalUser>.ResetPasswordTokenPurpose, decoded)
            ? user
            : null;
    }

    private async Task<PortalUser?> UserForEmailChangeAsync(string? userId, string? email, string? token)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrWhiteSpace(email) || Decode(token) is not { } decoded
            || await users.FindByIdAsync(userId) is not { } user)
        {
            return null;
        }

        return await users.VerifyUserTokenAsync(user, users.Options.Tokens.ChangeEmailTokenProvider, UserManager<PortalUser>.GetChangeEmailTokenPurpose(email.Trim()), decoded)
            ? user
            : null;
    }

    /// <summary>A token made safe for a URL (Identity's tokens hold +, / and =).</summary>
    internal static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private static string? Decode(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }

}
