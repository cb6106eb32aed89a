using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Mail;

namespace MissionPortal.Web.Features.PasswordRecovery;

/// <summary>
/// «Забыли пароль?»: a reset link by e-mail. The answer is the same whether the address has an account or not, and
/// only a known address gets a message.
/// </summary>
public static class SendResetLink
{
    public sealed class Input
    {
        public string Email { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Email)
                .NotEmpty().WithMessage(l["Введите адрес электронной почты."])
                .EmailAddress().WithMessage(l["Введите адрес в формате name@example.ru."])
                .MaximumLength(256).WithMessage(l["Введите адрес в формате name@example.ru."]);
        }
    }

    public sealed class Handler(PortalDbContext db, UserManager<PortalUser> users, AccountMail mail, PortalLinks links, ILogger<Handler> logger)
    {
        /// <summary>Queues the letter for a known address; nothing for an unknown one.</summary>
        public async Task HandleAsync(Input input, CancellationToken ct)
        {
            var user = await users.FindByEmailAsync(input.Email.Trim());
            if (user is null)
            {
                logger.LogInformation("Password reset asked for an unknown address");
                return;
            }

            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = links.Absolute($"/account/reset-password?user={Uri.EscapeDataString(user.Id)}&token={AccountTokens.Encode(token)}");
            db.OutboxMessages.Add(mail.PasswordReset(user, link));
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Password reset link sent to user {UserId}", user.Id);
        }
    }
}
