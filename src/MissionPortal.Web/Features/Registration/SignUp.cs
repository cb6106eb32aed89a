using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Registration;

/// <summary>
/// Company sign-up. A new company waits for the agency's approval; a company that exists already (same ИНН) is not
/// registered twice: the new user asks to join it instead.
/// </summary>
public static class SignUp
{
    /// <summary>A company representative signs up: the account, the company's legal data and a contact.</summary>
    public sealed class Input
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

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(PortalDbContext db, IStringLocalizer<SharedResource> l)
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

    /// <summary>The outcome of a sign-up: the new user and the line to show, or the refusals of Identity (field, message).</summary>
    public sealed record Result(PortalUser? User, string? Message, IReadOnlyList<(string Field, string Message)> Refusals);

    public sealed class Handler(PortalDbContext db, UserManager<PortalUser> users, IStringLocalizer<SharedResource> l, TimeProvider clock, PortalNotices notices)
    {
        /// <summary>Registers a valid input: a new company waiting for approval, or a request to join the one with that ИНН.</summary>
        public async Task<Result> HandleAsync(Input input, CancellationToken ct)
        {
            var inn = input.Inn!.Trim();
            var existing = await db.Organizations.Where(o => o.Inn == inn).Select(o => new { o.Id, o.Name }).SingleOrDefaultAsync(ct);
            var email = input.Email!.Trim();
            var user = new PortalUser
            {
                UserName = email,
                Email = email,
                DisplayName = input.ContactPerson!.Trim(),
                IsCompanyMain = existing is null,
                Language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            };
            user.ConsentToPersonalData(PersonalDataPolicy.Version, clock.GetUtcNow().UtcDateTime);

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            Organization? company = null;
            if (existing is null)
            {
                company = new Organization(input.CompanyName!.Trim(), OrganizationKind.Company, input.RegionId!.Value)
                    .WithLegalData(inn, input.Ogrn!.Trim())
                    .WithProfile(FormText.Blank(input.Industry), FormText.Blank(input.Website), null, null)
                    .WithContacts(input.ContactPerson.Trim(), email, LegalIdentifiers.NormalizePhone(input.ContactPhone));
                company.MarkPending();
                db.Organizations.Add(company);
                await db.SaveChangesAsync(ct);
                user.OrganizationId = company.Id;
            }

            var created = await users.CreateAsync(user, input.Password!);
            if (created.Succeeded)
            {
                created = await users.AddToRoleAsync(user, Roles.Company);
            }

            if (!created.Succeeded)
            {
                await transaction.RollbackAsync(ct);
                return new Result(null, null, created.Errors
                    .Select(e => (e.Code.Contains("Password", StringComparison.Ordinal) ? nameof(Input.Password) : nameof(Input.Email), e.Description))
                    .ToList());
            }

            if (existing is not null)
            {
                db.CompanyJoinRequests.Add(new CompanyJoinRequest(user.Id, existing.Id, clock.GetUtcNow().UtcDateTime));
            }
            else
            {
                await notices.CompanySignedUpAsync(user, company!.Name, ct);
            }

            await db.SaveChangesAsync(ct);

            await transaction.CommitAsync(ct);
            return new Result(user, existing is null
                ? l["Компания «{0}» зарегистрирована и ждёт проверки агентством.", company!.Name].Value
                : l["Компания с ИНН {0} уже есть на портале («{1}»): ваш запрос на присоединение отправлен её представителю и агентству.", inn, existing.Name].Value, []);
        }
    }
}
