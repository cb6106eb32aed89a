using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Web.Infrastructure.Identity;
using MissionPortal.Web.Infrastructure.Logging;

namespace MissionPortal.Web.Features.Account;

/// <summary>
/// Signing in with an address and a password: a fresh cookie at every login, failures count towards a lockout, and
/// an unknown address costs as much as a known one.
/// </summary>
public static class Login
{
    public sealed class Input
    {
        public string Email { get; set; } = string.Empty;

        public string Password { get; set; } = string.Empty;

        public string? ReturnUrl { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Email)
                .NotEmpty().WithMessage(l["Введите адрес электронной почты."])
                .EmailAddress().WithMessage(l["Адрес электронной почты указан неверно."])
                .MaximumLength(256);
            RuleFor(x => x.Password)
                .NotEmpty().WithMessage(l["Введите пароль."])
                .MaximumLength(256);
        }
    }

    public sealed class Handler(
        SignInManager<PortalUser> signInManager,
        UserManager<PortalUser> userManager,
        IStringLocalizer<SharedResource> l,
        ILogger<Handler> logger)
    {
        /// <summary>Signs a valid input in; null when signed in, else the refusal to show on the form.</summary>
        public async Task<string?> HandleAsync(Input input)
        {
            // A fresh cookie at every login; the old session (if any) is dropped first.
            await signInManager.SignOutAsync();
            var email = input.Email.Trim();
            var user = await userManager.FindByEmailAsync(email);
            if (user is null)
            {
                // As slow as a real check, so the answer's timing doesn't tell which addresses have accounts.
                userManager.PasswordHasher.VerifyHashedPassword(new PortalUser(), UnknownUserHash.Value, input.Password);
                logger.LogWarning("Failed sign-in for unknown e-mail {Email}", LogSafety.MaskTypedAddress(email));
                return l["Неверный адрес электронной почты или пароль."];
            }

            var wasLockedOut = await userManager.IsLockedOutAsync(user);
            var result = await signInManager.PasswordSignInAsync(user, input.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                if (user.Language is null)
                {
                    // Until they choose, the portal writes in the language they signed in with.
                    user.Language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
                    await userManager.UpdateAsync(user);
                }

                logger.LogInformation("User {UserId} signed in", user.Id);
                return null;
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

            return result.IsLockedOut
                ? l["Слишком много неудачных попыток. Вход заблокирован на 15 минут."]
                : l["Неверный адрес электронной почты или пароль."];
        }
    }

    /// <summary>A hash of a random password, so an unknown address costs the same PBKDF2 work as a known one.</summary>
    private static class UnknownUserHash
    {
        private static readonly Lazy<string> LazyValue = new(() =>
            new PasswordHasher<PortalUser>(Options.Create(new PasswordHasherOptions
            {
                IterationCount = IdentityExtensions.PasswordHashIterations,
            })).HashPassword(new PortalUser(), Guid.NewGuid().ToString("N")));

        public static string Value => LazyValue.Value;
    }
}
