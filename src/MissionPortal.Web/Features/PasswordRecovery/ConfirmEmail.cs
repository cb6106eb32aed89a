using FluentValidation;
using Microsoft.AspNetCore.Identity;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.PasswordRecovery;

/// <summary>
/// A new address becomes the login once its owner follows the link sent to it. The address is also the login name:
/// both change in one update, with a new security stamp.
/// </summary>
public static class ConfirmEmail
{
    /// <summary>What the link carries; the confirmation page posts it back.</summary>
    public sealed class Input
    {
        public required string User { get; init; }

        public required string Email { get; init; }

        public required string Token { get; init; }
    }

    /// <summary>A link without its parts is simply invalid (there's nobody to tell which part is missing).</summary>
    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.User).NotEmpty();
            RuleFor(x => x.Email).NotEmpty();
            RuleFor(x => x.Token).NotEmpty();
        }
    }

    public enum Outcome
    {
        Changed,

        /// <summary>The link is unknown, altered, used or expired.</summary>
        LinkInvalid,

        /// <summary>Identity refused the change (the address was taken meanwhile): <see cref="Result.Errors"/> say why.</summary>
        Refused,
    }

    public sealed record Result(Outcome Outcome, IReadOnlyList<string> Errors);

    public sealed class Handler(UserManager<PortalUser> users, ILogger<Handler> logger)
    {
        /// <summary>The link's user when its token is valid now for that address; null otherwise.</summary>
        public async Task<PortalUser?> UserOfLinkAsync(string? userId, string? email, string? token)
        {
            if (string.IsNullOrEmpty(userId) || string.IsNullOrWhiteSpace(email) || AccountTokens.Decode(token) is not { } decoded
                || await users.FindByIdAsync(userId) is not { } user)
            {
                return null;
            }

            return await users.VerifyUserTokenAsync(user, users.Options.Tokens.ChangeEmailTokenProvider, UserManager<PortalUser>.GetChangeEmailTokenPurpose(email.Trim()), decoded)
                ? user
                : null;
        }

        /// <summary>Changes the address (and login) of the link's user (from <see cref="UserOfLinkAsync"/>).</summary>
        public async Task<Result> HandleAsync(PortalUser user, Input input)
        {
            var newEmail = input.Email.Trim();
            var oldEmail = user.Email;
            user.UserName = newEmail;
            var changed = await users.ChangeEmailAsync(user, newEmail, AccountTokens.Decode(input.Token)!);
            if (!changed.Succeeded)
            {
                user.UserName = oldEmail;
                logger.LogWarning("E-mail change of user {UserId} refused: {Errors}", user.Id, string.Join(", ", changed.Errors.Select(e => e.Code)));
                return changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                    ? new Result(Outcome.LinkInvalid, [])
                    : new Result(Outcome.Refused, changed.Errors.Select(e => e.Description).ToList());
            }

            logger.LogInformation("User {UserId} confirmed a new e-mail", user.Id);
            return new Result(Outcome.Changed, []);
        }
    }
}
