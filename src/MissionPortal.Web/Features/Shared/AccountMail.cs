using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Mail;
using MissionPortal.Web.Infrastructure.Identity;
using MissionPortal.Web.Infrastructure.Mail;

namespace MissionPortal.Web.Features.Shared;

/// <summary>The messages about one's own account: a password reset link and the confirmation of a new address.</summary>
public sealed class AccountMail(MailComposer mail)
{
    public const string PasswordResetKind = "password-reset";
    public const string EmailChangeKind = "email-change";
    public const string EmailChangeNoticeKind = "email-change-notice";

    /// <summary>How long a link from these messages works (Identity's token lifespan is set to it).</summary>
    public static readonly TimeSpan LinkLifetime = IdentityExtensions.AccountLinkLifetime;

    public OutboxMessage PasswordReset(PortalUser user, string link) =>
        mail.Compose(PasswordResetKind, user.Language, user.Email!, user.DisplayName, l => new MailContent(
            l["Восстановление пароля на портале бизнес-миссий"],
            Greeting(l, user),
            [
                l["Кто-то (возможно, вы) попросил восстановить пароль учётной записи {0}.", user.Email!],
                l["Чтобы задать новый пароль, перейдите по ссылке. Она действует {0} часа и только один раз; после смены пароля все открытые сеансы этой учётной записи завершатся.", (int)LinkLifetime.TotalHours],
            ],
            new MailAction(l["Задать новый пароль"], link),
            l["Если вы не просили восстановить пароль, ничего не делайте: пароль останется прежним."]));

    public OutboxMessage ConfirmNewEmail(PortalUser user, string newEmail, string link) =>
        mail.Compose(EmailChangeKind, user.Language, newEmail, user.DisplayName, l => new MailContent(
            l["Подтвердите новый адрес электронной почты"],
            Greeting(l, user),
            [
                l["Вы указали адрес {0} как новый адрес для входа на портал бизнес-миссий.", newEmail],
                l["Адрес сменится, когда вы перейдёте по ссылке и подтвердите его. Ссылка действует {0} часа; после смены все открытые сеансы учётной записи завершатся.", (int)LinkLifetime.TotalHours],
            ],
            new MailAction(l["Подтвердить адрес"], link),
            l["Если вы ничего не меняли, просто не переходите по ссылке."]));

    public OutboxMessage NoticeToOldEmail(PortalUser user, string newEmail) =>
        mail.Compose(EmailChangeNoticeKind, user.Language, user.Email!, user.DisplayName, l => new MailContent(
            l["Запрошена смена адреса электронной почты"],
            Greeting(l, user),
            [
                l["Для вашей учётной записи запрошена смена адреса для входа на {0}. Адрес сменится, только когда по ссылке из письма на новый адрес перейдут.", newEmail],
                l["Если это были не вы, войдите в портал и смените пароль."],
            ],
            new MailAction(l["Открыть учётную запись"], mail.Links.Absolute("/account/manage"))));

    private static string Greeting(Microsoft.Extensions.Localization.IStringLocalizer l, PortalUser user) =>
        string.IsNullOrWhiteSpace(user.DisplayName) ? l["Здравствуйте!"] : l["Здравствуйте, {0}!", user.DisplayName];
}
