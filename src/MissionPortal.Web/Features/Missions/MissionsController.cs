using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Localization;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Missions;

/// <summary>Missions the user may see (filtered and searched), one mission's page, and the agency's mission form.</summary>
[Authorize(Policy = Policies.UsePortal)]
public class MissionsController(
    MissionQueries queries,
    PortalDbContext db,
    IStringLocalizer<SharedResource> l,
    ReferenceData reference,
    SaveMission.Handler save) : Controller
{
    public const int PageSize = 50;

    [HttpGet]
    public async Task<IActionResult> Index(MissionFilter filter, CancellationToken ct)
    {
        var missions = queries.List(User);
        if (filter.Year is < 1 or > 9999)
        {
            // A year no calendar has: no mission happens in it.
            missions = missions.Where(m => false);
        }
        else if (filter.Year is { } year)
        {
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            missions = missions.Where(m => m.StartDate <= last && m.EndDate >= first);
        }

        if (filter.Status is { } status)
        {
            missions = missions.Where(m => m.Status == status);
        }

        if (filter.RegionId is { } regionId)
        {
            var region = await db.Regions.Where(r => r.Id == regionId).Select(r => r.Name).SingleOrDefaultAsync(ct);
            missions = missions.Where(m => m.OriginRegion == region || m.HostRegion == region);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var term = Mission.Normalize(filter.Q, null);
            var ids = db.Missions.Where(m => m.SearchText.Contains(term)).Select(m => m.Id);
            missions = missions.Where(m => ids.Contains(m.Id));
        }

        return View(new MissionIndexViewModel
        {
            Filter = filter,
            Missions = await missions.Take(PageSize).ToListAsync(ct),
            Regions = await reference.RegionsAsync(ct),
            Years = await YearsAsync(ct),
        });
    }

    /// <summary>
    /// The year filter's choices: every year from the earliest mission's start to the latest one's, newest first. Two
    /// lookups in the start date's index whatever the number of missions (a distinct list of start years read every
    /// mission); a year between two missions with none of its own is offered too, and shows an empty list.
    /// </summary>
    private async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct)
    {
        var span = await db.Missions
            .Select(_ => new { First = db.Missions.Min(m => (DateOnly?)m.StartDate), Last = db.Missions.Max(m => (DateOnly?)m.StartDate) })
            .FirstOrDefaultAsync(ct);
        return span is { First: { } first, Last: { } last }
            ? Enumerable.Range(first.Year, last.Year - first.Year + 1).Reverse().ToList()
            : [];
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var mission = await queries.DetailsAsync(id, User, ct);
        return mission is null ? NotFound() : View(mission);
    }

    [HttpGet]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Create(CancellationToken ct) =>
        View("Form", await FormAsync(null, new SaveMission.Input { Kind = MissionKind.TradeEconomic, Organizers = [new(), new()] }, ct));

    [HttpPost]
    [Authorize(Policy = Policies.ScheduleMissions)]
    [OneSubmission(nameof(Index))]
    public async Task<IActionResult> Create(SaveMission.Input input, [FromServices] IValidator<SaveMission.Input> validator, CancellationToken ct)
    {
        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return View("Form", await FormAsync(null, input, ct));
        }

        var (_, mission) = await save.HandleAsync(null, input, ct);
        this.FlashDone(l["Миссия «{0}» создана.", mission!.Title].Value);
        return RedirectToAction(nameof(Details), new { id = mission.Id });
    }

    [HttpGet]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var mission = await db.Missions.AsNoTracking().Include(m => m.Organizers).SingleOrDefaultAsync(m => m.Id == id, ct);
        if (mission is null)
        {
            return NotFound();
        }

        var input = new SaveMission.Input
        {
            Kind = mission.Kind,
            Title = mission.Title,
            Description = mission.Description,
            OriginRegionId = mission.OriginRegionId,
            HostRegionId = mission.HostRegionId,
            StartDate = mission.StartDate,
            EndDate = mission.EndDate,
            Version = mission.Version,
            Organizers = [.. mission.Organizers.Select(o => new SaveMission.OrganizerInput { OrganizationId = o.OrganizationId, Role = o.Role }), new()],
        };
        return View("Form", await FormAsync(mission, input, ct));
    }

    [HttpPost]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Edit(int id, SaveMission.Input input, [FromServices] IValidator<SaveMission.Input> validator, CancellationToken ct)
    {
        var mission = await db.Missions.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (mission is null)
        {
            return NotFound();
        }

        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return View("Form", await FormAsync(mission, input, ct));
        }

        var (outcome, current) = await save.HandleAsync(id, input, ct);
        switch (outcome)
        {
            case SaveMission.Outcome.NotFound:
                return NotFound();
            case SaveMission.Outcome.Stale:
                ModelState.AddModelError(string.Empty, l["Пока вы редактировали, миссию сохранил другой сотрудник: сейчас в ней «{0}», {1:dd.MM.yyyy} – {2:dd.MM.yyyy}. Проверьте поля и сохраните ещё раз, чтобы записать вашу версию.", current!.Title, current.StartDate.ToDateTime(TimeOnly.MinValue), current.EndDate.ToDateTime(TimeOnly.MinValue)]);
                input.Version = current.Version;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Form", await FormAsync(current, input, ct));
            default:
                this.FlashDone(l["Миссия сохранена."].Value);
                return RedirectToAction(nameof(Details), new { id });
        }
    }

    /// <summary>Running, completed or cancelled: the steps the agency takes itself (approval is the ministry's, on the programme page).</summary>
    [HttpPost]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Status(int id, MissionStatus status, Guid? version, [FromServices] ChangeMissionStatus.Handler change, CancellationToken ct)
    {
        var (outcome, mission) = await change.HandleAsync(id, status, version, ct);
        switch (outcome)
        {
            case ChangeMissionStatus.Outcome.NotFound:
                return NotFound();
            case ChangeMissionStatus.Outcome.Stale:
                return this.StaleDecision(l["Миссия «{0}» сейчас в статусе «{1}».", mission!.Title, l[EnumText.Of(mission.Status)]], Url.Action(nameof(Edit), new { id })!);
            case ChangeMissionStatus.Outcome.Refused:
                this.FlashRefused(l["Миссию нельзя перевести из статуса «{0}» в «{1}».", l[EnumText.Of(mission!.Status)], l[EnumText.Of(status)]].Value);
                return RedirectToAction(nameof(Details), new { id });
            default:
                this.FlashDone(l["Статус миссии: {0}.", l[EnumText.Of(status)]].Value);
                return RedirectToAction(nameof(Details), new { id });
        }
    }

    private async Task<MissionFormViewModel> FormAsync(Mission? mission, SaveMission.Input input, CancellationToken ct)
    {
        while (input.Organizers.Count < 3 || input.Organizers.All(o => o.OrganizationId is not null))
        {
            input.Organizers.Add(new SaveMission.OrganizerInput());
        }

        return new MissionFormViewModel
        {
            Id = mission?.Id,
            Status = mission?.Status,
            Input = input,
            Regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new OptionViewModel(r.Id, r.Name)).ToListAsync(ct),
            Organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Name).Select(o => new OptionViewModel(o.Id, o.Name)).ToListAsync(ct),
        };
    }
}

public sealed class MissionFilter
{
    public int? Year { get; set; }

    public MissionStatus? Status { get; set; }

    public int? RegionId { get; set; }

    public string? Q { get; set; }
}

public sealed class MissionIndexViewModel
{
    public required MissionFilter Filter { get; init; }

    public IReadOnlyList<MissionListItemViewModel> Missions { get; init; } = [];

    public IReadOnlyList<OptionViewModel> Regions { get; init; } = [];

    public IReadOnlyList<int> Years { get; init; } = [];
}

public sealed class MissionFormViewModel
{
    public int? Id { get; init; }

    public MissionStatus? Status { get; init; }

    public required SaveMission.Input Input { get; init; }

    public IReadOnlyList<OptionViewModel> Regions { get; init; } = [];

    public IReadOnlyList<OptionViewModel> Organizations { get; init; } = [];
}
