using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Identity;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Programme;

/// <summary>
/// The programme editor: a mission's days as a timeline, items added, edited, duplicated, moved and
/// deleted with plain forms (dragging uses the same move endpoint), conflicts shown and acknowledged,
/// and the programme's approval by the ministry. Each step is a command of this folder; this only speaks HTTP.
/// </summary>
[Route("programme")]
public class ProgrammeController(
    ProgrammePages pages,
    IValidator<ProgrammeItemInput> itemValidator,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("{missionId:int}")]
    [Authorize(Policy = Policies.ViewMissions)]
    public async Task<IActionResult> Index(int missionId, CancellationToken ct)
    {
        var canEdit = (await authorization.AuthorizeAsync(User, Policies.ScheduleMissions)).Succeeded;
        var canApprove = (await authorization.AuthorizeAsync(User, Policies.ApproveProgrammes)).Succeeded;
        return await pages.IndexAsync(missionId, canEdit, canApprove, ct) is { } page ? View(page) : NotFound();
    }

    /// <summary>The programme day by day on A4, for every user who may see the mission.</summary>
    [HttpGet("{missionId:int}/print")]
    [Authorize(Policy = Policies.UsePortal)]
    public async Task<IActionResult> Print(int missionId, CancellationToken ct) =>
        await pages.PrintAsync(missionId, User, ct) is { } page ? View(page) : NotFound();

    [HttpGet("{missionId:int}/items/new")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> New(int missionId, DateOnly? date, CancellationToken ct) =>
        await pages.NewItemAsync(missionId, date, ct) is { } form ? View("Item", form) : NotFound();

    [HttpPost("{missionId:int}/items/new")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    [OneSubmission(nameof(Index))]
    public async Task<IActionResult> Create(int missionId, ProgrammeItemInput input, [FromServices] AddItem.Handler add, CancellationToken ct)
    {
        if (await pages.HeaderAsync(missionId, ct) is not { } mission)
        {
            return NotFound();
        }

        if (!await ProgrammeItemInputValidator.CheckAsync(itemValidator, input, missionId, manyDays: false, ModelState, ct))
        {
            return View("Item", await pages.FormAsync(mission, null, input, manyDays: false, ct));
        }

        var item = (await add.HandleAsync(missionId, input, [input.Date!.Value], User.DisplayName(), ct))[0];
        this.FlashDone(l["Пункт «{0}» добавлен.", item.Title].Value);
        return RedirectToProgramme(missionId, item.Id);
    }

    [HttpGet("{missionId:int}/add-to-days")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> AddToDays(int missionId, CancellationToken ct) =>
        await pages.AddToDaysAsync(missionId, ct) is { } form ? View("Item", form) : NotFound();

    [HttpPost("{missionId:int}/add-to-days")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    [OneSubmission(nameof(Index))]
    public async Task<IActionResult> AddToDays(int missionId, ProgrammeItemInput input, [FromServices] AddItem.Handler add, CancellationToken ct)
    {
        if (await pages.HeaderAsync(missionId, ct) is not { } mission)
        {
            return NotFound();
        }

        if (!await ProgrammeItemInputValidator.CheckAsync(itemValidator, input, missionId, manyDays: true, ModelState, ct))
        {
            return View("Item", await pages.FormAsync(mission, null, input, manyDays: true, ct));
        }

        var days = input.Dates.Distinct().Order().ToList();
        await add.HandleAsync(missionId, input, days, User.DisplayName(), ct);
        this.FlashDone(l["Пункт «{0}» добавлен в дни: {1}.", input.Title!, days.Count].Value);
        return RedirectToProgramme(missionId);
    }

    [HttpGet("items/{id:int}/edit")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct) =>
        await pages.EditItemAsync(id, ct) is { } form ? View("Item", form) : NotFound();

    [HttpPost("items/{id:int}/edit")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Edit(int id, ProgrammeItemInput input, [FromServices] EditItem.Handler edit, CancellationToken ct)
    {
        if (await pages.ItemHeaderAsync(id, ct) is not { } mission)
        {
            return NotFound();
        }

        if (!await ProgrammeItemInputValidator.CheckAsync(itemValidator, input, mission.Id, manyDays: false, ModelState, ct))
        {
            return View("Item", await pages.FormAsync(mission, id, input, manyDays: false, ct));
        }

        var (outcome, title) = await edit.HandleAsync(id, input, User.DisplayName(), ct);
        switch (outcome)
        {
            case EditItem.Outcome.NotFound:
                return NotFound();
            case EditItem.Outcome.Stale when await pages.ConflictAsync(mission, id, input, ct) is { } conflict:
                // Someone saved this item meanwhile: show what is stored now beside what this user typed.
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Conflict", conflict);
            case EditItem.Outcome.Stale:
                this.FlashDone(l["Пока вы редактировали, этот пункт удалили."].Value);
                return RedirectToProgramme(mission.Id);
            default:
                this.FlashDone(l["Пункт «{0}» сохранён.", title].Value);
                return RedirectToProgramme(mission.Id, id);
        }
    }

    [HttpPost("items/{id:int}/duplicate")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    [OneSubmission]
    public async Task<IActionResult> Duplicate(int id, [FromServices] DuplicateItem.Handler duplicate, CancellationToken ct)
    {
        if (await duplicate.HandleAsync(id, User.DisplayName(), ct) is not { } copy)
        {
            return NotFound();
        }

        this.FlashDone(l["Пункт «{0}» продублирован.", copy.Title].Value);
        return RedirectToProgramme(copy.MissionId, copy.CopyId);
    }

    [HttpPost("items/{id:int}/delete")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Delete(int id, Guid? version, [FromServices] DeleteItem.Handler delete, CancellationToken ct)
    {
        var (outcome, title, missionId) = await delete.HandleAsync(id, version, User.DisplayName(), ct);
        switch (outcome)
        {
            case DeleteItem.Outcome.NotFound:
                return NotFound();
            case DeleteItem.Outcome.Stale:
                return await StaleItemAsync(id, ct);
            default:
                this.FlashDone(l["Пункт «{0}» удалён. Агентство может восстановить его на странице «Удалённые пункты».", title].Value);
                return RedirectToProgramme(missionId);
        }
    }

    /// <summary>The mission's deleted items, newest first, each with a restore button.</summary>
    [HttpGet("{missionId:int}/deleted")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Deleted(int missionId, CancellationToken ct) =>
        await pages.DeletedAsync(missionId, ct) is { } page ? View(page) : NotFound();

    [HttpPost("items/{id:int}/restore")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Restore(int id, Guid? version, [FromServices] RestoreItem.Handler restore, CancellationToken ct)
    {
        var (outcome, title, missionId) = await restore.HandleAsync(id, version, User.DisplayName(), ct);
        switch (outcome)
        {
            case RestoreItem.Outcome.NotFound:
                return NotFound();
            case RestoreItem.Outcome.Stale:
                return await StaleItemAsync(id, ct);
            default:
                this.FlashDone(l["Пункт «{0}» восстановлен в программе.", title].Value);
                return RedirectToProgramme(missionId, id);
        }
    }

    /// <summary>Moves an item to another day or time, keeping its length. The same endpoint serves the form and the drag.</summary>
    [HttpPost("items/{id:int}/move")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Move(int id, MoveItem.Input input, [FromServices] MoveItem.Handler move, CancellationToken ct)
    {
        var unreadable = ModelState.IsValid ? null
            : ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault() ?? l["Выберите значение из списка."].Value;
        var result = await move.HandleAsync(id, input, unreadable, User.DisplayName(), ct);
        if (result.Outcome == MoveItem.Outcome.NotFound)
        {
            return NotFound();
        }

        if (Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true))
        {
            return result.Outcome switch
            {
                MoveItem.Outcome.Refused => BadRequest(new { error = result.Message }),
                MoveItem.Outcome.Conflict => Conflict(new { error = result.Message }),
                _ => Ok(new { message = result.Message }),
            };
        }

        this.FlashOutcome(result.Outcome == MoveItem.Outcome.Moved, result.Message);
        return RedirectToProgramme(result.MissionId, result.ItemId);
    }

    [HttpPost("{missionId:int}/copy-day")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    [OneSubmission(nameof(Index))]
    public async Task<IActionResult> CopyDay(int missionId, CopyDay.Input input, [FromServices] CopyDay.Handler copy, CancellationToken ct)
    {
        var (outcome, message) = await copy.HandleAsync(missionId, input, User.DisplayName(), ct);
        return Flashed(outcome == Programme.CopyDay.Outcome.NotFound, outcome == Programme.CopyDay.Outcome.Copied, message, missionId);
    }

    [HttpPost("{missionId:int}/acknowledge")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Acknowledge(int missionId, AcknowledgeConflict.Input input, [FromServices] AcknowledgeConflict.Handler acknowledge, CancellationToken ct)
    {
        var (outcome, message) = await acknowledge.HandleAsync(missionId, input, User.DisplayName(), ct);
        return Flashed(outcome == AcknowledgeConflict.Outcome.NotFound, outcome == AcknowledgeConflict.Outcome.Acknowledged, message, missionId);
    }

    [HttpPost("{missionId:int}/submit")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public Task<IActionResult> Submit(int missionId, ReviewProgramme.Input input, [FromServices] ReviewProgramme.Handler review, CancellationToken ct) =>
        ReviewAsync(review, missionId, ReviewDecision.Submitted, input, ct);

    [HttpPost("{missionId:int}/approve")]
    [Authorize(Policy = Policies.ApproveProgrammes)]
    public Task<IActionResult> Approve(int missionId, ReviewProgramme.Input input, [FromServices] ReviewProgramme.Handler review, CancellationToken ct) =>
        ReviewAsync(review, missionId, ReviewDecision.Approved, input, ct);

    [HttpPost("{missionId:int}/return")]
    [Authorize(Policy = Policies.ApproveProgrammes)]
    public Task<IActionResult> Return(int missionId, ReviewProgramme.Input input, [FromServices] ReviewProgramme.Handler review, CancellationToken ct) =>
        ReviewAsync(review, missionId, ReviewDecision.Returned, input, ct);

    [HttpGet("{missionId:int}/changes")]
    [Authorize(Policy = Policies.ViewMissions)]
    public async Task<IActionResult> Changes(int missionId, CancellationToken ct) =>
        await pages.ChangesAsync(missionId, ct) is { } page ? View(page) : NotFound();

    private async Task<IActionResult> ReviewAsync(ReviewProgramme.Handler review, int missionId, ReviewDecision decision, ReviewProgramme.Input input, CancellationToken ct)
    {
        var result = await review.HandleAsync(missionId, decision, input, User.DisplayName(), ct);
        if (result.Outcome == ReviewProgramme.Outcome.NeedsConfirmation && await pages.HeaderAsync(missionId, ct) is { } mission)
        {
            // Nothing submitted yet: say which conflicts are open and ask again, with the confirmation.
            return View("ConfirmSubmit", new ConfirmSubmitViewModel(mission, result.Message, result.OpenConflicts));
        }

        return Flashed(result.Outcome == ReviewProgramme.Outcome.NotFound, result.Outcome == ReviewProgramme.Outcome.Done, result.Message, missionId);
    }

    /// <summary>404 for a mission that isn't there; otherwise the message and back to the programme.</summary>
    private IActionResult Flashed(bool notFound, bool done, string message, int missionId)
    {
        if (notFound)
        {
            return NotFound();
        }

        this.FlashOutcome(done, message);
        return RedirectToProgramme(missionId);
    }

    /// <summary>The delete or restore button was on a page older than the item: say where the item is now.</summary>
    private async Task<IActionResult> StaleItemAsync(int id, CancellationToken ct)
    {
        var (message, missionId, deleted) = await pages.WhereIsAsync(id, ct);
        return this.StaleDecision(message, Url.Action(deleted ? nameof(Deleted) : nameof(Index), new { missionId })!);
    }

    /// <summary>Back to the programme; for an item, at the item, with the message beside it rather than above the page.</summary>
    private RedirectResult RedirectToProgramme(int missionId, int? itemId = null)
    {
        if (itemId is null)
        {
            return Redirect(Url.Action(nameof(Index), new { missionId })!);
        }

        this.FlashBeside(ItemAnchor(itemId.Value));
        return Redirect(Url.Action(nameof(Index), new { missionId }) + "#" + ItemAnchor(itemId.Value));
    }

    /// <summary>The id of an item's block on the programme page.</summary>
    public static string ItemAnchor(int itemId) => $"item-{itemId}";
}
