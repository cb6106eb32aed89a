using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Participants;

/// <summary>
/// The agency corrects a person of a mission: «Фамилия Имя Отчество», position, organisation and contacts. The change
/// is audited field by field, so the person's page shows who changed what and when.
/// </summary>
public static class EditPerson
{
    public sealed class Input
    {
        public string? Surname { get; set; }

        public string? GivenName { get; set; }

        public string? Patronymic { get; set; }

        public string? Position { get; set; }

        public int? OrganizationId { get; set; }

        public string? Email { get; set; }

        public string? Phone { get; set; }

        public Guid? Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Surname).NotEmpty().WithMessage(l["Укажите фамилию."]).MaximumLength(100).WithMessage(l["Сократите фамилию до {0} символов.", 100]);
            RuleFor(x => x.GivenName).NotEmpty().WithMessage(l["Укажите имя."]).MaximumLength(100).WithMessage(l["Сократите имя до {0} символов.", 100]);
            RuleFor(x => x.Patronymic).MaximumLength(100).WithMessage(l["Сократите отчество до {0} символов.", 100]);
            RuleFor(x => x.Position).NotEmpty().WithMessage(l["Укажите должность."]).MaximumLength(400).WithMessage(l["Сократите должность до {0} символов.", 400]);
            RuleFor(x => x.Email).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email)).WithMessage(l["Введите адрес в формате name@example.ru."])
                .MaximumLength(256).WithMessage(l["Введите адрес в формате name@example.ru."]);
            RuleFor(x => x.Phone).OptionalRussianPhone(l);
        }
    }

    /// <summary>Done, refused (the field and why), someone saved first, or no such person.</summary>
    public sealed record Result(DelegationOutcome Outcome, string? Field = null, string? Message = null, string? FullName = null);

    public sealed class Handler(PortalDbContext db, IStringLocalizer<SharedResource> l)
    {
        public async Task<Result> HandleAsync(int participantId, Input input, CancellationToken ct)
        {
            var person = await db.Participants.SingleOrDefaultAsync(p => p.Id == participantId, ct);
            if (person is null)
            {
                return new Result(DelegationOutcome.NotFound);
            }

            if (input.OrganizationId is { } organizationId && organizationId != person.OrganizationId
                && !await db.Organizations.AnyAsync(o => o.Id == organizationId && o.Status != OrganizationStatus.Merged, ct))
            {
                return new Result(DelegationOutcome.Refused, nameof(Input.OrganizationId), l["Выберите организацию из списка."]);
            }

            db.ExpectVersion(person, input.Version);
            person.Update(input.Surname!.Trim(), input.GivenName!.Trim(), FormText.Blank(input.Patronymic), input.Position!.Trim(), input.OrganizationId);
            person.WithContacts(FormText.Blank(input.Email), PersonInput.NormalizedPhone(input.Phone));
            return await db.TrySaveAsync(ct)
                ? new Result(DelegationOutcome.Done, FullName: person.ShortName)
                : new Result(DelegationOutcome.Stale, Message: l["{0}: запись уже изменили, обновите страницу.", person.ShortName]);
        }
    }
}
