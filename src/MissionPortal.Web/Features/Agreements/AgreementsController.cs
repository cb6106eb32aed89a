using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Agreements;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Files;
using MissionPortal.Web.Infrastructure.Localization;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Infrastructure.Security;

namespace MissionPortal.Web.Features.Agreements;

/// <summary>
/// The agreements registry: a list with filters, an agreement's card, the form with parties, areas and
/// signatories, and its way from draft through negotiation to signed, in force and fulfilled. HTTP only; the commands decide.
/// </summary>
[Route("agreements")]
[Authorize(Policy = Policies.ViewMissions)]
public class AgreementsController(
    PortalDbContext db,
    AgreementQueries queries,
    IValidator<SaveAgreement.Input> validator,
    SaveAgreement.Handler save,
    MoveAgreement.Handler move,
    AttachAgreementDocument.Handler attach,
    IAuthorizationService authorization,
    FileStore files,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(AgreementFilter filter, CancellationToken ct) =>
        View(await queries.IndexAsync(filter, await CanManageAsync(), ct));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var agreement = await queries.DetailsAsync(id, await CanManageAsync(), ct);
        return agreement is null ? NotFound() : View(agreement);
    }

    [HttpGet("create")]
    [Authorize(Policy = Policies.ManageAgreements)]
    public async Task<IActionResult> Create(int? missionId, CancellationToken ct) =>
        View("Form", await queries.FormAsync(null, null, new SaveAgreement.Input { Kind = AgreementKind.Interregional, MissionId = missionId }, ct));

    [HttpPost("create")]
    [Authorize(Policy = Policies.ManageAgreements)]
    [OneSubmission(nameof(Index))]
    public async Task<IActionResult> Create(SaveAgreement.Input input, CancellationToken ct)
    {
        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return View("Form", await queries.FormAsync(null, null, input, ct));
        }

        var agreement = await save.CreateAsync(input, ct);
        this.FlashDone(l["{0} внесено в реестр.", Quotes.Titled(l["Соглашение"], agreement.Title)].Value);
        return RedirectToAction(nameof(Details), new { id = agreement.Id });
    }

    [HttpGet("{id:int}/edit")]
    [Authorize(Policy = Policies.ManageAgreements)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var agreement = await queries.ForFormAsync(id, ct);
        return agreement is null ? NotFound() : View("Form", await queries.FormAsync(id, agreement.Status, SaveAgreement.Input.From(agreement), ct));
    }

    [HttpPost("{id:int}/edit")]
    [Authorize(Policy = Policies.ManageAgreements)]
    public async Task<IActionResult> Edit(int id, SaveAgreement.Input input, CancellationToken ct)
    {
        var agreement = await queries.ForChangeAsync(id, ct);
        if (agreement is null)
        {
            return NotFound();
        }

        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return View("Form", await queries.FormAsync(id, agreement.Status, input, ct));
        }

        if (!await save.EditAsync(agreement, input, ct))
        {
            var current = await queries.CurrentAsync(id, ct);
            ModelState.AddModelError(string.Empty, l["Пока вы редактировали, соглашение сохранил другой сотрудник: сейчас оно называется «{0}», статус «{1}». Проверьте поля и сохраните ещё раз, чтобы записать вашу версию.", current.Title, l[EnumText.Of(current.Status)]]);
            input.Version = current.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Form", await queries.FormAsync(id, current.Status, input, ct));
        }

        this.FlashDone(l["Соглашение сохранено."].Value);
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>One step along draft → negotiation → signed → in force → fulfilled (or back to draft from negotiation).</summary>
    [HttpPost("{id:int}/status")]
    [Authorize(Policy = Policies.ManageAgreements)]
    public async Task<IActionResult> Status(int id, MoveAgreement.Input input, CancellationToken ct)
    {
        var result = await move.HandleAsync(id, input, ct);
        switch (result.Outcome)
        {
            case MoveAgreement.Outcome.NotFound:
                return NotFound();
            case MoveAgreement.Outcome.Stale:
                return this.StaleDecision(l["{0} сейчас в статусе «{1}».", Quotes.Titled(l["Соглашение"], result.Title), l[EnumText.Of(result.Status)]], Url.Action(nameof(Details), new { id })!);
            case MoveAgreement.Outcome.Refused:
                this.FlashRefused(result.Refusal!);
                return RedirectToAction(nameof(Details), new { id });
            default:
                this.FlashDone(l["Статус соглашения: {0}.", l[EnumText.Of(result.Status)]].Value);
                return RedirectToAction(nameof(Details), new { id });
        }
    }

    /// <summary>The agreement's signed text: a PDF, checked by its content; a new upload replaces the old file.</summary>
    [HttpPost("{id:int}/document")]
    [Authorize(Policy = Policies.ManageAgreements)]
    [EnableRateLimiting(RateLimitPolicies.Uploads)]
    [RequestSizeLimit(FileStore.MaxPdfBytes + (1024 * 1024))]
    [RequestFormLimits(MultipartBodyLengthLimit = FileStore.MaxPdfBytes + (1024 * 1024))]
    public async Task<IActionResult> Document(int id, IFormFile? document, CancellationToken ct)
    {
        var result = await attach.HandleAsync(id, document, ct);
        switch (result.Outcome)
        {
            case AttachAgreementDocument.Outcome.NotFound:
                return NotFound();
            case AttachAgreementDocument.Outcome.Refused:
                this.FlashRefused(result.Refusal!);
                return RedirectToAction(nameof(Details), new { id });
            default:
                this.FlashDone((result.Replaced ? l["Файл соглашения заменён на «{0}».", result.FileName!] : l["Файл соглашения «{0}» загружен.", result.FileName!]).Value);
                return RedirectToAction(nameof(Details), new { id });
        }
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

    private async Task<bool> CanManageAsync() => (await authorization.AuthorizeAsync(User, Policies.ManageAgreements)).Succeeded;
}
