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
using MissionPortal.Web.Features.Companies;
using MissionPortal.Web.Infrastructure.Files;
using MissionPortal.Web.Infrastructure.Identity;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Infrastructure.Security;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Profile;

/// <summary>The company profile: legal data, description, contacts, logo. Only the agency may change the ИНН.</summary>
public sealed class ProfileInput
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
}

public sealed class ProfileInputValidator : AbstractValidator<ProfileInput>
{
    public ProfileInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Укажите название компании."]).MaximumLength(400).WithMessage(l["Название не длиннее {0} символов.", 400]);
        RuleFor(x => x.ShortName).MaximumLength(200).WithMessage(l["Название не длиннее {0} символов.", 200]);
        RuleFor(x => x.Inn).ValidInn(l);
        RuleFor(x => x.Ogrn).ValidOgrnFor(x => x.Inn, l);
        RuleFor(x => x.RegionId).NotNull().WithMessage(l["Выберите регион."]);
        RuleFor(x => x.City).MaximumLength(100).WithMessage(l["Город не длиннее {0} символов.", 100]);
        RuleFor(x => x.Industry).MaximumLength(200).WithMessage(l["Отрасль не длиннее {0} символов.", 200]);
        RuleFor(x => x.Website).OptionalWebsite(l);
        RuleFor(x => x.Description).MaximumLength(4000).WithMessage(l["Описание не длиннее {0} символов.", 4000]);
        RuleFor(x => x.ContactPerson).MaximumLength(200).WithMessage(l["Имя не длиннее {0} символов.", 200]);
        RuleFor(x => x.ContactEmail).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.ContactEmail)).WithMessage(l["Адрес электронной почты указан неверно."]);
        RuleFor(x => x.ContactPhone).OptionalRussianPhone(l);
    }
}

public sealed class ProfileViewModel
{
    public int Id { get; init; }

    public OrganizationStatus Status { get; init; }

    public string? RejectionReason { get; init; }

    public Guid? LogoId { get; init; }

    public required ProfileInput Input { get; init; }

    public IReadOnlyList<OptionViewModel> Regions { get; init; } = [];

    public IReadOnlyList<JoinRequestViewModel> JoinRequests { get; init; } = [];

    public bool CanDecideJoinRequests { get; init; }
}

[Authorize(Policy = Policies.EditCompanyData)]
[Route("company")]
public class ProfileController(
    PortalDbContext db,
    UserManager<PortalUser> users,
    FileStore files,
    IValidator<ProfileInput> validator,
    IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>A company user's own company.</summary>
    [HttpGet("")]
    public Task<IActionResult> Index(CancellationToken ct) => User.OrganizationId() is { } id ? Edit(id, ct) : Task.FromResult<IActionResult>(NotFound());

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var company = await FindAsync(id, ct);
        if (company is null)
        {
            return NotFound();
        }

        var input = new ProfileInput
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
        };
        return View("Edit", await PageAsync(company, input, ct));
    }

    [HttpPost("{id:int}")]
    [RequestSizeLimit(10 * 1024 * 1024)]
    [EnableRateLimiting(RateLimitPolicies.Uploads)]
    [RequestFormLimits(MultipartBodyLengthLimit = 10 * 1024 * 1024)]
    public async Task<IActionResult> Edit(int id, ProfileInput input, CancellationToken ct)
    {
        var company = await FindAsync(id, ct);
        if (company is null)
        {
            return NotFound();
        }

        if (!User.IsInRole(Roles.Agency))
        {
            // The legal identity is checked by the agency at approval; a company does not change it itself.
            input.Inn = company.Inn;
            input.Ogrn = company.Ogrn;
        }

        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        var inn = input.Inn?.Trim();
        if (ModelState.IsValid && await db.Organizations.AnyAsync(o => o.Inn == inn && o.Id != id, ct))
        {
            ModelState.AddModelError(nameof(input.Inn), l["Компания с таким ИНН уже есть на портале."]);
        }

        if (!ModelState.IsValid)
        {
            return View("Edit", await PageAsync(company, input, ct));
        }

        db.ExpectFormVersion(company, input.Version);

        company.UpdateProfile(input.Name!.Trim(), FormText.Blank(input.ShortName), inn, input.Ogrn?.Trim(), input.RegionId!.Value, FormText.Blank(input.Industry), FormText.Blank(input.Website), FormText.Blank(input.Description), FormText.Blank(input.City));
        company.WithContacts(FormText.Blank(input.ContactPerson), FormText.Blank(input.ContactEmail), LegalIdentifiers.NormalizePhone(input.ContactPhone));
        if (input.Logo is not null)
        {
            var (logo, error) = await files.SaveAsync(input.Logo, StoredFileKind.Logo, company.Id, null, ct);
            if (error is not null)
            {
                ModelState.AddModelError(nameof(input.Logo), error);
                return View("Edit", await PageAsync(company, input, ct));
            }

            db.StoredFiles.Add(logo!);
            company.ChangeLogo(logo!.Id);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = (await FindAsync(id, ct))!;
            ModelState.AddModelError(string.Empty, l["Пока вы редактировали, профиль сохранил другой пользователь. Проверьте поля и сохраните ещё раз, чтобы записать вашу версию."]);
            input.Version = current.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Edit", await PageAsync(current, input, ct));
        }

        this.FlashDone(l["Профиль компании сохранён."].Value);
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("join-requests/{requestId:int}/approve")]
    public Task<IActionResult> ApproveJoin(int requestId, CancellationToken ct) => DecideAsync(requestId, approve: true, ct);

    [HttpPost("join-requests/{requestId:int}/reject")]
    public Task<IActionResult> RejectJoin(int requestId, CancellationToken ct) => DecideAsync(requestId, approve: false, ct);

    private async Task<IActionResult> DecideAsync(int requestId, bool approve, CancellationToken ct)
    {
        var me = await users.GetUserAsync(User);
        if (me is not { IsCompanyMain: true, OrganizationId: { } companyId })
        {
            return NotFound();
        }

        return await CompaniesController.DecideJoinAsync(db, users, l, this, requestId, approve, companyId, ct);
    }

    private async Task<Organization?> FindAsync(int id, CancellationToken ct) =>
        User.CanEdit(id) ? await db.Organizations.SingleOrDefaultAsync(o => o.Id == id, ct) : null;

    private async Task<ProfileViewModel> PageAsync(Organization company, ProfileInput input, CancellationToken ct)
    {
        var me = await users.GetUserAsync(User);
        var canDecide = me?.IsCompanyMain == true && me.OrganizationId == company.Id;
        return new ProfileViewModel
        {
            Id = company.Id,
            Status = company.Status,
            RejectionReason = company.RejectionReason,
            LogoId = company.LogoFileId,
            Input = input,
            Regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new OptionViewModel(r.Id, r.Name)).ToListAsync(ct),
            CanDecideJoinRequests = canDecide,
            JoinRequests = canDecide ? await CompaniesController.JoinRequests(db, company.Id).ToListAsync(ct) : [],
        };
    }

}
