using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace MissionPortal.Web.Infrastructure.Identity;

/// <summary>Identity's messages in the user's language (Russian first, English from the resources).</summary>
public sealed class RussianIdentityErrorDescriber(IStringLocalizer<SharedResource> localizer) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), localizer["Придумайте пароль не короче {0} символов.", length]);

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), localizer["Адрес {0} уже занят.", email]);

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), localizer["Адрес {0} уже занят.", userName]);

    public override IdentityError InvalidEmail(string? email) =>
        Error(nameof(InvalidEmail), localizer["Введите адрес в формате name@example.ru вместо «{0}».", email ?? string.Empty]);

    public override IdentityError PasswordMismatch() =>
        Error(nameof(PasswordMismatch), localizer["Пароль не подходит: введите его ещё раз."]);

    public override IdentityError DefaultError() =>
        Error(nameof(DefaultError), localizer["Не удалось выполнить операцию."]);

    public override IdentityError UserAlreadyInRole(string role) =>
        Error(nameof(UserAlreadyInRole), localizer["У пользователя уже есть эта роль."]);

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), localizer["Запись изменил другой пользователь. Обновите страницу и повторите."]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
