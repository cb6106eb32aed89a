using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.PersonalData;

/// <summary>
/// A person's data (152-ФЗ): a signed-in user downloads their copy and asks for erasure; the agency carries out users'
/// requests, and for a participant without an account sees the recorded basis, makes the copy and erases at once.
/// </summary>
public class PersonalDataController(PersonalDataQueries queries, PersonalDataExport export, TimeProvider clock, UserManager<PortalUser> users) : Controller
{
    [HttpGet("personal-data")]
    [Authorize(Policy = Policies.UsePortal)]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        await queries.OwnAsync(UserId, ct) is { } page ? View(page) : NotFound();

    /// <summary>Everything the portal holds about the signed-in user, as a JSON file.</summary>
    [HttpGet("personal-data/copy")]
    [Authorize(Policy = Policies.UsePortal)]
    public async Task<IActionResult> Copy(CancellationToken ct) =>
        await export.ForUserAsync(UserId, ct) is { } file ? Download(file) : NotFound();

    [HttpPost("personal-data/erasure")]
    [Authorize(Policy = Policies.UsePortal)]
    public async Task<IActionResult> RequestErasure(RequestErasure.Input input, [FromServices] RequestErasure.Handler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(UserId, input, ct);
        this.FlashOutcome(result.Done, result.Message);
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Users' erasure requests for the agency to carry out.</summary>
    [HttpGet("personal-data/requests")]
    [Authorize(Policy = Policies.ManageUsers)]
    public async Task<IActionResult> Requests(CancellationToken ct) => View(await queries.RequestsAsync(ct));

    [HttpPost("personal-data/requests/{userId}/erase")]
    [Authorize(Policy = Policies.ManageUsers)]
    public async Task<IActionResult> EraseUser(string userId, EraseUser.Input input, [FromServices] EraseUser.Handler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(userId, input, ct);
        if (!result.Found)
        {
            return NotFound();
        }

        this.FlashOutcome(result.Done, result.Message);
        return RedirectToAction(nameof(Requests));
    }

    /// <summary>A participant's data: the recorded basis, a copy, erasure.</summary>
    [HttpGet("participants/{id:int}/personal-data")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Participant(int id, CancellationToken ct) =>
        await queries.ParticipantAsync(id, ct) is { } page ? View(page) : NotFound();

    [HttpGet("participants/{id:int}/personal-data/copy")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> ParticipantCopy(int id, CancellationToken ct) =>
        await export.ForParticipantAsync(id, ct) is { } file ? Download(file) : NotFound();

    [HttpPost("participants/{id:int}/personal-data/erase")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> EraseParticipant(int id, EraseParticipant.Input input, [FromServices] EraseParticipant.Handler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, input, ct);
        switch (result.Outcome)
        {
            case PersonalData.EraseParticipant.Outcome.NotFound:
                return NotFound();
            case PersonalData.EraseParticipant.Outcome.Stale:
                return this.StaleDecision(result.Message, Url.Action(nameof(Participant), new { id })!);
            default:
                this.FlashOutcome(result.Outcome == PersonalData.EraseParticipant.Outcome.Done, result.Message);
                return RedirectToAction(nameof(Participant), new { id });
        }
    }

    private string UserId => users.GetUserId(User) ?? string.Empty;

    private FileContentResult Download(byte[] file) =>
        File(file, "application/json; charset=utf-8", PersonalDataQueries.FileName(clock.GetUtcNow().UtcDateTime));
}
