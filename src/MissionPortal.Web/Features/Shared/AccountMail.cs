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
    public const string SignUpConfirmKind = "sign-up-confirm";
    public const string SignUpAgainKind = "sign-up-again";

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

    /// <summary>To the address a company signed up with: the link that confirms it and lets the account sign in.</summary>
    public OutboxMessage ConfirmSignUp(PortalUser user, string link) =>
        mail.Compose(SignUpConfirmKind, user.Language, user.Email!, user.DisplayName, l => new MailContent(
            l["Подтвердите адрес, чтобы завершить регистрацию"],
            Greeting(l, user),
            [
                l["С этим адресом зарегистрирована учётная запись на портале бизнес-миссий."],
                l["Войти можно будет, когда вы подтвердите адрес по ссылке. Ссылка действует {0} часа; новую можно запросить на странице «Проверьте почту» или через восстановление пароля.", (int)LinkLifetime.TotalHours],
            ],
            new MailAction(l["Подтвердить адрес"], link),
            l["Если вы не регистрировались, ничего не делайте: учётная запись без подтверждения не откроется."]));

    /// <summary>To an address that already has an account, when someone signs up with it again: nothing was created.</summary>
    public OutboxMessage SignUpAgain(PortalUser user) =>
        mail.Compose(SignUpAgainKind, user.Language, user.Email!, user.DisplayName, l => new MailContent(
            l["Попытка зарегистрироваться с вашим адресом"],
            Greeting(l, user),
            [
                l["Кто-то (возможно, вы) попытался зарегистрироваться на портале бизнес-миссий с адресом {0}. У этого адреса уже есть учётная запись, поэтому новая не создана и ничего не изменено.", user.Email!],
                l["Забыли пароль? Задайте новый: {0}", mail.Links.Absolute("/account/forgot-password")],
            ],
            new MailAction(l["Войти"], mail.Links.Absolute("/account/login")),
            l["Если это были не вы, ничего делать не нужно."]));

    private static string Greeting(Microsoft.Extensions.Localization.IStringLocalizer l, PortalUser user) =>
        string.IsNullOrWhiteSpace(user.DisplayName) ? l["Здравствуйте!"] : l["Здравствуйте, {0}!", user.DisplayName];
}
