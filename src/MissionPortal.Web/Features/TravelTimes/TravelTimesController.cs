using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.TravelTimes;

public sealed class TravelTimeInput
{
    public string? FromCity { get; set; }

    public string? ToCity { get; set; }

    public int? Minutes { get; set; }
}

public sealed record TravelTimeViewModel(int Id, string FromCity, string ToCity, int Minutes, Guid Version);

/// <summary>The small table of road times between cities that the travel-time rule reads.</summary>
[Authorize(Policy = Policies.ScheduleMissions)]
[Route("travel-times")]
public class TravelTimesController(PortalDbContext db, ReferenceData reference, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await db.TravelTimes.AsNoTracking().OrderBy(t => t.FromCity).ThenBy(t => t.ToCity)
            .Select(t => new TravelTimeViewModel(t.Id, t.FromCity, t.ToCity, t.Minutes, t.Version)).ToListAsync(ct));

    [HttpPost("")]
    [OneSubmission(nameof(Index))]
    public async Task<IActionResult> Add(TravelTimeInput input, CancellationToken ct)
    {
        var from = input.FromCity?.Trim() ?? string.Empty;
        var to = input.ToCity?.Trim() ?? string.Empty;
        string? error = (from, to, input.Minutes) switch
        {
            ({ Length: 0 or > 100 }, _, _) or (_, { Length: 0 or > 100 }, _) => l["Укажите оба города (до 100 символов)."].Value,
            _ when string.Equals(from, to, StringComparison.OrdinalIgnoreCase) => l["Города должны различаться."].Value,
            (_, _, null or < 1 or > 2880) => l["Время в пути — от 1 до 2880 минут."].Value,
            _ => null,
        };
        if (error is null && await db.TravelTimes.AnyAsync(t => (t.FromCity == from && t.ToCity == to) || (t.FromCity == to && t.ToCity == from), ct))
        {
            error = l["Для этой пары городов время уже задано: измените его в таблице."].Value;
        }

        if (error is not null)
        {
            this.FlashRefused(error);
            return RedirectToAction(nameof(Index));
        }

        db.TravelTimes.Add(new TravelTime(from, to, input.Minutes!.Value));
        await db.SaveChangesAsync(ct);
        reference.ForgetTravelTimes();
        this.FlashDone(l["Добавлено: {0} — {1}, {2} мин.", from, to, input.Minutes.Value].Value);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Change(int id, int? minutes, Guid? version, CancellationToken ct)
    {
        var travel = await db.TravelTimes.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (travel is null)
        {
            return NotFound();
        }

        if (minutes is not (>= 1 and <= 2880))
        {
            this.FlashRefused(l["Время в пути — от 1 до 2880 минут."].Value);
            return RedirectToAction(nameof(Index));
        }

        db.ExpectVersion(travel, version);
        travel.Change(minutes.Value);
        if (!await db.TrySaveAsync(ct))
        {
            var current = await db.TravelTimes.AsNoTracking().SingleAsync(t => t.Id == id, ct);
            return this.StaleDecision(l["Сейчас сохранено: {0} — {1}, {2} мин.", current.FromCity, current.ToCity, current.Minutes], Url.Action(nameof(Index))!);
        }

        reference.ForgetTravelTimes();
        this.FlashDone(l["Сохранено: {0} — {1}, {2} мин.", travel.FromCity, travel.ToCity, minutes.Value].Value);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, Guid? version, CancellationToken ct)
    {
        var travel = await db.TravelTimes.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (travel is null)
        {
            return NotFound();
        }

        // Deleting a pair someone has just changed would drop a value the user never saw.
        if (travel.IsStale(version))
        {
            return this.StaleDecision(l["Сейчас сохранено: {0} — {1}, {2} мин.", travel.FromCity, travel.ToCity, travel.Minutes], Url.Action(nameof(Index))!);
        }

        db.ExpectVersion(travel, version);
        db.TravelTimes.Remove(travel);
        if (!await db.TrySaveAsync(ct))
        {
            return await db.TravelTimes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct) is { } current
                ? this.StaleDecision(l["Сейчас сохранено: {0} — {1}, {2} мин.", current.FromCity, current.ToCity, current.Minutes], Url.Action(nameof(Index))!)
                : NotFound();
        }

        reference.ForgetTravelTimes();
        return RedirectToAction(nameof(Index));
    }
}
