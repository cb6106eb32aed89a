using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Identity;
using MissionPortal.Web.Infrastructure.Localization;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Infrastructure.Security;

namespace MissionPortal.Web.Features.Participants;

/// <summary>
/// People of a mission: a company applies with its people and sees their status; the agency approves or
/// declines each one, adds officials directly, and imports a delegation list (all or nothing). HTTP only; the commands decide.
/// </summary>
public class ParticipantsController(
    ParticipantQueries queries,
    IValidator<PersonInput> validator,
    DecideParticipation.Handler decide,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("applications")]
    [Authorize(Policy = Policies.ManageOwnCompany)]
    public async Task<IActionResult> Open(CancellationToken ct) => View(await queries.OpenMissionsAsync(User.OrganizationId(), ct));

    [HttpGet("applications/{missionId:int}")]
    [Authorize(Policy = Policies.ManageOwnCompany)]
    public async Task<IActionResult> Apply(int missionId, CancellationToken ct)
    {
        var page = await queries.PageAsync(missionId, new PersonInput(), User.OrganizationId(), forCompany: true, ct);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("applications/{missionId:int}")]
    [Authorize(Policy = Policies.ManageOwnCompany)]
    [OneSubmission(nameof(Apply))]
    public async Task<IActionResult> Apply(int missionId, PersonInput input, [FromServices] ApplyPerson.Handler apply, CancellationToken ct)
    {
        var mission = await queries.OpenMissionAsync(missionId, ct);
        var companyId = User.OrganizationId();
        if (mission is null || companyId is null)
        {
            return NotFound();
        }

        var refusals = await apply.RefusalsAsync(missionId, companyId.Value, input, ct);
        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        AddRefusals(refusals);
        if (!ModelState.IsValid)
        {
            return View((await queries.PageAsync(missionId, input, companyId, forCompany: true, ct))!);
        }

        var person = await apply.HandleAsync(mission, companyId.Value, input, ct);
        this.FlashDone(l["В заявку добавлен участник: {0}. Участие ждёт подтверждения агентства.", person.ShortName].Value);
        return RedirectToAction(nameof(Apply), new { missionId });
    }

    /// <summary>Asks before a company takes a person back; the record stays and the agency can restore it.</summary>
    [HttpGet("applications/participants/{id:int}/withdraw")]
    [Authorize(Policy = Policies.ManageOwnCompany)]
    public async Task<IActionResult> Withdraw(int id, CancellationToken ct)
    {
        var person = await queries.OwnPersonAsync(id, User.OrganizationId(), ct);
        return person is null ? NotFound() : View(new PersonRowViewModel(person.Id, person.ShortName, person.Position, null, null, null, person.Status, string.Empty, [], person.Version));
    }

    [HttpPost("applications/participants/{id:int}/withdraw")]
    [Authorize(Policy = Policies.ManageOwnCompany)]
    public async Task<IActionResult> ConfirmWithdraw(int id, Guid? version, CancellationToken ct)
    {
        var result = await decide.HandleAsync(id, DecideParticipation.Decision.Withdraw, version, User.OrganizationId(), ct);
        return result.Outcome switch
        {
            DelegationOutcome.NotFound => NotFound(),
            DelegationOutcome.Stale => this.StaleDecision(l["{0}: сейчас — «{1}».", result.FullName, l[EnumText.Of(result.Status)]], Url.Action(nameof(Apply), new { missionId = result.MissionId })!),
            _ => Done(l["Участие отозвано: {0}. Агентство может его восстановить.", result.FullName], nameof(Apply), result.MissionId),
        };
    }

    [HttpGet("missions/{missionId:int}/participants")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Index(int missionId, [FromQuery] ParticipantFilter filter, int? from, [FromServices] PeopleQueries people, CancellationToken ct)
    {
        var input = from is { } id && await people.RecordAsync(id, ct) is { } earlier ? PersonInput.From(earlier) : new PersonInput();
        var page = await queries.PageAsync(missionId, input, User.OrganizationId(), forCompany: false, ct, filter);
        if (page is null)
        {
            return NotFound();
        }

        page.Proposals = await people.ProposalsAsync(missionId, filter.Find, ct);
        return View(page);
    }

    /// <summary>The agency adds an official or anyone else directly: approved at once.</summary>
    [HttpPost("missions/{missionId:int}/participants")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    [OneSubmission(nameof(Index))]
    public async Task<IActionResult> Add(int missionId, PersonInput input, [FromServices] AddPerson.Handler add, CancellationToken ct)
    {
        var mission = await queries.MissionAsync(missionId, ct);
        if (mission is null)
        {
            return NotFound();
        }

        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        AddRefusals(await add.RefusalsAsync(mission, input, ct));
        if (!ModelState.IsValid)
        {
            return View("Index", (await queries.PageAsync(missionId, input, User.OrganizationId(), forCompany: false, ct))!);
        }

        var (person, delegation) = await add.HandleAsync(mission, input, User.DisplayName(), ct);
        return Done(l["В делегацию «{1}» добавлен участник: {0}.", person.ShortName, delegation.Name], nameof(Index), missionId);
    }

    [HttpPost("participants/{id:int}/approve")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public Task<IActionResult> Approve(int id, Guid? version, CancellationToken ct) => DecideAsync(id, approve: true, version, ct);

    [HttpPost("participants/{id:int}/decline")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public Task<IActionResult> Decline(int id, Guid? version, CancellationToken ct) => DecideAsync(id, approve: false, version, ct);

    /// <summary>Marks a person head, deputy or member of the delegation; a new head replaces the former one.</summary>
    [HttpPost("participants/{id:int}/role")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Role(int id, AssignRole.Input input, [FromServices] AssignRole.Handler handler, CancellationToken ct) =>
        Answer(await handler.HandleAsync(id, input, ct) is var r ? (r.Outcome, r.MissionId, r.Message) : default);

    /// <summary>Renames a delegation of the mission.</summary>
    [HttpPost("delegations/{id:int}/name")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Rename(int id, RenameDelegation.Input input, [FromServices] RenameDelegation.Handler handler, CancellationToken ct) =>
        Answer(await handler.HandleAsync(id, input, ct) is var r ? (r.Outcome, r.MissionId, r.Message) : default);

    [HttpGet("missions/{missionId:int}/import")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Import(int missionId, CancellationToken ct)
    {
        var title = await queries.MissionTitleAsync(missionId, ct);
        return title is null ? NotFound() : View(new ImportPreviewViewModel { MissionId = missionId, MissionTitle = title });
    }

    /// <summary>Reads the file and shows every row with its errors and every organisation to decide; nothing is saved here.</summary>
    [HttpPost("missions/{missionId:int}/import")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    [RequestSizeLimit(10 * 1024 * 1024)]
    [EnableRateLimiting(RateLimitPolicies.Uploads)]
    [RequestFormLimits(MultipartBodyLengthLimit = 10 * 1024 * 1024)]
    public async Task<IActionResult> Preview(int missionId, IFormFile? file, [FromServices] ImportDelegation.Handler import, CancellationToken ct)
    {
        var title = await queries.MissionTitleAsync(missionId, ct);
        if (title is null)
        {
            return NotFound();
        }

        if (file is null || file.Length == 0)
        {
            return View("Import", new ImportPreviewViewModel { MissionId = missionId, MissionTitle = title, Error = l["Выберите файл .xlsx или .csv."] });
        }

        await using var stream = file.OpenReadStream();
        var (rows, error) = DelegationImport.Read(stream, file.FileName, l);
        return rows is null
            ? View("Import", new ImportPreviewViewModel { MissionId = missionId, MissionTitle = title, Error = error })
            : View("Import", await import.PreviewAsync(missionId, rows, [], null, ct));
    }

    /// <summary>Checks the previewed rows again (corrected, left out) with the decisions on organisations; saves all or nothing.</summary>
    [HttpPost("missions/{missionId:int}/import/confirm")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    [OneSubmission(nameof(Index))]
    public async Task<IActionResult> Confirm(int missionId, ImportDelegation.Input input, [FromServices] ImportDelegation.Handler import, CancellationToken ct)
    {
        var (saved, preview) = await import.SaveAsync(missionId, input, User.DisplayName(), ct);
        if (preview is not null)
        {
            return View("Import", preview);
        }

        if (saved == 0)
        {
            return NotFound();
        }

        this.FlashDone(l["Импортировано человек: {0}.", saved].Value);
        return RedirectToAction(nameof(Index), new { missionId });
    }

    /// <summary>Back to the mission's people with what happened; a refusal or a conflict changes nothing.</summary>
    private IActionResult Answer((DelegationOutcome Outcome, int MissionId, string? Message) result)
    {
        if (result.Outcome == DelegationOutcome.NotFound)
        {
            return NotFound();
        }

        if (result.Message is { } message)
        {
            this.FlashOutcome(result.Outcome == DelegationOutcome.Done, message);
        }

        return RedirectToAction(nameof(Index), new { missionId = result.MissionId });
    }

    private async Task<IActionResult> DecideAsync(int id, bool approve, Guid? version, CancellationToken ct)
    {
        var result = await decide.HandleAsync(id, approve ? DecideParticipation.Decision.Approve : DecideParticipation.Decision.Decline, version, null, ct);
        return result.Outcome switch
        {
            DelegationOutcome.NotFound => NotFound(),
            DelegationOutcome.Stale => this.StaleDecision(l["{0}: сейчас — «{1}».", result.FullName, l[EnumText.Of(result.Status)]], Url.Action(nameof(Index), new { missionId = result.MissionId })!),
            _ => Done(approve ? l["{0}: участие подтверждено.", result.FullName] : l["{0}: участие отклонено.", result.FullName], nameof(Index), result.MissionId),
        };
    }

    private RedirectToActionResult Done(LocalizedString message, string action, int missionId)
    {
        this.FlashDone(message.Value);
        return RedirectToAction(action, new { missionId });
    }

    private void AddRefusals(IEnumerable<ApplyPerson.Refusal> refusals)
    {
        foreach (var refusal in refusals)
        {
            ModelState.AddModelError(refusal.Field, refusal.Message);
        }
    }
}
