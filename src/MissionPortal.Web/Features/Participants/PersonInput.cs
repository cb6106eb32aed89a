using FluentValidation;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Participants;

/// <summary>A person as a company applies with them or the agency adds them: «Фамилия Имя Отчество», position, contacts.</summary>
public sealed class PersonInput
{
    public string? Surname { get; set; }

    public string? GivenName { get; set; }

    public string? Patronymic { get; set; }

    public string? Position { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>The programme items the person will attend (company applications).</summary>
    public List<int> ItemIds { get; set; } = [];

    /// <summary>Agency only: which delegation and organisation.</summary>
    public int? DelegationId { get; set; }

    public int? OrganizationId { get; set; }

    /// <summary>Agency only: why the portal may hold the person's data (152-ФЗ).</summary>
    public PersonalDataBasis? DataBasis { get; set; }

    /// <summary>The form prefilled from a person's record in an earlier mission: the same person, not retyped.</summary>
    public static PersonInput From(PersonRecordViewModel earlier) => new()
    {
        Surname = earlier.Surname,
        GivenName = earlier.GivenName,
        Patronymic = earlier.Patronymic,
        Position = earlier.Position,
        Email = earlier.Email,
        Phone = LegalIdentifiers.FormatPhone(earlier.Phone),
        OrganizationId = earlier.OrganizationId,
    };

    /// <summary>The phone as stored: digits in one form, or null when none was given.</summary>
    public static string? NormalizedPhone(string? phone) => string.IsNullOrWhiteSpace(phone) ? null : LegalIdentifiers.NormalizePhone(phone);
}

public sealed class PersonInputValidator : AbstractValidator<PersonInput>
{
    public PersonInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Surname).NotEmpty().WithMessage(l["Укажите фамилию."]).MaximumLength(100).WithMessage(l["Сократите фамилию до {0} символов.", 100]);
        RuleFor(x => x.GivenName).NotEmpty().WithMessage(l["Укажите имя."]).MaximumLength(100).WithMessage(l["Сократите имя до {0} символов.", 100]);
        RuleFor(x => x.Patronymic).MaximumLength(100).WithMessage(l["Сократите отчество до {0} символов.", 100]);
        RuleFor(x => x.Position).NotEmpty().WithMessage(l["Укажите должность."]).MaximumLength(400).WithMessage(l["Сократите должность до {0} символов.", 400]);
        RuleFor(x => x.Email).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email)).WithMessage(l["Введите адрес в формате name@example.ru."])
            .MaximumLength(256);
        RuleFor(x => x.Phone).OptionalRussianPhone(l);
    }
}
