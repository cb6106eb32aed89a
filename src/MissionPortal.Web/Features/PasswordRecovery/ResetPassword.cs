using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.PasswordRecovery;

/// <summary>
/// A new password set from the link in a reset message. The link is Identity's token for the user's current security
/// stamp: it expires, works once (the reset renews the stamp) and an altered one fails.
/// </summary>
public static class ResetPassword
{
    public sealed class Input
    {
        public string User { get; set; } = string.Empty;

        public string Token { get; set; } = string.Empty;

        public string NewPassword { get; set; } = string.Empty;

        public string ConfirmPassword { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.NewPassword)
                .NotEmpty().WithMessage(l["Введите новый пароль."])
                .MinimumLength(12).WithMessage(l["Придумайте пароль не короче {0} символов.", 12])
                .MaximumLength(256).WithMessage(l["Сократите пароль до {0} символов.", 256]);
            RuleFor(x => x.ConfirmPassword)
                .Equal(x => x.NewPassword).WithMessage(l["Пароли не совпадают."]);
        }
    }

    public enum Outcome
    {
        Reset,

        /// <summary>The link is unknown, altered, used or expired.</summary>
        LinkInvalid,

        /// <summary>Identity refused the password: <see cref="Result.Errors"/> say why.</summary>
        Refused,
    }

    public sealed record Result(Outcome Outcome, IReadOnlyList<string> Errors);

    public sealed class Handler(UserManager<PortalUser> users, ILogger<Handler> logger)
    {
        /// <summary>The link's user when its token is valid now; null for an unknown user, an altered, used or expired token.</summary>
        public async Task<PortalUser?> UserOfLinkAsync(string? userId, string? token)
        {
            if (string.IsNullOrEmpty(userId) || AccountTokens.Decode(token) is not { } decoded || await users.FindByIdAsync(userId) is not { } user)
            {
                return null;
            }

            return await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<PortalUser>.ResetPasswordTokenPurpose, decoded)
                ? user
                : null;
        }

        /// <summary>Sets a valid input's password for the link's user (from <see cref="UserOfLinkAsync"/>).</summary>
        public async Task<Result> HandleAsync(PortalUser user, Input input)
        {
            var reset = await users.ResetPasswordAsync(user, AccountTokens.Decode(input.Token)!, input.NewPassword);
            if (!reset.Succeeded)
            {
                return reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                    ? new Result(Outcome.LinkInvalid, [])
                    : new Result(Outcome.Refused, reset.Errors.Select(e => e.Description).ToList());
            }

            // The mailbox is proven: failed attempts and a lockout from them are forgiven.
            await users.ResetAccessFailedCountAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
            if (!user.EmailConfirmed)
            {
                user.EmailConfirmed = true;
                await users.UpdateAsync(user);
            }

            logger.LogInformation("User {UserId} set a new password from a reset link", user.Id);
            return new Result(Outcome.Reset, []);
        }
    }
}
