using System.Net.Mail;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Organisations;

/// <summary>Creates or edits a registry entry: any kind of organisation, ИНН and ОГРН optional but checked when given.</summary>
public static class SaveOrganisation
{
    public sealed class Input
    {
        public OrganizationKind? Kind { get; set; }

        public string? Name { get; set; }

        public string? ShortName { get; set; }

        public int? RegionId { get; set; }

        public string? Inn { get; set; }

        public string? Ogrn { get; set; }

        public string? City { get; set; }

        public string? Website { get; set; }

        public string? ContactPerson { get; set; }

        public string? ContactEmail { get; set; }

        public string? ContactPhone { get; set; }

        public Guid? Version { get; set; }

        /// <summary>The record being edited; null for a new one (not bound from the form).</summary>
        internal int? Id { get; set; }

        public static Input From(Organization o) => new()
        {
            Kind = o.Kind, Name = o.Name, ShortName = o.ShortName, RegionId = o.RegionId, Inn = o.Inn, Ogrn = o.Ogrn, City = o.City,
            Website = o.Website, ContactPerson = o.ContactPerson, ContactEmail = o.ContactEmail,
            ContactPhone = LegalIdentifiers.FormatPhone(o.ContactPhone), Version = o.Version, Id = o.Id,
        };
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(PortalDbContext db, IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Kind).NotNull().WithMessage(l["Выберите вид организации."]).IsInEnum().WithMessage(l["Выберите вид организации."]);
            RuleFor(x => x.Name)
                .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(l["Укажите название организации."])
                .MaximumLength(400).WithMessage(l["Сократите название до {0} символов.", 400]);
            RuleFor(x => x.ShortName).MaximumLength(200).WithMessage(l["Сократите краткое название до {0} символов.", 200]);
            RuleFor(x => x.RegionId)
                .NotNull().WithMessage(l["Выберите регион."])
                .MustAsync(async (id, ct) => id is null || await db.Regions.AnyAsync(r => r.Id == id, ct)).WithMessage(l["Выберите регион из списка."]);
            RuleFor(x => FormText.Blank(x.Inn)).ValidInn(l).When(x => !string.IsNullOrWhiteSpace(x.Inn)).OverridePropertyName(nameof(Input.Inn));
            RuleFor(x => FormText.Blank(x.Inn))
                .MustAsync(async (input, inn, ct) => inn is null || !await db.Organizations.AnyAsync(o => o.Inn == inn && o.Id != input.Id, ct))
                .WithMessage((input, inn) => l["ИНН {0} уже есть в реестре: найдите организацию по нему или объедините записи.", inn ?? string.Empty])
                .OverridePropertyName(nameof(Input.Inn));
            RuleFor(x => FormText.Blank(x.Ogrn)).ValidOgrnFor(x => FormText.Blank(x.Inn), l).When(x => !string.IsNullOrWhiteSpace(x.Ogrn)).OverridePropertyName(nameof(Input.Ogrn));
            RuleFor(x => x.City).MaximumLength(100).WithMessage(l["Сократите название города до {0} символов.", 100]);
            RuleFor(x => x.Website).OptionalWebsite(l);
            RuleFor(x => x.ContactPerson).MaximumLength(200).WithMessage(l["Сократите имя контактного лица до {0} символов.", 200]);
            RuleFor(x => x.ContactEmail)
                .Must(e => string.IsNullOrWhiteSpace(e) || (e.Trim().Length <= 256 && MailAddress.TryCreate(e.Trim(), out _)))
                .WithMessage(l["Укажите e-mail в виде name@example.ru."]);
            RuleFor(x => x.ContactPhone).OptionalRussianPhone(l);
        }
    }

    public enum Outcome
    {
        Saved,
        NotFound,
        Stale,
    }

    public sealed class Handler(PortalDbContext db)
    {
        /// <summary>Saves a valid input; the id of the record, or why it wasn't saved.</summary>
        public async Task<(Outcome Outcome, int Id)> HandleAsync(Input input, CancellationToken ct)
        {
            Organization organization;
            if (input.Id is { } id)
            {
                if (await db.Organizations.SingleOrDefaultAsync(o => o.Id == id && o.Status != OrganizationStatus.Merged, ct) is not { } found)
                {
                    return (Outcome.NotFound, id);
                }

                organization = found;
                db.ExpectVersion(organization, input.Version);
            }
            else
            {
                organization = new Organization(input.Name!.Trim(), input.Kind!.Value, input.RegionId!.Value);
                db.Organizations.Add(organization);
            }

            organization.UpdateRegistryEntry(
                input.Kind!.Value, input.Name!.Trim(), FormText.Blank(input.ShortName), input.RegionId!.Value,
                FormText.Blank(input.Inn), FormText.Blank(input.Ogrn), FormText.Blank(input.City), FormText.Blank(input.Website),
                FormText.Blank(input.ContactPerson), FormText.Blank(input.ContactEmail)?.ToLowerInvariant(),
                LegalIdentifiers.NormalizePhone(input.ContactPhone));
            return await db.TrySaveAsync(ct) ? (Outcome.Saved, organization.Id) : (Outcome.Stale, input.Id ?? 0);
        }
    }
}
