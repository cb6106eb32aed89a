using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Web.Infrastructure.Identity;
using MissionPortal.Web.Infrastructure.Logging;

namespace MissionPortal.Web.Features.Account;

/// <summary>
/// Signing in with an address and a password: a fresh cookie at every login, failures slow the client down (never lock
/// the account), and an unknown address costs and reads as a known one.
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
                .EmailAddress().WithMessage(l["Введите адрес в формате name@example.ru."])
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
        SignInThrottle throttle,
        ILogger<Handler> logger)
    {
        /// <summary>
        /// Signs a valid input in; null when signed in, else the refusal to show on the form. Every refusal reads the
        /// same whether the address has an account or not: a wrong password, an unknown address, an account not yet
        /// confirmed (even with the right password) or locked by the agency (unless the password is right) all get one message; a client that keeps
        /// failing for one address is told to wait, for known and unknown addresses alike.
        /// </summary>
        public async Task<string?> HandleAsync(Input input, string? client)
        {
            // A fresh cookie at every login; the old session (if any) is dropped first.
            await signInManager.SignOutAsync();
            var email = input.Email.Trim();
            var wait = throttle.Wait(client, email);
            if (wait > TimeSpan.Zero)
            {
                logger.LogWarning("Sign-in for {Email} from {ClientIp} refused: {Seconds} s to wait after repeated failures", LogSafety.MaskTypedAddress(email), client, (int)Math.Ceiling(wait.TotalSeconds));
                return Wait(wait);
            }

            var user = await userManager.FindByEmailAsync(email);
            if (user is null)
            {
                // As slow as a real check, so the answer's timing doesn't tell which addresses have accounts.
                userManager.PasswordHasher.VerifyHashedPassword(new PortalUser(), UnknownUserHash.Value, input.Password);
                logger.LogWarning("Failed sign-in for unknown e-mail {Email}", LogSafety.MaskTypedAddress(email));
                return Failed(client, email);
            }

            // No lockout on failure: a stranger who knows the address must not be able to shut its owner out.
            var result = await signInManager.PasswordSignInAsync(user, input.Password, isPersistent: false, lockoutOnFailure: false);
            if (result.Succeeded)
            {
                throttle.Succeeded(client, email);
                if (user.Language is null)
                {
                    // Until they choose, the portal writes in the language they signed in with.
                    user.Language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
                    await userManager.UpdateAsync(user);
                }

                logger.LogInformation("User {UserId} signed in", user.Id);
                return null;
            }

            // Identity refuses a locked account before looking at the password: only who knows it learns why. An
            // address not yet confirmed reads as a wrong password even to who knows it, or signing up with an address and
            // then signing in with that password would tell whether it already had an account.
            if (result.IsLockedOut && await userManager.CheckPasswordAsync(user, input.Password))
            {
                throttle.Succeeded(client, email);
                logger.LogWarning("Sign-in refused: user {UserId} is locked", user.Id);
                return l["Учётная запись заблокирована. Обратитесь к администратору портала."];
            }

            if (result.IsNotAllowed)
            {
                logger.LogWarning("Sign-in refused: user {UserId} has not confirmed the address", user.Id);
            }

            logger.LogWarning("Failed sign-in for user {UserId}", user.Id);
            return Failed(client, email);
        }

        private string Failed(string? client, string email)
        {
            throttle.Failed(client, email);
            return l["Адрес или пароль не подходят: проверьте раскладку клавиатуры и введите их ещё раз."];
        }

        private string Wait(TimeSpan wait) =>
            l["Слишком много неудачных попыток входа для этого адреса. Повторите через {0} с или восстановите пароль.", (int)Math.Ceiling(wait.TotalSeconds)];
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
