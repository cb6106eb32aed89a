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

public sealed class VenueInput
{
    public string? Name { get; set; }

    public string? City { get; set; }

    public string? Address { get; set; }

    public int? Capacity { get; set; }

    public int? OrganizationId { get; set; }

    /// <summary>The version the form was opened on; a newer one in the database means someone else saved first.</summary>
    public Guid? Version { get; set; }
}

public sealed class VenueInputValidator : AbstractValidator<VenueInput>
{
    public VenueInputValidator(PortalDbContext db, IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Укажите название."]).MaximumLength(300).WithMessage(l["Название не длиннее {0} символов.", 300]);
        RuleFor(x => x.City).NotEmpty().WithMessage(l["Укажите город."]).MaximumLength(100).WithMessage(l["Город не длиннее {0} символов.", 100]);
        RuleFor(x => x.Address).NotEmpty().WithMessage(l["Укажите адрес."]).MaximumLength(400).WithMessage(l["Адрес не длиннее {0} символов.", 400]);
        RuleFor(x => x.Capacity).InclusiveBetween(1, 100_000).When(x => x.Capacity is not null).WithMessage(l["Вместимость — от 1 до 100 000 человек."]);
        RuleFor(x => x.OrganizationId).MustAsync(async (id, ct) => id is null || await db.Organizations.AnyAsync(o => o.Id == id, ct))
            .WithMessage(l["Такой организации нет."]);
    }
}

public sealed record VenueListItemViewModel(int Id, string Name, string City, string Address, int? Capacity, string? Organization);

public sealed record DeletedVenueViewModel(int Id, string Name, string City, string Address, DateTime DeletedAtUtc, int Items, Guid Version);

public sealed class VenueFormViewModel
{
    public int? Id { get; init; }

    public required VenueInput Input { get; init; }

    public IReadOnlyList<OptionViewModel> Organizations { get; init; } = [];
}

/// <summary>The registry of venues (площадки): name, address, city, capacity.</summary>
[Authorize(Policy = Policies.ViewMissions)]
public class VenuesController(PortalDbContext db, IValidator<VenueInput> validator, IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await db.Venues.AsNoTracking().Where(v => v.DeletedAtUtc == null).OrderBy(v => v.City).ThenBy(v => v.Name)
            .Select(v => new VenueListItemViewModel(v.Id, v.Name, v.City, v.Address, v.Capacity, v.Organization!.Name))
            .ToListAsync(ct));

    [HttpGet]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Create(CancellationToken ct) => View("Form", await FormAsync(null, new VenueInput { City = "Красноярск" }, ct));

    [HttpPost]
    [Authorize(Policy = Policies.ScheduleMissions)]
    [OneSubmission(nameof(Index))]
    public async Task<IActionResult> Create(VenueInput input, CancellationToken ct)
    {
        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return View("Form", await FormAsync(null, input, ct));
        }

        var venue = new Venue(input.Name!.Trim(), input.City!.Trim(), input.Address!.Trim(), input.Capacity);
        venue.Update(venue.Name, venue.City, venue.Address, venue.Capacity, input.OrganizationId);
        db.Venues.Add(venue);
        await db.SaveChangesAsync(ct);
        this.FlashDone(l["Площадка «{0}» добавлена.", venue.Name].Value);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var venue = await db.Venues.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        return venue is null
            ? NotFound()
            : View("Form", await FormAsync(id, new VenueInput { Name = venue.Name, City = venue.City, Address = venue.Address, Capacity = venue.Capacity, OrganizationId = venue.OrganizationId, Version = venue.Version }, ct));
    }

    [HttpPost]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Edit(int id, VenueInput input, CancellationToken ct)
    {
        var venue = await db.Venues.SingleOrDefaultAsync(v => v.Id == id, ct);
        if (venue is null)
        {
            return NotFound();
        }

        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return View("Form", await FormAsync(id, input, ct));
        }

        db.ExpectFormVersion(venue, input.Version);
        venue.Update(input.Name!.Trim(), input.City!.Trim(), input.Address!.Trim(), input.Capacity, input.OrganizationId);
        if (!await db.TrySaveAsync(ct))
        {
            var current = await db.Venues.AsNoTracking().SingleAsync(v => v.Id == id, ct);
            ModelState.AddModelError(string.Empty, l["Пока вы редактировали, площадку сохранил другой сотрудник: сейчас это «{0}», {1}, {2}, вместимость {3}. Проверьте поля и сохраните ещё раз, чтобы записать вашу версию.", current.Name, current.City, current.Address, current.Capacity?.ToString(System.Globalization.CultureInfo.CurrentCulture) ?? "—"]);
            input.Version = current.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Form", await FormAsync(id, input, ct));
        }

        this.FlashDone(l["Площадка «{0}» сохранена.", venue.Name].Value);
        return RedirectToAction(nameof(Index));
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
    public async Task<IActionResult> Delete(int id, Guid? version, CancellationToken ct)
    {
        var venue = await db.Venues.SingleOrDefaultAsync(v => v.Id == id, ct);
        if (venue is null)
        {
            return NotFound();
        }

        if (venue.IsStale(version) || venue.DeletedAtUtc is not null)
        {
            return await StaleVenueAsync(id, ct);
        }

        db.ExpectVersion(venue, version);
        venue.Delete(clock.GetUtcNow().UtcDateTime);
        if (!await db.TrySaveAsync(ct))
        {
            return await StaleVenueAsync(id, ct);
        }

        this.FlashDone(l["Площадка «{0}» удалена из реестра; пункты программы, которые там проходят, её сохраняют. Восстановить — «Удалённые площадки».", venue.Name].Value);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Restore(int id, Guid? version, CancellationToken ct)
    {
        var venue = await db.Venues.SingleOrDefaultAsync(v => v.Id == id, ct);
        if (venue is null)
        {
            return NotFound();
        }

        if (venue.IsStale(version) || venue.DeletedAtUtc is null)
        {
            return await StaleVenueAsync(id, ct);
        }

        db.ExpectVersion(venue, version);
        venue.Restore();
        if (!await db.TrySaveAsync(ct))
        {
            return await StaleVenueAsync(id, ct);
        }

        this.FlashDone(l["Площадка «{0}» восстановлена.", venue.Name].Value);
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The delete or restore button was on a page older than the venue: say what it is now.</summary>
    private async Task<IActionResult> StaleVenueAsync(int id, CancellationToken ct)
    {
        var current = await db.Venues.AsNoTracking().SingleAsync(v => v.Id == id, ct);
        var state = current.DeletedAtUtc is null ? l["в реестре"] : l["в корзине удалённых"];
        return this.StaleDecision(l["Площадка «{0}», {1}, {2}: сейчас {3}.", current.Name, current.City, current.Address, state],
            Url.Action(current.DeletedAtUtc is null ? nameof(Edit) : nameof(Deleted), current.DeletedAtUtc is null ? new { id } : null)!);
    }

    private async Task<VenueFormViewModel> FormAsync(int? id, VenueInput input, CancellationToken ct) => new()
    {
        Id = id,
        Input = input,
        Organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Name).Select(o => new OptionViewModel(o.Id, o.Name)).ToListAsync(ct),
    };
}
