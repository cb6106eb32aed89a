using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Infrastructure.Security;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Registration;

public sealed class SignUpViewModel
{
    public required SignUpInput Input { get; init; }

    public IReadOnlyList<OptionViewModel> Regions { get; init; } = [];
}

/// <summary>
/// Company sign-up. A new company waits for the agency's approval; a company that exists already
/// (same ИНН) is not registered twice: the new user asks to join it instead.
/// </summary>
[AllowAnonymous]
[Route("registration")]
public class RegistrationController(
    PortalDbContext db,
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    IValidator<SignUpInput> validator,
    IStringLocalizer<SharedResource> l,
    TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(new SignUpInput(), ct));

    [HttpPost("")]
    [EnableRateLimiting(RateLimitPolicies.SignUp)]
    [OneSubmission("Index", "Home")]
    public async Task<IActionResult> Index(SignUpInput input, CancellationToken ct)
    {
        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return View(await PageAsync(input, ct));
        }

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
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? nameof(input.Password) : nameof(input.Email), error.Description);
            }

            return View(await PageAsync(input, ct));
        }

        if (existing is not null)
        {
            db.CompanyJoinRequests.Add(new CompanyJoinRequest(user.Id, existing.Id, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        await signIn.SignInAsync(user, isPersistent: false);
        this.FlashDone(existing is null
            ? l["Компания «{0}» зарегистрирована и ждёт проверки агентством.", company!.Name].Value
            : l["Компания с ИНН {0} уже есть на портале («{1}»): ваш запрос на присоединение отправлен её представителю и агентству.", inn, existing.Name].Value);
        return RedirectToAction("Index", "Home");
    }


    private async Task<SignUpViewModel> PageAsync(SignUpInput input, CancellationToken ct) => new()
    {
        Input = input,
        Regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new OptionViewModel(r.Id, r.Name)).ToListAsync(ct),
    };
}
