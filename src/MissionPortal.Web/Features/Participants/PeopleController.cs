using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Database;
using MissionPortal.Web.Infrastructure.Identity;
using MissionPortal.Web.Infrastructure.Localization;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Participants;

/// <summary>
/// The agency's people: the directory across missions, a person's page with their other missions and history, the
/// correction of a person, and the participant list of a mission as an .xlsx sheet. HTTP only; the queries and commands decide.
/// </summary>
[Authorize(Policy = Policies.ScheduleMissions)]
public class PeopleController(PeopleQueries people, ParticipantQueries participants, IStringLocalizer<SharedResource> l, TimeProvider clock, DemoNotice demo) : Controller
{
    private const string Views = "~/Features/Participants/";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [HttpGet("people")]
    public async Task<IActionResult> Index(string? q, int page = 1, CancellationToken ct = default) =>
        View(Views + "People.cshtml", await people.DirectoryAsync(q, page, ct));

    [HttpGet("people/{id:int}")]
    public async Task<IActionResult> Person(int id, CancellationToken ct) =>
        await people.PersonAsync(id, ct) is { } person ? View(Views + "Person.cshtml", person) : NotFound();

    [HttpGet("people/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct) =>
        await people.EditPageAsync(id, null, ct) is { } page ? View(Views + "EditPerson.cshtml", page) : NotFound();

    [HttpPost("people/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, EditPerson.Input input, [FromServices] IValidator<EditPerson.Input> validator, [FromServices] EditPerson.Handler edit, CancellationToken ct)
    {
        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (ModelState.IsValid)
        {
            var result = await edit.HandleAsync(id, input, ct);
            switch (result.Outcome)
            {
                case DelegationOutcome.NotFound:
                    return NotFound();
                case DelegationOutcome.Done:
                    this.FlashDone(l["{0}: изменения сохранены.", result.FullName!].Value);
                    return RedirectToAction(nameof(Person), new { id });
                case DelegationOutcome.Stale:
                    return this.StaleDecision(result.Message!, Url.Action(nameof(Edit), new { id })!);
                default:
                    ModelState.AddModelError(result.Field ?? string.Empty, result.Message!);
                    break;
            }
        }

        return await people.EditPageAsync(id, input, ct) is { } page ? View(Views + "EditPerson.cshtml", page) : NotFound();
    }

    /// <summary>The mission's participant list as the page shows it (same search, filter and order), as an .xlsx sheet.</summary>
    [HttpGet("missions/{missionId:int}/participants/xlsx")]
    public async Task<IActionResult> Xlsx(int missionId, [FromQuery] ParticipantFilter filter, CancellationToken ct)
    {
        var page = await participants.PageAsync(missionId, new PersonInput(), User.OrganizationId(), forCompany: false, ct, filter);
        if (page is null)
        {
            return NotFound();
        }

        string[] headers = [l["№"], l["Фамилия, имя, отчество"], l["Роль в делегации"], l["Должность"], l["Организация"], l["Делегация"], l["Электронная почта"], l["Телефон"], l["Статус"]];
        var rows = page.People.Select((p, i) => new Dictionary<string, object?>
        {
            [headers[0]] = i + 1,
            [headers[1]] = p.FullName,
            [headers[2]] = l[EnumText.Of(p.Role)].Value,
            [headers[3]] = p.Position,
            [headers[4]] = p.Organization ?? string.Empty,
            [headers[5]] = p.Delegation,
            [headers[6]] = p.Email ?? string.Empty,
            [headers[7]] = LegalIdentifiers.FormatPhone(p.Phone) ?? string.Empty,
            [headers[8]] = l[EnumText.Of(p.Status)].Value,
        }).ToList();
        if (rows.Count == 0)
        {
            rows.Add(headers.ToDictionary(h => h, _ => (object?)null));
        }

        if (demo.Sentence is { } note)
        {
            rows.Add(headers.ToDictionary(h => h, h => h == headers[0] ? note : (object?)null));
        }

        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: l["Участники"], excelType: ExcelType.XLSX);
        var today = HostCalendar.Today(clock);
        return File(stream.ToArray(), XlsxType, string.Create(CultureInfo.InvariantCulture, $"participants-{missionId}-{today:yyyyMMdd}.xlsx"));
    }
}
