using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Database;
using MissionPortal.Web.Infrastructure.Mail;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Infrastructure.Security;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Account;

public class AccountController(
    SignInManager<PortalUser> signInManager,
    UserManager<PortalUser> userManager,
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
    [EnableRateLimiting(RateLimitPolicies.Login)]
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
        var email = input.Email.Trim();
        var user = await userManager.FindByEmailAsync(email);
        if (user is null)
        {
            // As slow as a real check, so the answer's timing doesn't tell which addresses have accounts.
            userManager.PasswordHasher.VerifyHashedPassword(new PortalUser(), UnknownUserHash.Value, input.Password);
            logger.LogWarning("Failed sign-in for unknown e-mail {Email}", Infrastructure.Logging.LogSafety.MaskTypedAddress(email));
            ModelState.AddModelError(string.Empty, l["Неверный адрес электронной почты или пароль."]);
            return View(Page(input));
        }

        var wasLockedOut = await userManager.IsLockedOutAsync(user);
        var result = await signInManager.PasswordSignInAsync(user, input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            if (user.Language is null)
            {
                // Until they choose, the portal writes in the language they signed in with.
                user.Language = language;
                await userManager.UpdateAsync(user);
            }

            logger.LogInformation("User {UserId} signed in", user.Id);
            return RedirectToLocal(input.ReturnUrl);
        }

        if (result.IsLockedOut && wasLockedOut)
        {
            logger.LogWarning("Sign-in refused: user {UserId} is locked out", user.Id);
        }
        else if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserId} locked out after repeated failed sign-ins", user.Id);
        }
        else
        {
            logger.LogWarning("Failed sign-in for user {UserId} ({FailedCount} failed in a row)", user.Id, user.AccessFailedCount);
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? l["Слишком много неудачных попыток. Вход заблокирован на 15 минут."]
            : l["Неверный адрес электронной почты или пароль."]);
        return View(Page(input));
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
        return user is null ? Challenge() : View(Manage(user, new ChangePasswordInput(), new ChangeEmailInput()));
    }

    [Authorize(Policy = Policies.UsePortal)]
    [HttpPost]
    public async Task<IActionResult> ChangePassword(
        [Bind(Prefix = ChangePasswordInput.Prefix)] ChangePasswordInput input,
        [FromServices] IValidator<ChangePasswordInput> passwordValidator,
        CancellationToken ct)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        (await passwordValidator.ValidateAsync(input, ct)).AddTo(ModelState, ChangePasswordInput.Prefix);
        if (ModelState.IsValid && await CheckCurrentPasswordAsync(user, input.CurrentPassword, $"{ChangePasswordInput.Prefix}.{nameof(input.CurrentPassword)}"))
        {
            var changed = await userManager.ChangePasswordAsync(user, input.CurrentPassword, input.NewPassword);
            if (changed.Succeeded)
            {
                // The stamp changed: other sessions are refused, this one gets a new cookie.
                await signInManager.RefreshSignInAsync(user);
                logger.LogInformation("User {UserId} changed the password", user.Id);
                this.FlashDone(l["Пароль изменён. Другие сеансы этой учётной записи завершены."].Value);
                return RedirectToAction(nameof(Manage));
            }

            foreach (var error in changed.Errors)
            {
                ModelState.AddModelError($"{ChangePasswordInput.Prefix}.{nameof(input.NewPassword)}", error.Description);
            }
        }

        return View(nameof(Manage), Manage(user, new ChangePasswordInput(), new ChangeEmailInput()));
    }

    /// <summary>
    /// A new address becomes the login only once its owner follows the link sent to it; the old address is told.
    /// </summary>
    [Authorize(Policy = Policies.UsePortal)]
    [HttpPost]
    public async Task<IActionResult> ChangeEmail(
        [Bind(Prefix = ChangeEmailInput.Prefix)] ChangeEmailInput input,
        [FromServices] IValidator<ChangeEmailInput> emailValidator,
        [FromServices] PortalDbContext db,
        [FromServices] AccountMail mail,
        [FromServices] PortalLinks links,
        CancellationToken ct)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        (await emailValidator.ValidateAsync(input, ct)).AddTo(ModelState, ChangeEmailInput.Prefix);
        var newEmail = (input.NewEmail ?? string.Empty).Trim();
        var field = $"{ChangeEmailInput.Prefix}.{nameof(input.NewEmail)}";
        if (ModelState.IsValid && string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(field, l["Это ваш нынешний адрес."]);
        }

        if (ModelState.IsValid && await userManager.FindByEmailAsync(newEmail) is not null)
        {
            ModelState.AddModelError(field, l["Адрес {0} уже занят.", newEmail]);
        }

        if (ModelState.IsValid && await CheckCurrentPasswordAsync(user, input.CurrentPassword, $"{ChangeEmailInput.Prefix}.{nameof(input.CurrentPassword)}"))
        {
            var token = await userManager.GenerateChangeEmailTokenAsync(user, newEmail);
            var link = links.Absolute(
                $"/account/confirm-email?user={Uri.EscapeDataString(user.Id)}&email={Uri.EscapeDataString(newEmail)}&token={PasswordRecovery.PasswordRecoveryController.Encode(token)}");
            db.OutboxMessages.Add(mail.ConfirmNewEmail(user, newEmail, link));
            db.OutboxMessages.Add(mail.NoticeToOldEmail(user, newEmail));
            await db.SaveChangesAsync(ct);
            logger.LogInformation("User {UserId} asked to change the e-mail; confirmation link sent", user.Id);
            this.FlashDone(l["На адрес {0} отправлено письмо со ссылкой. Адрес для входа сменится, когда вы перейдёте по ней.", newEmail].Value);
            return RedirectToAction(nameof(Manage));
        }

        return View(nameof(Manage), Manage(user, new ChangePasswordInput(), new ChangeEmailInput { NewEmail = newEmail }));
    }

    /// <summary>Checks the password the user retyped; failures count towards the lockout like failed sign-ins.</summary>
    private async Task<bool> CheckCurrentPasswordAsync(PortalUser user, string password, string field)
    {
        var check = await signInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.Succeeded)
        {
            return true;
        }

        logger.LogWarning("Wrong current password from user {UserId} (locked out: {LockedOut})", user.Id, check.IsLockedOut);
        ModelState.AddModelError(field, check.IsLockedOut
            ? l["Слишком много неудачных попыток. Вход заблокирован на 15 минут."]
            : l["Текущий пароль указан неверно."]);
        return false;
    }

    private static ManageViewModel Manage(PortalUser user, ChangePasswordInput password, ChangeEmailInput email) => new()
    {
        Email = user.Email ?? user.UserName ?? string.Empty,
        DisplayName = user.DisplayName,
        Password = password,
        EmailChange = email,
    };

    private IActionResult RedirectToLocal(string? returnUrl) =>
        LocalUrls.OrHome(Url, returnUrl) is var local && local != "/" ? LocalRedirect(local) : RedirectToAction("Index", "Home");

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
                new DemoAccount(DemoOptions.HostCompanyEmail, l["Компания принимающего региона"]),
            ]
            : [],
    };

    /// <summary>A hash of a random password, so an unknown address costs the same PBKDF2 work as a known one.</summary>
    private static class UnknownUserHash
    {
        public static readonly Lazy<string> LazyValue = new(() =>
            new PasswordHasher<PortalUser>(Options.Create(new PasswordHasherOptions
            {
                IterationCount = Infrastructure.Identity.IdentityExtensions.PasswordHashIterations,
            })).HashPassword(new PortalUser(), Guid.NewGuid().ToString("N")));

        public static string Value => LazyValue.Value;
    }
}
