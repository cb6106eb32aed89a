using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Infrastructure.Security;

namespace MissionPortal.Web.Features.Registration;

public sealed class SignUpViewModel
{
    public required SignUp.Input Input { get; init; }

    public IReadOnlyList<OptionViewModel> Regions { get; init; } = [];
}

/// <summary>The «check your e-mail» page, with the form that sends the link again.</summary>
public sealed class SignUpSentViewModel
{
    public string? Email { get; init; }
}

/// <summary>
/// Company sign-up. A new company waits for the agency's approval; a company that exists already
/// (same ИНН) is not registered twice: the new user asks to join it instead. After a valid form the answer is always
/// «check your e-mail», whether or not the address or the ИНН was known; an account signs in once its address is confirmed.
/// </summary>
[AllowAnonymous]
[Route("registration")]
public class RegistrationController(
    PortalDbContext db,
    IValidator<SignUp.Input> validator,
    SignUp.Handler signUp,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(new SignUp.Input(), ct));

    [HttpPost("")]
    [EnableRateLimiting(RateLimitPolicies.SignUp)]
    [OneSubmission("Sent", "Registration")]
    public async Task<IActionResult> Index(SignUp.Input input, CancellationToken ct)
    {
        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return View(await PageAsync(input, ct));
        }

        var result = await signUp.HandleAsync(input, ct);
        if (result.Refusals.Count > 0)
        {
            foreach (var (field, message) in result.Refusals)
            {
                ModelState.AddModelError(field, message);
            }

            return View(await PageAsync(input, ct));
        }

        return RedirectToAction(nameof(Sent));
    }

    /// <summary>«Проверьте почту»: the same page whatever the mailbox is told, with a way to have the link sent again.</summary>
    [HttpGet("sent")]
    public IActionResult Sent() => View(new SignUpSentViewModel());

    [HttpPost("sent")]
    [EnableRateLimiting(RateLimitPolicies.SignUp)]
    public async Task<IActionResult> Resend(string? email, CancellationToken ct)
    {
        var address = email?.Trim();
        if (string.IsNullOrEmpty(address) || address.Length > 256 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(address))
        {
            ModelState.AddModelError("Email", l["Введите адрес в формате name@example.ru."]);
            return View(nameof(Sent), new SignUpSentViewModel { Email = email });
        }

        await signUp.ResendAsync(address, ct);
        this.FlashDone(l["Если регистрация с адресом {0} ждёт подтверждения, на него отправлена новая ссылка.", address].Value);
        return RedirectToAction(nameof(Sent));
    }

    /// <summary>The page the sign-up link opens: a button, since a GET changes nothing.</summary>
    [HttpGet("confirm")]
    public async Task<IActionResult> Confirm(string? user, string? token, [FromServices] ConfirmSignUp.Handler confirm) =>
        await confirm.UserOfLinkAsync(user, token) is { } found
            ? View(new ConfirmSignUpViewModel(found.Id, token!, found.Email ?? string.Empty))
            : await confirm.ExpiredAsync(user, token) ? Expired() : View(LinkInvalidView);

    [HttpPost("confirm")]
    [EnableRateLimiting(RateLimitPolicies.SignUp)]
    public async Task<IActionResult> ConfirmPost(string? user, string? token, [FromServices] ConfirmSignUp.Handler confirm, CancellationToken ct)
    {
        if (await confirm.UserOfLinkAsync(user, token) is not { } found || !await confirm.HandleAsync(found, token!, ct))
        {
            return await confirm.ExpiredAsync(user, token) ? Expired() : View(LinkInvalidView);
        }

        this.FlashDone(l["Адрес {0} подтверждён. Войдите с паролем, который задали при регистрации.", found.Email ?? string.Empty].Value);
        return RedirectToAction("Login", "Account");
    }

    /// <summary>«Срок подтверждения истёк»: the sign-up is gone, and the form is one click away.</summary>
    private ViewResult Expired()
    {
        var view = View(nameof(Expired), (int)ExpiredSignUps.Period.TotalDays);
        view.StatusCode = StatusCodes.Status410Gone;
        return view;
    }

    private const string LinkInvalidView = "~/Features/PasswordRecovery/LinkInvalid.cshtml";

    private async Task<SignUpViewModel> PageAsync(SignUp.Input input, CancellationToken ct) => new()
    {
        Input = input,
        Regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new OptionViewModel(r.Id, r.Name)).ToListAsync(ct),
    };
}

/// <summary>The confirmation page of a sign-up link.</summary>
public sealed record ConfirmSignUpViewModel(string User, string Token, string Email);
