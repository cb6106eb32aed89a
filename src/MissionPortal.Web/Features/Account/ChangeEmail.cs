using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Mail;

namespace MissionPortal.Web.Features.Account;

/// <summary>
/// A new e-mail address (which is also the login) for one's own account, given with the current password. It becomes
/// the login only once its owner follows the link sent to it; the old address is told.
/// </summary>
public static class ChangeEmail
{
    public sealed class Input
    {
        public const string Prefix = "Email";

        public string NewEmail { get; set; } = string.Empty;

        public string CurrentPassword { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.NewEmail)
                .NotEmpty().WithMessage(l["Введите адрес электронной почты."])
                .EmailAddress().WithMessage(l["Введите адрес в формате name@example.ru."])
                .MaximumLength(256);
            RuleFor(x => x.CurrentPassword)
                .NotEmpty().WithMessage(l["Введите текущий пароль."])
                .MaximumLength(256);
        }
    }

    /// <summary>A refusal of one field of the input (a property name of <see cref="Input"/>).</summary>
    public sealed record Refusal(string Field, string Message);

    public sealed class Handler(
        PortalDbContext db,
        UserManager<PortalUser> userManager,
        CurrentPassword currentPassword,
        AccountMail mail,
        PortalLinks links,
        IStringLocalizer<SharedResource> l,
        ILogger<Handler> logger)
    {
        /// <summary>Sends the confirmation link for a valid input; null when sent, else the refusal.</summary>
        public async Task<Refusal?> HandleAsync(PortalUser user, Input input, CancellationToken ct)
        {
            var newEmail = input.NewEmail.Trim();
            if (string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
            {
                return new Refusal(nameof(Input.NewEmail), l["Это ваш нынешний адрес."]);
            }

            if (await userManager.FindByEmailAsync(newEmail) is not null)
            {
                return new Refusal(nameof(Input.NewEmail), l["Адрес {0} уже занят.", newEmail]);
            }

            if (await currentPassword.RefusalAsync(user, input.CurrentPassword) is { } wrong)
            {
                return new Refusal(nameof(Input.CurrentPassword), wrong);
            }

            var token = await userManager.GenerateChangeEmailTokenAsync(user, newEmail);
            var link = links.Absolute(
                $"/account/confirm-email?user={Uri.EscapeDataString(user.Id)}&email={Uri.EscapeDataString(newEmail)}&token={AccountTokens.Encode(token)}");
            db.OutboxMessages.Add(mail.ConfirmNewEmail(user, newEmail, link));
            db.OutboxMessages.Add(mail.NoticeToOldEmail(user, newEmail));
            await db.SaveChangesAsync(ct);
            logger.LogInformation("User {UserId} asked to change the e-mail; confirmation link sent", user.Id);
            return null;
        }
    }
}
