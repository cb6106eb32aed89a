using FluentValidation;
using Microsoft.Extensions.Localization;

namespace MissionPortal.Web.Features.Account;

public sealed class LoginInput
{
    public string Email { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }
}

public sealed class LoginInputValidator : AbstractValidator<LoginInput>
{
    public LoginInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Email)
            .NotEmpty().WithMessage(l["Введите адрес электронной почты."])
            .EmailAddress().WithMessage(l["Адрес электронной почты указан неверно."])
            .MaximumLength(256);
        RuleFor(x => x.Password)
            .NotEmpty().WithMessage(l["Введите пароль."])
            .MaximumLength(256);
    }
}
