using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Infrastructure.Files;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Profile;

/// <summary>The company profile: legal data, description, contacts, logo. Only the agency may change the ИНН.</summary>
public static class SaveProfile
{
    public sealed class Input
    {
        public string? Name { get; set; }

        public string? ShortName { get; set; }

        public string? Inn { get; set; }

        public string? Ogrn { get; set; }

        public int? RegionId { get; set; }

        public string? City { get; set; }

        public string? Industry { get; set; }

        public string? Website { get; set; }

        public string? Description { get; set; }

        public string? ContactPerson { get; set; }

        public string? ContactEmail { get; set; }

        public string? ContactPhone { get; set; }

        public IFormFile? Logo { get; set; }

        public Guid? Version { get; set; }

        /// <summary>The company being edited (not bound from the form).</summary>
        internal int Id { get; set; }

        public static Input From(Organization company) => new()
        {
            Name = company.Name,
            ShortName = company.ShortName,
            Inn = company.Inn,
            Ogrn = company.Ogrn,
            RegionId = company.RegionId,
            City = company.City,
            Industry = company.Industry,
            Website = company.Website,
            Description = company.Description,
            ContactPerson = company.ContactPerson,
            ContactEmail = company.ContactEmail,
            ContactPhone = company.ContactPhone,
            Version = company.Version,
            Id = company.Id,
        };
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage(l["Укажите название компании."]).MaximumLength(400).WithMessage(l["Сократите название до {0} символов.", 400]);
            RuleFor(x => x.ShortName).MaximumLength(200).WithMessage(l["Сократите название до {0} символов.", 200]);
            RuleFor(x => x.Inn).ValidInn(l);
            RuleFor(x => x.Ogrn).ValidOgrnFor(x => x.Inn, l);
            RuleFor(x => x.RegionId).NotNull().WithMessage(l["Выберите регион."]);
            RuleFor(x => x.City).MaximumLength(100).WithMessage(l["Сократите название города до {0} символов.", 100]);
            RuleFor(x => x.Industry).MaximumLength(200).WithMessage(l["Сократите название отрасли до {0} символов.", 200]);
            RuleFor(x => x.Website).OptionalWebsite(l);
            RuleFor(x => x.Description).MaximumLength(4000).WithMessage(l["Сократите описание до {0} символов.", 4000]);
            RuleFor(x => x.ContactPerson).MaximumLength(200).WithMessage(l["Сократите имя до {0} символов.", 200]);
            RuleFor(x => x.ContactEmail).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.ContactEmail)).WithMessage(l["Введите адрес в формате name@example.ru."]);
            RuleFor(x => x.ContactPhone).OptionalRussianPhone(l);
        }
    }

    public enum Outcome
    {
        Saved,
        NotFound,

        /// <summary>A field the validator can't judge alone is refused: <see cref="Result.Field"/> says which.</summary>
        Refused,

        /// <summary>Someone else saved the profile first; the context is clean.</summary>
        Stale,
    }

    public sealed record Result(Outcome Outcome, string? Field = null, string? Message = null);

    public sealed class Handler(PortalDbContext db, FileStore files, IStringLocalizer<SharedResource> l)
    {
        /// <summary>Saves a valid input (its ИНН and ОГРН already the company's own unless the agency edits).</summary>
        public async Task<Result> HandleAsync(Input input, CancellationToken ct)
        {
            var inn = input.Inn?.Trim();
            if (await db.Organizations.AnyAsync(o => o.Inn == inn && o.Id != input.Id, ct))
            {
                return new Result(Outcome.Refused, nameof(Input.Inn), l["Компания с таким ИНН уже есть на портале."]);
            }

            // Found in the context when the page has just read it.
            if (await db.Organizations.FindAsync([input.Id], ct) is not { } company)
            {
                return new Result(Outcome.NotFound);
            }

            db.ExpectVersion(company, input.Version);
            company.UpdateProfile(input.Name!.Trim(), FormText.Blank(input.ShortName), inn, input.Ogrn?.Trim(), input.RegionId!.Value, FormText.Blank(input.Industry), FormText.Blank(input.Website), FormText.Blank(input.Description), FormText.Blank(input.City));
            company.WithContacts(FormText.Blank(input.ContactPerson), FormText.Blank(input.ContactEmail), LegalIdentifiers.NormalizePhone(input.ContactPhone));
            if (input.Logo is not null)
            {
                var (logo, error) = await files.SaveAsync(input.Logo, StoredFileKind.Logo, company.Id, null, ct);
                if (error is not null)
                {
                    return new Result(Outcome.Refused, nameof(Input.Logo), error);
                }

                db.StoredFiles.Add(logo!);
                company.ChangeLogo(logo!.Id);
            }

            return new Result(await db.TrySaveAsync(ct) ? Outcome.Saved : Outcome.Stale);
        }
    }
}
