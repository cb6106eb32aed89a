using FluentValidation;
using Microsoft.Extensions.Localization;

namespace MissionPortal.Web.Features.PasswordRecovery;

/// <summary>«Забыли пароль?»: the address to send a reset link to.</summary>
public sealed class ForgotPasswordInput
{
    public string Email { get; set; } = string.Empty;
}

public sealed class ForgotPasswordInputValidator : AbstractValidator<ForgotPasswordInput>
{
    public ForgotPasswordInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Email)
            .NotEmpty().WithMessage(l["Введите адрес электронной почты."])
            .EmailAddress().WithMessage(l["Адрес электронной почты указан неверно."])
            .MaximumLength(256).WithMessage(l["Адрес электронной почты указан неверно."]);
    }
}

/// <summary>A new password set from the link in a reset message.</summary>
public sealed class ResetPasswordInput
{
    public string User { get; set; } = string.Empty;

    public string Token { get; set; } = string.Empty;

    public string NewPassword { get; set; } = string.Empty;

    public string ConfirmPassword { get; set; } = string.Empty;
}

public sealed class ResetPasswordInputValidator : AbstractValidator<ResetPasswordInput>
{
    public ResetPasswordInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.NewPassword)
            .NotEmpty().WithMessage(l["Введите новый пароль."])
            .MinimumLength(12).WithMessage(l["Пароль должен содержать не меньше {0} символов.", 12])
            .MaximumLength(256).WithMessage(l["Пароль не длиннее {0} символов.", 256]);
        RuleFor(x => x.ConfirmPassword)
            .Equal(x => x.NewPassword).WithMessage(l["Пароли не совпадают."]);
    }
}

/// <summary>The page a reset or confirmation link opens.</summary>
public sealed class ResetPasswordViewModel
{
    public required ResetPasswordInput Input { get; init; }

    public required string Email { get; init; }
}

public sealed class ConfirmEmailViewModel
{
    public required string User { get; init; }

    public required string Email { get; init; }

    public required string Token { get; init; }
}
