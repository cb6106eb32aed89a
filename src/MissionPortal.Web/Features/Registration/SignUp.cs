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
using MissionPortal.Web.Infrastructure.Mail;

namespace MissionPortal.Web.Features.Registration;

/// <summary>
/// Company sign-up. A new company waits for the agency's approval; a company that exists already (same ИНН) is not
/// registered twice: the new user asks to join it instead. Nothing on the page tells whether the address or the ИНН
/// was known (OWASP ASVS 2.2.1/3.2): the mailbox learns it.
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
                .EmailAddress().WithMessage(l["Введите адрес в формате name@example.ru."])
                .MaximumLength(256);
            RuleFor(x => x.Password)
                .NotEmpty().WithMessage(l["Введите пароль."])
                .MinimumLength(12).WithMessage(l["Придумайте пароль не короче {0} символов.", 12])
                .MaximumLength(256);
            RuleFor(x => x.CompanyName)
                .NotEmpty().WithMessage(l["Укажите название компании."])
                .MaximumLength(400).WithMessage(l["Сократите название до {0} символов.", 400]);
            RuleFor(x => x.Inn)
                .NotEmpty().WithMessage(l["Укажите ИНН."])
                .ValidInn(l);
            RuleFor(x => x.Ogrn)
                .NotEmpty().WithMessage(l["Укажите ОГРН или ОГРНИП."])
                .ValidOgrnFor(x => x.Inn, l);
            RuleFor(x => x.RegionId)
                .NotNull().WithMessage(l["Выберите регион."])
                .MustAsync(async (id, ct) => id is null || await db.Regions.AnyAsync(r => r.Id == id, ct)).WithMessage(l["Выберите регион из списка."]);
            RuleFor(x => x.Industry).MaximumLength(200).WithMessage(l["Сократите название отрасли до {0} символов.", 200]);
            RuleFor(x => x.Website).OptionalWebsite(l);
            RuleFor(x => x.ContactPerson)
                .NotEmpty().WithMessage(l["Укажите контактное лицо."])
                .MaximumLength(200).WithMessage(l["Сократите имя до {0} символов.", 200]);
            RuleFor(x => x.ContactPhone).OptionalRussianPhone(l);
            RuleFor(x => x.PersonalDataConsent)
                .Equal(true).WithMessage(l["Без согласия на обработку персональных данных зарегистрироваться нельзя."]);
        }
    }

    /// <summary>The refusals of Identity about the password (field, message); none when the letter is on its way.</summary>
    public sealed record Result(IReadOnlyList<(string Field, string Message)> Refusals);

    /// <summary>
    /// Registers a valid input without telling on the page whether its address or ИНН is known: the answer is always
    /// «check your e-mail», and the truth goes to the mailbox. A new address gets an unconfirmed account and the link
    /// that confirms it; an address with an account gets a letter that someone tried to sign up with it (nothing is
    /// created). A new ИНН makes a company waiting for the agency; a known one makes a request to join that company,
    /// which its representative and the agency see once the address is confirmed.
    /// </summary>
    public sealed class Handler(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock, ExpiredSignUps expired, AccountMail mail, PortalLinks links, ILogger<Handler> logger)
    {
        public async Task<Result> HandleAsync(Input input, CancellationToken ct)
        {
            var email = input.Email!.Trim();
            var inn = input.Inn!.Trim();
            // A sign-up of this address, or the one that took this ИНН, left unconfirmed too long goes first: the form
            // then starts afresh instead of reviving it or asking to join a company no one confirmed.
            var normalizedEmail = users.NormalizeEmail(email);
            await expired.RunAsync(u => u.NormalizedEmail == normalizedEmail || (u.Organization != null && u.Organization.Inn == inn), ct);
            if (await users.FindByEmailAsync(email) is { } known)
            {
                // As slow as creating an account, so the answer's timing doesn't tell either.
                users.PasswordHasher.HashPassword(known, input.Password!);
                await MailKnownAsync(known, ct);
                return new Result([]);
            }

            var existing = await db.Organizations.Where(o => o.Inn == inn && o.Status != OrganizationStatus.Merged).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
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
            if (existing is null)
            {
                var company = new Organization(input.CompanyName!.Trim(), OrganizationKind.Company, input.RegionId!.Value)
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
                db.ChangeTracker.Clear();
                if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                    && await users.FindByEmailAsync(email) is { } meanwhile)
                {
                    // Signed up twice at once: the same answer as for any known address.
                    await MailKnownAsync(meanwhile, ct);
                    return new Result([]);
                }

                return new Result(created.Errors
                    .Select(e => (e.Code.Contains("Password", StringComparison.Ordinal) ? nameof(Input.Password) : nameof(Input.Email), e.Description))
                    .ToList());
            }

            if (existing is { } companyId)
            {
                db.CompanyJoinRequests.Add(new CompanyJoinRequest(user.Id, companyId, clock.GetUtcNow().UtcDateTime));
            }

            await QueueConfirmationAsync(user);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("User {UserId} signed up, waiting for the address to be confirmed", user.Id);
            return new Result([]);
        }

        /// <summary>Another link for an account whose address isn't confirmed yet; nothing for any other address.</summary>
        public async Task ResendAsync(string email, CancellationToken ct)
        {
            if (await users.FindByEmailAsync(email.Trim()) is { EmailConfirmed: false } user)
            {
                await QueueConfirmationAsync(user);
                await db.SaveChangesAsync(ct);
            }
        }

        /// <summary>A known address: its owner may be signing up again before confirming (another link), or the account exists (a warning).</summary>
        private async Task MailKnownAsync(PortalUser known, CancellationToken ct)
        {
            if (known.EmailConfirmed)
            {
                db.OutboxMessages.Add(mail.SignUpAgain(known));
                logger.LogInformation("Sign-up with the address of user {UserId}: told by mail, nothing created", known.Id);
            }
            else
            {
                await QueueConfirmationAsync(known);
            }

            await db.SaveChangesAsync(ct);
        }

        private async Task QueueConfirmationAsync(PortalUser user)
        {
            var token = await users.GenerateEmailConfirmationTokenAsync(user);
            var link = links.Absolute($"/registration/confirm?user={Uri.EscapeDataString(user.Id)}&token={AccountTokens.Encode(token)}");
            db.OutboxMessages.Add(mail.ConfirmSignUp(user, link));
        }
    }
}
