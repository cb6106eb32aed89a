using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Security;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Identity;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Rosters;

/// <summary>
/// Delegation rosters for officials: on screen and for the browser's print, as PDF and .xlsx;
/// the agency sets the protocol order here and decides whether the delegation's companies see the full list;
/// a site visit's pass list for the host enterprise. A company opens the rosters of delegations it belongs to
/// (others are 404), with its own people only unless the list is shared; badges and pass lists are not for it.
/// </summary>
[Route("rosters")]
[Authorize(Policy = Policies.ViewRosters)]
public class RostersController(
    RosterQueries rosters,
    RosterDocuments documents,
    IStringLocalizer<SharedResource> l,
    IAuthorizationService authorization,
    CheckInLinks links,
    TimeProvider clock) : Controller
{
    public const string PdfType = "application/pdf";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [HttpGet("{delegationId:int}")]
    public async Task<IActionResult> Index(int delegationId, RosterFilter filter, CancellationToken ct)
    {
        var roster = await LoadAsync(delegationId, filter, ct);
        return roster is null ? NotFound() : View(roster);
    }

    [HttpGet("{delegationId:int}/pdf")]
    public async Task<IActionResult> Pdf(int delegationId, RosterFilter filter, CancellationToken ct)
    {
        var roster = await LoadAsync(delegationId, filter, ct);
        return roster is null
            ? NotFound()
            : File(documents.Pdf(roster), PdfType, RosterDocuments.FileName("roster", delegationId, Today, "pdf"));
    }

    [HttpGet("{delegationId:int}/xlsx")]
    public async Task<IActionResult> Xlsx(int delegationId, RosterFilter filter, CancellationToken ct)
    {
        var roster = await LoadAsync(delegationId, filter, ct);
        return roster is null
            ? NotFound()
            : File(documents.Xlsx(roster), XlsxType, RosterDocuments.FileName("roster", delegationId, Today, "xlsx"));
    }

    /// <summary>The agency's precedence numbers for the whole delegation, one plain form.</summary>
    [HttpPost("{delegationId:int}/order")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Order(
        int delegationId, SetProtocolOrder.Input input, [FromServices] IValidator<SetProtocolOrder.Input> validator, [FromServices] SetProtocolOrder.Handler order, CancellationToken ct)
    {
        var people = await order.PeopleAsync(delegationId, ct);
        if (people is null)
        {
            return NotFound();
        }

        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        var outcome = ModelState.IsValid ? await order.HandleAsync(people, input, ct) : (SetProtocolOrder.Outcome?)null;
        if (outcome == SetProtocolOrder.Outcome.Strangers)
        {
            ModelState.AddModelError(string.Empty, l["В списке есть люди не из этой делегации."]);
        }

        if (!ModelState.IsValid)
        {
            var roster = (await LoadAsync(delegationId, new RosterFilter(), ct))!;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), roster);
        }

        if (outcome == SetProtocolOrder.Outcome.Stale)
        {
            this.FlashRefused(l["Пока вы меняли порядок, состав изменил другой сотрудник. Проверьте номера и сохраните ещё раз."].Value);
            return RedirectToAction(nameof(Index), new { delegationId });
        }

        this.FlashDone(l["Порядок в списке сохранён."].Value);
        return RedirectToAction(nameof(Index), new { delegationId });
    }

    /// <summary>Whether the delegation's companies see everyone on its roster or only their own people.</summary>
    [HttpPost("{delegationId:int}/share")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Share(int delegationId, bool share, [FromServices] ShareRoster.Handler handler, CancellationToken ct)
    {
        switch (await handler.HandleAsync(delegationId, ModelState.IsValid ? share : null, ct))
        {
            case ShareRoster.Outcome.NotFound:
                return NotFound();
            case ShareRoster.Outcome.Invalid:
                this.FlashRefused(l["Выберите значение из списка."].Value);
                return RedirectToAction(nameof(Index), new { delegationId });
            default:
                this.FlashDone((share
                    ? l["Компании делегации видят весь список."]
                    : l["Компании делегации видят только своих сотрудников."]).Value);
                return RedirectToAction(nameof(Index), new { delegationId });
        }
    }

    /// <summary>Name badges for the roster's people, each with a QR code of its signed check-in link.</summary>
    [HttpGet("{delegationId:int}/badges")]
    [Authorize(Policy = Policies.PrintRosters)]
    public async Task<IActionResult> Badges(int delegationId, RosterFilter filter, CancellationToken ct)
    {
        var roster = await LoadAsync(delegationId, filter, ct);
        if (roster is null)
        {
            return NotFound();
        }

        var badges = roster.Lines
            .Select(line => new Badge(line.Surname, line.GivenNames, line.Position, line.Organization, CheckInUrl(line.ParticipantId, roster.MissionId)))
            .ToList();
        return File(BadgeSheet.Write(roster.Mission, badges, documents.DemoNote), PdfType, RosterDocuments.FileName("badges", delegationId, Today, "pdf"));
    }

    [HttpGet("pass-list/{itemId:int}")]
    [Authorize(Policy = Policies.PrintRosters)]
    public async Task<IActionResult> PassList(int itemId, CancellationToken ct)
    {
        var list = await rosters.PassListAsync(itemId, ct);
        return list is null ? NotFound() : View(list);
    }

    [HttpGet("pass-list/{itemId:int}/pdf")]
    [Authorize(Policy = Policies.PrintRosters)]
    public async Task<IActionResult> PassListPdf(int itemId, CancellationToken ct)
    {
        var list = await rosters.PassListAsync(itemId, ct);
        return list is null ? NotFound() : File(documents.Pdf(list), PdfType, RosterDocuments.FileName("pass-list", itemId, list.Date, "pdf"));
    }

    [HttpGet("pass-list/{itemId:int}/xlsx")]
    [Authorize(Policy = Policies.PrintRosters)]
    public async Task<IActionResult> PassListXlsx(int itemId, CancellationToken ct)
    {
        var list = await rosters.PassListAsync(itemId, ct);
        return list is null
            ? NotFound()
            : File(documents.Xlsx(list), XlsxType, RosterDocuments.FileName("pass-list", itemId, list.Date, "xlsx"));
    }

    private DateOnly Today => HostCalendar.Today(clock);

    private string CheckInUrl(int participantId, int missionId) =>
        Infrastructure.Security.PublicAddress.Absolute(HttpContext, Url.Action("Index", "CheckIn", new { t = links.Token(participantId, missionId) })
            ?? throw new InvalidOperationException("No route to the check-in page."));

    private async Task<RosterViewModel?> LoadAsync(int delegationId, RosterFilter filter, CancellationToken ct)
    {
        var agency = (await authorization.AuthorizeAsync(User, Policies.ScheduleMissions)).Succeeded;
        var printsAll = (await authorization.AuthorizeAsync(User, Policies.PrintRosters)).Succeeded;
        if (!printsAll && User.OrganizationId() is null)
        {
            return null;
        }

        return await rosters.LoadAsync(delegationId, filter, new RosterViewer(agency, agency, printsAll, printsAll ? null : User.OrganizationId()), ct);
    }
}
