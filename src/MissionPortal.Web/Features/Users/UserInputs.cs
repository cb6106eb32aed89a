using FluentValidation;
using Microsoft.Extensions.Localization;

namespace MissionPortal.Web.Features.Users;

/// <summary>What the administrator may set on an account: name, roles and the organisation it acts for.</summary>
public class UserInput
{
    public string DisplayName { get; set; } = string.Empty;

    public List<string> Roles { get; set; } = [];

    public int? OrganizationId { get; set; }
}

/// <summary>The edit form: a change of roles needs the administrator's own current password.</summary>
public sealed class UserEditInput : UserInput
{
    public string? CurrentPassword { get; set; }

    /// <summary>Identity's concurrency stamp as the form was opened: a newer one means someone else saved the user first.</summary>
    public string? ConcurrencyStamp { get; set; }
}

public sealed class NewUserInput : UserInput
{
    public string Email { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;
}

public sealed class UserInputValidator : AbstractValidator<UserInput>
{
    public UserInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.DisplayName)
            .NotEmpty().WithMessage(l["Укажите имя пользователя."])
            .MaximumLength(200).WithMessage(l["Сократите имя до {0} символов.", 200]);
        RuleFor(x => x.Roles)
            .NotEmpty().WithMessage(l["Выберите хотя бы одну роль."]);
        RuleForEach(x => x.Roles)
            .Must(role => MissionPortal.Core.Security.Roles.All.Contains(role)).WithMessage(l["Выберите роль из списка."]);
        RuleFor(x => x.OrganizationId)
            .NotNull().When(x => x.Roles.Contains(MissionPortal.Core.Security.Roles.Company))
            .WithMessage(l["Пользователю компании нужна организация."]);
    }
}

public sealed class NewUserInputValidator : AbstractValidator<NewUserInput>
{
    public NewUserInputValidator(IStringLocalizer<SharedResource> l)
    {
        Include(new UserInputValidator(l));
        RuleFor(x => x.Email)
            .NotEmpty().WithMessage(l["Введите адрес электронной почты."])
            .EmailAddress().WithMessage(l["Введите адрес в формате name@example.ru."])
            .MaximumLength(256);
        RuleFor(x => x.Password)
            .NotEmpty().WithMessage(l["Введите пароль."])
            .MinimumLength(12).WithMessage(l["Придумайте пароль не короче {0} символов.", 12]);
    }
}
