using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Identity;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Results;

/// <summary>
/// Results of a mission: contacts made and contracts intended per company (a company enters its own,
/// the agency any company's; the ministry reads), and the meetings, visits and round tables the programme holds.
/// A company sees only its own line; another company's, or a mission it is not in, is 404.
/// </summary>
[Route("results")]
[Authorize(Policy = Policies.UsePortal)]
public class ResultsController(
    PortalDbContext db,
    MissionFiguresQuery figures,
    B2bFigures b2bFigures,
    IValidator<RecordCompanyResult.Input> validator,
    RecordCompanyResult.Handler record,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("{missionId:int}")]
    public async Task<IActionResult> Index(int missionId, CancellationToken ct)
    {
        var mission = await db.Missions.AsNoTracking().Where(m => m.Id == missionId)
            .Select(m => new { m.Id, m.Title, m.StartDate, m.EndDate, m.Status, m.HostRegion!.TimeZoneId })
            .SingleOrDefaultAsync(ct);
        if (mission is null || !await MayOpenAsync(missionId, ct))
        {
            return NotFound();
        }

        var seesAll = User.SeesAllMissions();
        var companies = await CompaniesAsync(missionId, ct);
        if (!seesAll)
        {
            companies = companies.Where(c => c.OrganizationId == User.OrganizationId()).ToList();
        }

        var items = await db.ProgrammeItems.AsNoTracking()
            .Where(i => i.MissionId == missionId
                && (i.Kind == ProgrammeItemKind.Meeting || i.Kind == ProgrammeItemKind.SiteVisit || i.Kind == ProgrammeItemKind.RoundTable))
            .OrderBy(i => i.Date).ThenBy(i => i.Start).ThenBy(i => i.Id)
            .Select(i => new
            {
                i.Id,
                i.Kind,
                i.Date,
                i.Start,
                i.Title,
                Host = i.Visit == null ? null : i.Visit.HostOrganization!.Name,
                Topic = i.RoundTable == null ? null : i.RoundTable.Topic,
                Moderator = i.RoundTable == null || i.RoundTable.Moderator == null ? null
                    : i.RoundTable.Moderator.Surname + " " + i.RoundTable.Moderator.GivenName + " " + (i.RoundTable.Moderator.Patronymic ?? string.Empty),
                Resolution = i.RoundTable == null ? null : i.RoundTable.Resolution,
            })
            .ToListAsync(ct);

        var b2b = await b2bFigures.ForMissionAsync(missionId, ct);
        if (!seesAll)
        {
            b2b = b2b with { Companies = [.. b2b.Companies.Where(c => c.OrganizationId == User.OrganizationId())] };
        }

        return View(new MissionResultsViewModel
        {
            MissionId = mission.Id,
            Mission = mission.Title,
            Zone = HostCalendar.Zone(mission.TimeZoneId),
            StartDate = mission.StartDate,
            EndDate = mission.EndDate,
            Status = mission.Status,
            Companies = companies,
            B2b = b2b.Any ? b2b : null,
            Figures = seesAll ? await figures.ForAsync(missionId, ct) : null,
            Meetings = items.Where(i => i.Kind == ProgrammeItemKind.Meeting).Select(i => new ResultItemViewModel(i.Id, i.Date, i.Start, i.Title, null)).ToList(),
            Visits = items.Where(i => i.Kind == ProgrammeItemKind.SiteVisit).Select(i => new ResultItemViewModel(i.Id, i.Date, i.Start, i.Title, i.Host)).ToList(),
            RoundTables = items.Where(i => i.Kind == ProgrammeItemKind.RoundTable)
                .Select(i => new ResultRoundTableViewModel(i.Id, i.Date, i.Topic ?? i.Title, i.Moderator?.Trim(), i.Resolution)).ToList(),
            CanEditProgramme = (await authorization.AuthorizeAsync(User, Policies.ScheduleMissions)).Succeeded,
        });
    }

    [HttpGet("{missionId:int}/companies/{organizationId:int}")]
    [Authorize(Policy = Policies.EditCompanyData)]
    public async Task<IActionResult> Edit(int missionId, int organizationId, CancellationToken ct)
    {
        var form = await FormAsync(missionId, organizationId, null, ct);
        return form is null ? NotFound() : View(form);
    }

    [HttpPost("{missionId:int}/companies/{organizationId:int}")]
    [Authorize(Policy = Policies.EditCompanyData)]
    public async Task<IActionResult> Edit(int missionId, int organizationId, RecordCompanyResult.Input input, CancellationToken ct)
    {
        var form = await FormAsync(missionId, organizationId, input, ct);
        if (form is null)
        {
            return NotFound();
        }

        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        if (!await record.HandleAsync(missionId, organizationId, input, User.DisplayName(), ct))
        {
            return await ConflictAsync(form, ct);
        }

        this.FlashDone(l["Итоги компании «{0}» сохранены.", form.Company].Value);
        return RedirectToAction(nameof(Index), new { missionId });
    }

    private async Task<IActionResult> ConflictAsync(CompanyResultFormViewModel form, CancellationToken ct)
    {
        var current = await db.CompanyResults.AsNoTracking()
            .SingleOrDefaultAsync(r => r.MissionId == form.MissionId && r.OrganizationId == form.OrganizationId, ct);
        ModelState.AddModelError(string.Empty, current is null
            ? l["Пока вы заполняли форму, итоги компании удалили. Проверьте поля и сохраните ещё раз."]
            : l["Пока вы заполняли форму, итоги сохранил {0}: контактов {1}, контрактов {2}. Проверьте поля и сохраните ещё раз, чтобы записать вашу версию.", current.UpdatedBy ?? string.Empty, current.ContactsMade, current.ContractsIntended]);
        form.Input.Version = current?.Version;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View(form);
    }

    /// <summary>
    /// The form for one company of the mission, or null (404) when this user may not enter its results:
    /// the agency for any company of the mission, a company user only for its own company.
    /// </summary>
    private async Task<CompanyResultFormViewModel?> FormAsync(int missionId, int organizationId, RecordCompanyResult.Input? input, CancellationToken ct)
    {
        if (!User.CanEdit(organizationId))
        {
            return null;
        }

        var company = (await CompaniesAsync(missionId, ct)).FirstOrDefault(c => c.OrganizationId == organizationId);
        var mission = await db.Missions.AsNoTracking().Where(m => m.Id == missionId).Select(m => m.Title).SingleOrDefaultAsync(ct);
        if (company is null || mission is null)
        {
            return null;
        }

        if (input is null)
        {
            var saved = await db.CompanyResults.AsNoTracking()
                .SingleOrDefaultAsync(r => r.MissionId == missionId && r.OrganizationId == organizationId, ct);
            input = saved is null
                ? new RecordCompanyResult.Input()
                : new RecordCompanyResult.Input { ContactsMade = saved.ContactsMade, ContractsIntended = saved.ContractsIntended, Notes = saved.Notes, Version = saved.Version };
        }

        return new CompanyResultFormViewModel
        {
            MissionId = missionId,
            Mission = mission,
            OrganizationId = organizationId,
            Company = company.Company,
            Input = input,
        };
    }

    /// <summary>Agency and ministry open any mission's results; a company those of missions its people take part in.</summary>
    private async Task<bool> MayOpenAsync(int missionId, CancellationToken ct) =>
        User.SeesAllMissions()
        || (User.OrganizationId() is { } own
            && await db.Participants.AnyAsync(p => p.Delegation!.MissionId == missionId && p.OrganizationId == own
                && (p.Status == ParticipantStatus.Approved || p.Status == ParticipantStatus.Pending), ct));

    /// <summary>
    /// The companies of a mission: companies and clusters with people in a visiting delegation (approved or waiting),
    /// and any company whose results were entered already; with what they entered.
    /// </summary>
    private async Task<List<CompanyResultRowViewModel>> CompaniesAsync(int missionId, CancellationToken ct)
    {
        var taking = await db.Participants.AsNoTracking()
            .Where(p => p.Delegation!.MissionId == missionId && p.Delegation.Side == DelegationSide.Visiting && p.OrganizationId != null
                && (p.Status == ParticipantStatus.Approved || p.Status == ParticipantStatus.Pending)
                && (p.Organization!.Kind == OrganizationKind.Company || p.Organization.Kind == OrganizationKind.Cluster))
            .GroupBy(p => new { Id = p.OrganizationId!.Value, p.Organization!.Name })
            .Select(g => new { g.Key.Id, g.Key.Name, People = g.Count() })
            .ToListAsync(ct);
        var entered = await db.CompanyResults.AsNoTracking()
            .Where(r => r.MissionId == missionId)
            .Select(r => new { r.OrganizationId, r.Organization!.Name, r.ContactsMade, r.ContractsIntended, r.Notes, r.UpdatedBy, r.UpdatedAtUtc })
            .ToListAsync(ct);
        return taking.Select(t => (t.Id, t.Name, t.People))
            .Concat(entered.Where(e => taking.All(t => t.Id != e.OrganizationId)).Select(e => (Id: e.OrganizationId, e.Name, People: 0)))
            .Select(c =>
            {
                var result = entered.FirstOrDefault(e => e.OrganizationId == c.Id);
                return new CompanyResultRowViewModel
                {
                    OrganizationId = c.Id,
                    Company = c.Name,
                    People = c.People,
                    ContactsMade = result?.ContactsMade,
                    ContractsIntended = result?.ContractsIntended,
                    Notes = result?.Notes,
                    UpdatedBy = result?.UpdatedBy,
                    UpdatedAtUtc = result?.UpdatedAtUtc,
                    CanEdit = User.CanEdit(c.Id),
                };
            })
            .OrderBy(c => c.Company, RussianCollation.Instance)
            .ToList();
    }
}
