using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Domain.Identity;

namespace MissionPortal.Web.Features.Account;

/// <summary>A new password for one's own account, given with the current one; the new security stamp ends other sessions.</summary>
public static class ChangePassword
{
    public sealed class Input
    {
        public const string Prefix = "Password";

        public string CurrentPassword { get; set; } = string.Empty;

        public string NewPassword { get; set; } = string.Empty;

        public string ConfirmPassword { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.CurrentPassword)
                .NotEmpty().WithMessage(l["Введите текущий пароль."])
                .MaximumLength(256);
            RuleFor(x => x.NewPassword)
                .NotEmpty().WithMessage(l["Введите новый пароль."])
                .MinimumLength(12).WithMessage(l["Придумайте пароль не короче {0} символов.", 12])
                .MaximumLength(256)
                .NotEqual(x => x.CurrentPassword).WithMessage(l["Новый пароль совпадает с текущим."]);
            RuleFor(x => x.ConfirmPassword)
                .Equal(x => x.NewPassword).WithMessage(l["Пароли не совпадают."]);
        }
    }

    /// <summary>A refusal of one field of the input (a property name of <see cref="Input"/>).</summary>
    public sealed record Refusal(string Field, string Message);

    public sealed class Handler(
        UserManager<PortalUser> userManager,
        SignInManager<PortalUser> signInManager,
        CurrentPassword currentPassword,
        ILogger<Handler> logger)
    {
        /// <summary>Changes the password of a valid input; no refusals when it's changed.</summary>
        public async Task<IReadOnlyList<Refusal>> HandleAsync(PortalUser user, Input input)
        {
            if (await currentPassword.RefusalAsync(user, input.CurrentPassword) is { } wrong)
            {
                return [new Refusal(nameof(Input.CurrentPassword), wrong)];
            }

            var changed = await userManager.ChangePasswordAsync(user, input.CurrentPassword, input.NewPassword);
            if (!changed.Succeeded)
            {
                return changed.Errors.Select(e => new Refusal(nameof(Input.NewPassword), e.Description)).ToList();
            }

            // The stamp changed: other sessions are refused, this one gets a new cookie.
            await signInManager.RefreshSignInAsync(user);
            logger.LogInformation("User {UserId} changed the password", user.Id);
            return [];
        }
    }
}
