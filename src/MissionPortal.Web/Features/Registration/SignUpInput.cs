using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;

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
            .Must(LegalIdentifiers.IsValidInn).WithMessage(l["ИНН указан неверно: 10 цифр для организации или 12 для ИП, с верными контрольными цифрами."]);
        RuleFor(x => x.Ogrn)
            .NotEmpty().WithMessage(l["Укажите ОГРН или ОГРНИП."])
            .Must((input, ogrn) => input.Inn?.Length == 12 ? LegalIdentifiers.IsValidOgrnip(ogrn) : LegalIdentifiers.IsValidOgrn(ogrn))
            .WithMessage((input, _) => input.Inn?.Length == 12
                ? l["ОГРНИП указан неверно: 15 цифр с верной контрольной цифрой."]
                : l["ОГРН указан неверно: 13 цифр с верной контрольной цифрой."]);
        RuleFor(x => x.RegionId)
            .NotNull().WithMessage(l["Выберите регион."])
            .MustAsync(async (id, ct) => id is null || await db.Regions.AnyAsync(r => r.Id == id, ct)).WithMessage(l["Такого региона нет."]);
        RuleFor(x => x.Industry).MaximumLength(200).WithMessage(l["Отрасль не длиннее {0} символов.", 200]);
        RuleFor(x => x.Website)
            .MaximumLength(300).WithMessage(l["Адрес сайта не длиннее {0} символов.", 300])
            .Must(site => string.IsNullOrWhiteSpace(site) || (Uri.TryCreate(site.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            .WithMessage(l["Адрес сайта должен начинаться с http:// или https://."]);
        RuleFor(x => x.ContactPerson)
            .NotEmpty().WithMessage(l["Укажите контактное лицо."])
            .MaximumLength(200).WithMessage(l["Имя не длиннее {0} символов.", 200]);
        RuleFor(x => x.ContactPhone)
            .Must(phone => string.IsNullOrWhiteSpace(phone) || LegalIdentifiers.NormalizePhone(phone) is not null)
            .WithMessage(l["Телефон укажите в российском формате, например +7 391 222-33-44."]);
    }
}
