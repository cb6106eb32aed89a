using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Venues;

public sealed record VenueListItemViewModel(int Id, string Name, string City, string Address, int? Capacity, string? Organization);

public sealed record DeletedVenueViewModel(int Id, string Name, string City, string Address, DateTime DeletedAtUtc, int Items, Guid Version);

public sealed class VenueFormViewModel
{
    public int? Id { get; init; }

    public required SaveVenue.Input Input { get; init; }

    public IReadOnlyList<OptionViewModel> Organizations { get; init; } = [];
}

/// <summary>The registry of venues (площадки): name, address, city, capacity.</summary>
[Authorize(Policy = Policies.ViewMissions)]
public class VenuesController(
    PortalDbContext db,
    IValidator<SaveVenue.Input> validator,
    SaveVenue.Handler save,
    BinVenue.Handler bin,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await db.Venues.AsNoTracking().Where(v => v.DeletedAtUtc == null).OrderBy(v => v.City).ThenBy(v => v.Name)
            .Select(v => new VenueListItemViewModel(v.Id, v.Name, v.City, v.Address, v.Capacity, v.Organization!.Name))
            .ToListAsync(ct));

    [HttpGet]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Create(CancellationToken ct) => View("Form", await FormAsync(null, new SaveVenue.Input { City = "Красноярск" }, ct));

    [HttpPost]
    [Authorize(Policy = Policies.ScheduleMissions)]
    [OneSubmission(nameof(Index))]
    public async Task<IActionResult> Create(SaveVenue.Input input, CancellationToken ct)
    {
        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return View("Form", await FormAsync(null, input, ct));
        }

        var (_, venue) = await save.HandleAsync(null, input, ct);
        this.FlashDone(l["Площадка «{0}» добавлена.", venue!.Name].Value);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var venue = await db.Venues.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        return venue is null
            ? NotFound()
            : View("Form", await FormAsync(id, SaveVenue.Input.From(venue), ct));
    }

    [HttpPost]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Edit(int id, SaveVenue.Input input, CancellationToken ct)
    {
        if (!await db.Venues.AnyAsync(v => v.Id == id, ct))
        {
            return NotFound();
        }

        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return View("Form", await FormAsync(id, input, ct));
        }

        var (outcome, venue) = await save.HandleAsync(id, input, ct);
        switch (outcome)
        {
            case SaveVenue.Outcome.NotFound:
                return NotFound();
            case SaveVenue.Outcome.Stale:
                ModelState.AddModelError(string.Empty, l["Пока вы редактировали, площадку сохранил другой сотрудник: сейчас это «{0}», {1}, {2}, вместимость {3}. Проверьте поля и сохраните ещё раз, чтобы записать вашу версию.", venue!.Name, venue.City, venue.Address, venue.Capacity?.ToString(System.Globalization.CultureInfo.CurrentCulture) ?? "—"]);
                input.Version = venue.Version;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Form", await FormAsync(id, input, ct));
            default:
                this.FlashDone(l["Площадка «{0}» сохранена.", venue!.Name].Value);
                return RedirectToAction(nameof(Index));
        }
    }

    /// <summary>Deleted venues, with how many programme items still name them, and a restore button.</summary>
    [HttpGet]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Deleted(CancellationToken ct) =>
        View(await db.Venues.AsNoTracking().Where(v => v.DeletedAtUtc != null).OrderByDescending(v => v.DeletedAtUtc)
            .Select(v => new DeletedVenueViewModel(v.Id, v.Name, v.City, v.Address, v.DeletedAtUtc!.Value, db.ProgrammeItems.Count(i => i.VenueId == v.Id), v.Version))
            .ToListAsync(ct));

    [HttpPost]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public Task<IActionResult> Delete(int id, Guid? version, CancellationToken ct) => BinAsync(id, restore: false, version, ct);

    [HttpPost]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public Task<IActionResult> Restore(int id, Guid? version, CancellationToken ct) => BinAsync(id, restore: true, version, ct);

    private async Task<IActionResult> BinAsync(int id, bool restore, Guid? version, CancellationToken ct)
    {
        var (outcome, venue) = await bin.HandleAsync(id, restore, version, ct);
        switch (outcome)
        {
            case BinVenue.Outcome.NotFound:
                return NotFound();
            case BinVenue.Outcome.Stale:
                return StaleVenue(venue!);
            default:
                this.FlashDone((restore
                    ? l["Площадка «{0}» восстановлена.", venue!.Name]
                    : l["Площадка «{0}» удалена из реестра; пункты программы, которые там проходят, её сохраняют. Восстановить — «Удалённые площадки».", venue!.Name]).Value);
                return RedirectToAction(nameof(Index));
        }
    }

    /// <summary>The delete or restore button was on a page older than the venue: say what it is now.</summary>
    private ViewResult StaleVenue(Venue current)
    {
        var state = current.DeletedAtUtc is null ? l["в реестре"] : l["в корзине удалённых"];
        return this.StaleDecision(l["Площадка «{0}», {1}, {2}: сейчас {3}.", current.Name, current.City, current.Address, state],
            Url.Action(current.DeletedAtUtc is null ? nameof(Edit) : nameof(Deleted), current.DeletedAtUtc is null ? new { id = current.Id } : null)!);
    }

    private async Task<VenueFormViewModel> FormAsync(int? id, SaveVenue.Input input, CancellationToken ct) => new()
    {
        Id = id,
        Input = input,
        Organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Name).Select(o => new OptionViewModel(o.Id, o.Name)).ToListAsync(ct),
    };
}
