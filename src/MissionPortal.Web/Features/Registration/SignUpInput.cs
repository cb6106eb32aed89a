using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Registration;

/// <summary>A company representative signs up: the account, the company's legal data and a contact.</summary>
public sealed class SignUpInput
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? CompanyName { get; set; }

    public string? Inn { get; set; }

    public string? Ogrn { get; set; }

    public int? RegionId { get; set; }

    public string? Industry { get; set; }

    public string? Website { get; set; }

    public string? ContactPerson { get; set; }

    public string? ContactPhone { get; set; }

    /// <summary>The required consent to the processing of personal data (152-ФЗ).</summary>
    public bool PersonalDataConsent { get; set; }
}

public sealed class SignUpInputValidator : AbstractValidator<SignUpInput>
{
    public SignUpInputValidator(PortalDbContext db, IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Email)
            .NotEmpty().WithMessage(l["Введите адрес электронной почты."])
            .EmailAddress().WithMessage(l["Адрес электронной почты указан неверно."])
            .MaximumLength(256);
        RuleFor(x => x.Password)
            .NotEmpty().WithMessage(l["Введите пароль."])
            .MinimumLength(12).WithMessage(l["Пароль должен содержать не меньше {0} символов.", 12])
            .MaximumLength(256);
        RuleFor(x => x.CompanyName)
            .NotEmpty().WithMessage(l["Укажите название компании."])
            .MaximumLength(400).WithMessage(l["Название не длиннее {0} символов.", 400]);
        RuleFor(x => x.Inn)
            .NotEmpty().WithMessage(l["Укажите ИНН."])
            .ValidInn(l);
        RuleFor(x => x.Ogrn)
            .NotEmpty().WithMessage(l["Укажите ОГРН или ОГРНИП."])
            .ValidOgrnFor(x => x.Inn, l);
        RuleFor(x => x.RegionId)
            .NotNull().WithMessage(l["Выберите регион."])
            .MustAsync(async (id, ct) => id is null || await db.Regions.AnyAsync(r => r.Id == id, ct)).WithMessage(l["Такого региона нет."]);
        RuleFor(x => x.Industry).MaximumLength(200).WithMessage(l["Отрасль не длиннее {0} символов.", 200]);
        RuleFor(x => x.Website).OptionalWebsite(l);
        RuleFor(x => x.ContactPerson)
            .NotEmpty().WithMessage(l["Укажите контактное лицо."])
            .MaximumLength(200).WithMessage(l["Имя не длиннее {0} символов.", 200]);
        RuleFor(x => x.ContactPhone).OptionalRussianPhone(l);
        RuleFor(x => x.PersonalDataConsent)
            .Equal(true).WithMessage(l["Без согласия на обработку персональных данных зарегистрироваться нельзя."]);
    }
}
