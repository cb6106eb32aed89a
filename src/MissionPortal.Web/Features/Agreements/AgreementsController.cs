using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Agreements;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Files;
using MissionPortal.Web.Infrastructure.Localization;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Infrastructure.Security;
using Microsoft.Net.Http.Headers;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Agreements;

/// <summary>
/// The agreements registry: a list with filters, an agreement's card, the form with parties, areas and
/// signatories, and its way from draft through negotiation to signed, in force and fulfilled.
/// </summary>
[Route("agreements")]
[Authorize(Policy = Policies.ViewMissions)]
public class AgreementsController(
    PortalDbContext db,
    IValidator<AgreementInput> validator,
    IAuthorizationService authorization,
    FileStore files,
    IStringLocalizer<SharedResource> l) : Controller
{
    public const int PageSize = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index(AgreementFilter filter, CancellationToken ct)
    {
        var agreements = db.Agreements.AsNoTracking();
        if (filter.Kind is { } kind)
        {
            agreements = agreements.Where(a => a.Kind == kind);
        }

        if (filter.Status is { } status)
        {
            agreements = agreements.Where(a => a.Status == status);
        }

        if (filter.Area is { } area && area != CooperationAreas.None)
        {
            agreements = agreements.Where(a => ((int)a.Areas & (int)area) != 0);
        }

        if (filter.MissionId is { } missionId)
        {
            agreements = agreements.Where(a => a.MissionId == missionId);
        }

        if (filter.Year is < 1 or > 9999)
        {
            // A year no calendar has: nothing was signed in it.
            agreements = agreements.Where(a => false);
        }
        else if (filter.Year is { } year)
        {
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            agreements = agreements.Where(a => a.SignedOn >= first && a.SignedOn <= last);
        }

        return View(new AgreementIndexViewModel
        {
            Filter = filter,
            Agreements = await agreements
                .OrderByDescending(a => a.SignedOn).ThenByDescending(a => a.Id)
                .Take(PageSize)
                .Select(a => new AgreementListItemViewModel
                {
                    Id = a.Id,
                    Title = a.Title,
                    Kind = a.Kind,
                    Status = a.Status,
                    Areas = a.Areas,
                    SignedOn = a.SignedOn,
                    MissionId = a.MissionId,
                    Mission = a.Mission!.Title,
                    Parties = a.Parties.OrderBy(p => p.Order).Select(p => p.Organization!.ShortName ?? p.Organization.Name).ToList(),
                })
                .ToListAsync(ct),
            Missions = await MissionsAsync(ct),
            Years = await db.Agreements.Where(a => a.SignedOn != null).Select(a => a.SignedOn!.Value.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct),
            CanManage = await CanManageAsync(),
        });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var agreement = await DetailsAsync(id, ct);
        return agreement is null ? NotFound() : View(agreement);
    }

    [HttpGet("create")]
    [Authorize(Policy = Policies.ManageAgreements)]
    public async Task<IActionResult> Create(int? missionId, CancellationToken ct) =>
        View("Form", await FormAsync(null, null, new AgreementInput { Kind = AgreementKind.Interregional, MissionId = missionId }, ct));

    [HttpPost("create")]
    [Authorize(Policy = Policies.ManageAgreements)]
    [OneSubmission(nameof(Index))]
    public async Task<IActionResult> Create(AgreementInput input, CancellationToken ct)
    {
        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return View("Form", await FormAsync(null, null, input, ct));
        }

        var agreement = new Agreement(input.Title!.Trim(), input.Kind!.Value, input.AreaFlags);
        Apply(agreement, input);
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(ct);
        this.FlashDone(l["Соглашение «{0}» внесено в реестр.", agreement.Title].Value);
        return RedirectToAction(nameof(Details), new { id = agreement.Id });
    }

    [HttpGet("{id:int}/edit")]
    [Authorize(Policy = Policies.ManageAgreements)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var agreement = await db.Agreements.AsNoTracking().Include(a => a.Parties).Include(a => a.Signatories)
            .AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null)
        {
            return NotFound();
        }

        return View("Form", await FormAsync(id, agreement.Status, InputOf(agreement), ct));
    }

    [HttpPost("{id:int}/edit")]
    [Authorize(Policy = Policies.ManageAgreements)]
    public async Task<IActionResult> Edit(int id, AgreementInput input, CancellationToken ct)
    {
        var agreement = await db.Agreements.Include(a => a.Parties).Include(a => a.Signatories)
            .AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null)
        {
            return NotFound();
        }

        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return View("Form", await FormAsync(id, agreement.Status, input, ct));
        }

        db.ExpectFormVersion(agreement, input.Version);

        agreement.UpdateDetails(input.Title!.Trim(), input.Kind!.Value, input.AreaFlags);
        Apply(agreement, input);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Agreements.AsNoTracking().SingleAsync(a => a.Id == id, ct);
            ModelState.AddModelError(string.Empty, l["Пока вы редактировали, соглашение сохранил другой сотрудник: сейчас оно называется «{0}», статус «{1}». Проверьте поля и сохраните ещё раз, чтобы записать вашу версию.", current.Title, l[EnumText.Of(current.Status)]]);
            input.Version = current.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Form", await FormAsync(id, current.Status, input, ct));
        }

        this.FlashDone(l["Соглашение сохранено."].Value);
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>One step along draft → negotiation → signed → in force → fulfilled (or back to draft from negotiation).</summary>
    [HttpPost("{id:int}/status")]
    [Authorize(Policy = Policies.ManageAgreements)]
    public async Task<IActionResult> Status(int id, AgreementStatusInput input, CancellationToken ct)
    {
        var agreement = await db.Agreements.Include(a => a.Parties).Include(a => a.Signatories)
            .AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null)
        {
            return NotFound();
        }

        if (agreement.IsStale(input.Version))
        {
            return this.StaleDecision(l["Соглашение «{0}» сейчас в состоянии «{1}».", agreement.Title, l[EnumText.Of(agreement.Status)]], Url.Action(nameof(Details), new { id })!);
        }

        string? error = null;
        if (input.Status is not { } next || !Enum.IsDefined(next) || !agreement.CanMoveTo(next))
        {
            error = input.Status is { } wanted && Enum.IsDefined(wanted)
                ? l["Соглашение нельзя перевести из состояния «{0}» в «{1}».", l[EnumText.Of(agreement.Status)], l[EnumText.Of(wanted)]]
                : l["Выберите следующий шаг."];
        }
        else if (next == AgreementStatus.Signed && input.SignedOn is null)
        {
            error = l["Укажите дату подписания."];
        }
        else if (next == AgreementStatus.Signed && (agreement.Parties.Count < 2 || agreement.Signatories.Count == 0))
        {
            error = l["Для подписания нужны две стороны и хотя бы один подписант."];
        }

        if (error is not null)
        {
            this.FlashRefused(error);
            return RedirectToAction(nameof(Details), new { id });
        }

        db.ExpectVersion(agreement, input.Version);
        agreement.MoveTo(input.Status!.Value, input.SignedOn);
        if (!await db.TrySaveAsync(ct))
        {
            var current = await db.Agreements.AsNoTracking().SingleAsync(a => a.Id == id, ct);
            return this.StaleDecision(l["Соглашение «{0}» сейчас в состоянии «{1}».", current.Title, l[EnumText.Of(current.Status)]], Url.Action(nameof(Details), new { id })!);
        }

        this.FlashDone(l["Статус соглашения: {0}.", l[EnumText.Of(agreement.Status)]].Value);
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>The agreement's signed text: a PDF, checked by its content; a new upload replaces the old file.</summary>
    [HttpPost("{id:int}/document")]
    [Authorize(Policy = Policies.ManageAgreements)]
    [EnableRateLimiting(RateLimitPolicies.Uploads)]
    [RequestSizeLimit(FileStore.MaxPdfBytes + (1024 * 1024))]
    [RequestFormLimits(MultipartBodyLengthLimit = FileStore.MaxPdfBytes + (1024 * 1024))]
    public async Task<IActionResult> Document(int id, IFormFile? document, CancellationToken ct)
    {
        if (!await db.Agreements.AnyAsync(a => a.Id == id, ct))
        {
            return NotFound();
        }

        if (document is null)
        {
            this.FlashRefused(l["Выберите файл соглашения (PDF)."].Value);
            return RedirectToAction(nameof(Details), new { id });
        }

        var (file, error) = await files.SaveAgreementDocumentAsync(document, id, ct);
        if (error is not null)
        {
            this.FlashRefused(error);
            return RedirectToAction(nameof(Details), new { id });
        }

        var old = await db.StoredFiles.Where(f => f.AgreementId == id && f.Kind == StoredFileKind.AgreementDocument).ToListAsync(ct);
        db.StoredFiles.RemoveRange(old);
        db.StoredFiles.Add(file!);
        await db.SaveChangesAsync(ct);
        old.ForEach(files.Delete);
        this.FlashDone((old.Count == 0 ? l["Файл соглашения «{0}» загружен.", file!.OriginalName] : l["Файл соглашения заменён на «{0}».", file!.OriginalName]).Value);
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet("{id:int}/document")]
    public async Task<IActionResult> Document(int id, CancellationToken ct)
    {
        var file = await db.StoredFiles.AsNoTracking()
            .Where(f => f.AgreementId == id && f.Kind == StoredFileKind.AgreementDocument)
            .OrderByDescending(f => f.CreatedAtUtc)
            .FirstOrDefaultAsync(ct);
        var stream = file is null ? null : files.Open(file, thumbnail: false);
        if (stream is null)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file!.OriginalName);
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(stream, "application/pdf");
    }

    private static void Apply(Agreement agreement, AgreementInput input)
    {
        agreement.ReplaceParties(input.PartyIds);
        agreement.ReplaceSignatories(input.FilledSignatories.Select(s => new SignatoryDetails(
            s.Surname!.Trim(), s.GivenName!.Trim(), string.IsNullOrWhiteSpace(s.Patronymic) ? null : s.Patronymic.Trim(), s.Position!.Trim(), s.OrganizationId!.Value)));
        agreement.LinkTo(input.MissionId, input.ProgrammeItemId);
    }

    private static AgreementInput InputOf(Agreement agreement) => new()
    {
        Title = agreement.Title,
        Kind = agreement.Kind,
        Areas = Enum.GetValues<CooperationAreas>().Where(a => a != CooperationAreas.None && agreement.Areas.HasFlag(a)).ToList(),
        PartyIds = agreement.Parties.OrderBy(p => p.Order).Select(p => p.OrganizationId).ToList(),
        Signatories = agreement.Signatories.OrderBy(s => s.Id).Select(s => new SignatoryInput
        {
            Surname = s.Surname,
            GivenName = s.GivenName,
            Patronymic = s.Patronymic,
            Position = s.Position,
            OrganizationId = s.OrganizationId,
        }).ToList(),
        MissionId = agreement.MissionId,
        ProgrammeItemId = agreement.ProgrammeItemId,
        Version = agreement.Version,
    };

    private async Task<AgreementDetailsViewModel?> DetailsAsync(int id, CancellationToken ct)
    {
        var agreement = await db.Agreements.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new AgreementDetailsViewModel
            {
                Id = a.Id,
                Version = a.Version,
                Title = a.Title,
                Kind = a.Kind,
                Status = a.Status,
                Areas = a.Areas,
                SignedOn = a.SignedOn,
                MissionId = a.MissionId,
                Mission = a.Mission!.Title,
                ProgrammeItem = a.ProgrammeItem!.Title,
                ProgrammeItemDate = a.ProgrammeItem.Date,
                Parties = a.Parties.OrderBy(p => p.Order).Select(p => p.Organization!.Name).ToList(),
                Signatories = a.Signatories.OrderBy(s => s.Id)
                    .Select(s => new SignatoryViewModel(PersonName.Full(s.Surname, s.GivenName, s.Patronymic), s.Position, s.Organization!.ShortName ?? s.Organization.Name))
                    .ToList(),
            })
            .AsSplitQuery()
            .SingleOrDefaultAsync(ct);
        return agreement is null ? null : new AgreementDetailsViewModel
        {
            Id = agreement.Id,
            Version = agreement.Version,
            Title = agreement.Title,
            Kind = agreement.Kind,
            Status = agreement.Status,
            Areas = agreement.Areas,
            SignedOn = agreement.SignedOn,
            MissionId = agreement.MissionId,
            Mission = agreement.Mission,
            ProgrammeItem = agreement.ProgrammeItem,
            ProgrammeItemDate = agreement.ProgrammeItemDate,
            Parties = agreement.Parties,
            Signatories = agreement.Signatories,
            CanManage = await CanManageAsync(),
            Document = await db.StoredFiles.AsNoTracking()
                .Where(f => f.AgreementId == id && f.Kind == StoredFileKind.AgreementDocument)
                .OrderByDescending(f => f.CreatedAtUtc)
                .Select(f => new AgreementDocumentViewModel(f.Id, f.OriginalName, f.Size, f.CreatedAtUtc))
                .FirstOrDefaultAsync(ct),
        };
    }

    private async Task<AgreementFormViewModel> FormAsync(int? id, AgreementStatus? status, AgreementInput input, CancellationToken ct)
    {
        while (input.Signatories.Count < 2 || input.Signatories.All(s => !s.IsBlank))
        {
            input.Signatories.Add(new SignatoryInput());
        }

        return new AgreementFormViewModel
        {
            Id = id,
            Status = status,
            Input = input,
            Organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Name).Select(o => new OptionViewModel(o.Id, o.Name)).ToListAsync(ct),
            Missions = await MissionsAsync(ct),
            // A deleted item the agreement was signed at stays selectable, marked, so saving the form keeps the link.
            Items = (await db.ProgrammeItems.IgnoreQueryFilters().AsNoTracking()
                .Where(i => (i.DeletedAtUtc == null && (i.Kind == ProgrammeItemKind.Signing || i.Kind == ProgrammeItemKind.Ceremony || i.Kind == ProgrammeItemKind.Meeting)) || i.Id == input.ProgrammeItemId)
                .OrderBy(i => i.MissionId).ThenBy(i => i.Date).ThenBy(i => i.Start)
                .Select(i => new { i.Id, i.MissionId, Mission = i.Mission!.Title, i.Title, Deleted = i.DeletedAtUtc != null })
                .ToListAsync(ct))
                .Select(i => new ItemOptionViewModel(i.Id, i.MissionId, i.Mission, i.Deleted ? l["{0} (пункт удалён)", i.Title].Value : i.Title))
                .ToList(),
        };
    }

    private async Task<List<OptionViewModel>> MissionsAsync(CancellationToken ct) =>
        await db.Missions.AsNoTracking().OrderByDescending(m => m.StartDate).Select(m => new OptionViewModel(m.Id, m.Title)).ToListAsync(ct);

    private async Task<bool> CanManageAsync() => (await authorization.AuthorizeAsync(User, Policies.ManageAgreements)).Succeeded;
}
