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
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Identity;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Infrastructure.Security;

namespace MissionPortal.Web.Features.Profile;

public sealed class ProfileViewModel
{
    public int Id { get; init; }

    public OrganizationStatus Status { get; init; }

    public string? RejectionReason { get; init; }

    public Guid? LogoId { get; init; }

    public required SaveProfile.Input Input { get; init; }

    public IReadOnlyList<OptionViewModel> Regions { get; init; } = [];

    public IReadOnlyList<JoinRequestViewModel> JoinRequests { get; init; } = [];

    public bool CanDecideJoinRequests { get; init; }
}

[Authorize(Policy = Policies.EditCompanyData)]
[Route("company")]
public class ProfileController(
    PortalDbContext db,
    UserManager<PortalUser> users,
    IAuthorizationService authorization,
    IValidator<SaveProfile.Input> validator,
    SaveProfile.Handler save,
    DecideJoinRequest.Handler decideJoin,
    IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>A company user's own company.</summary>
    [HttpGet("")]
    public Task<IActionResult> Index(CancellationToken ct) => User.OrganizationId() is { } id ? Edit(id, ct) : Task.FromResult<IActionResult>(NotFound());

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var company = await FindAsync(id, ct);
        return company is null ? NotFound() : View("Edit", await PageAsync(company, SaveProfile.Input.From(company), ct));
    }

    [HttpPost("{id:int}")]
    [RequestSizeLimit(10 * 1024 * 1024)]
    [EnableRateLimiting(RateLimitPolicies.Uploads)]
    [RequestFormLimits(MultipartBodyLengthLimit = 10 * 1024 * 1024)]
    public async Task<IActionResult> Edit(int id, SaveProfile.Input input, CancellationToken ct)
    {
        var company = await FindAsync(id, ct);
        if (company is null)
        {
            return NotFound();
        }

        input.Id = id;
        if (!(await authorization.AuthorizeAsync(User, Policies.ManageOrganizations)).Succeeded)
        {
            // The legal identity is checked by the agency at approval; a company does not change it itself.
            input.Inn = company.Inn;
            input.Ogrn = company.Ogrn;
        }

        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return View("Edit", await PageAsync(company, input, ct));
        }

        var saved = await save.HandleAsync(input, ct);
        switch (saved.Outcome)
        {
            case SaveProfile.Outcome.NotFound:
                return NotFound();
            case SaveProfile.Outcome.Refused:
                ModelState.AddModelError(saved.Field!, saved.Message!);
                return View("Edit", await PageAsync(company, input, ct));
            case SaveProfile.Outcome.Stale:
                var current = (await FindAsync(id, ct))!;
                ModelState.AddModelError(string.Empty, l["Пока вы редактировали, профиль сохранил другой пользователь. Проверьте поля и сохраните ещё раз, чтобы записать вашу версию."]);
                input.Version = current.Version;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Edit", await PageAsync(current, input, ct));
            default:
                this.FlashDone(l["Профиль компании сохранён."].Value);
                return RedirectToAction(nameof(Edit), new { id });
        }
    }

    [HttpPost("join-requests/{requestId:int}/approve")]
    public Task<IActionResult> ApproveJoin(int requestId, CancellationToken ct) => DecideAsync(requestId, approve: true, ct);

    [HttpPost("join-requests/{requestId:int}/reject")]
    public Task<IActionResult> RejectJoin(int requestId, CancellationToken ct) => DecideAsync(requestId, approve: false, ct);

    /// <summary>The company's main user answers the requests to join it.</summary>
    private async Task<IActionResult> DecideAsync(int requestId, bool approve, CancellationToken ct)
    {
        var me = await users.GetUserAsync(User);
        if (me is not { IsCompanyMain: true, OrganizationId: { } companyId })
        {
            return NotFound();
        }

        var decided = await decideJoin.HandleAsync(
            new DecideJoinRequest.Input { RequestId = requestId, Approve = approve, CompanyId = companyId, DecidedBy = User.DisplayName() }, ct);
        if (!decided.Found)
        {
            return NotFound();
        }

        this.FlashDone(decided.Message);
        return RedirectToAction(nameof(Edit), new { id = companyId });
    }

    private async Task<Organization?> FindAsync(int id, CancellationToken ct) =>
        User.CanEdit(id) ? await db.Organizations.SingleOrDefaultAsync(o => o.Id == id, ct) : null;

    private async Task<ProfileViewModel> PageAsync(Organization company, SaveProfile.Input input, CancellationToken ct)
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
            JoinRequests = canDecide ? await JoinRequestQueries.Pending(db, company.Id).ToListAsync(ct) : [],
        };
    }
}
