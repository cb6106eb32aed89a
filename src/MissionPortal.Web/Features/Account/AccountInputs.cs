using FluentValidation;
using Microsoft.Extensions.Localization;

namespace MissionPortal.Web.Features.Account;

/// <summary>A new password for one's own account, given with the current one.</summary>
public sealed class ChangePasswordInput
{
    public const string Prefix = "Password";

    public string CurrentPassword { get; set; } = string.Empty;

    public string NewPassword { get; set; } = string.Empty;

    public string ConfirmPassword { get; set; } = string.Empty;
}

public sealed class ChangePasswordInputValidator : AbstractValidator<ChangePasswordInput>
{
    public ChangePasswordInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.CurrentPassword)
            .NotEmpty().WithMessage(l["Введите текущий пароль."])
            .MaximumLength(256);
        RuleFor(x => x.NewPassword)
            .NotEmpty().WithMessage(l["Введите новый пароль."])
            .MinimumLength(12).WithMessage(l["Пароль должен содержать не меньше {0} символов.", 12])
            .MaximumLength(256)
            .NotEqual(x => x.CurrentPassword).WithMessage(l["Новый пароль совпадает с текущим."]);
        RuleFor(x => x.ConfirmPassword)
            .Equal(x => x.NewPassword).WithMessage(l["Пароли не совпадают."]);
    }
}

/// <summary>A new e-mail address (which is also the login) for one's own account, given with the current password.</summary>
public sealed class ChangeEmailInput
{
    public const string Prefix = "Email";

    public string NewEmail { get; set; } = string.Empty;

    public string CurrentPassword { get; set; } = string.Empty;
}

public sealed class ChangeEmailInputValidator : AbstractValidator<ChangeEmailInput>
{
    public ChangeEmailInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.NewEmail)
            .NotEmpty().WithMessage(l["Введите адрес электронной почты."])
            .EmailAddress().WithMessage(l["Адрес электронной почты указан неверно."])
            .MaximumLength(256);
        RuleFor(x => x.CurrentPassword)
            .NotEmpty().WithMessage(l["Введите текущий пароль."])
            .MaximumLength(256);
    }
}

public sealed class ManageViewModel
{
    public required string Email { get; init; }

    public required string DisplayName { get; init; }

    public ChangePasswordInput Password { get; init; } = new();

    public ChangeEmailInput EmailChange { get; init; } = new();
}
