using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.TravelTimes;

public sealed record TravelTimeViewModel(int Id, string FromCity, string ToCity, int Minutes, Guid Version);

/// <summary>The small table of road times between cities that the travel-time rule reads.</summary>
[Authorize(Policy = Policies.ScheduleMissions)]
[Route("travel-times")]
public class TravelTimesController(PortalDbContext db, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await db.TravelTimes.AsNoTracking().OrderBy(t => t.FromCity).ThenBy(t => t.ToCity)
            .Select(t => new TravelTimeViewModel(t.Id, t.FromCity, t.ToCity, t.Minutes, t.Version)).ToListAsync(ct));

    [HttpPost("")]
    [OneSubmission(nameof(Index))]
    public async Task<IActionResult> Add(
        AddTravelTime.Input input,
        [FromServices] IValidator<AddTravelTime.Input> validator,
        [FromServices] AddTravelTime.Handler handler,
        CancellationToken ct)
    {
        if ((await validator.ValidateAsync(input, ct)).Errors.FirstOrDefault() is { } error)
        {
            this.FlashRefused(error.ErrorMessage);
            return RedirectToAction(nameof(Index));
        }

        await handler.HandleAsync(input, ct);
        this.FlashDone(l["Добавлено: {0} — {1}, {2} мин.", input.From, input.To, input.Minutes!.Value].Value);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Change(int id, int? minutes, Guid? version, [FromServices] ChangeTravelTime.Handler handler, CancellationToken ct)
    {
        var (outcome, current) = await handler.HandleAsync(id, minutes, version, ct);
        switch (outcome)
        {
            case ChangeTravelTime.Outcome.NotFound:
                return NotFound();
            case ChangeTravelTime.Outcome.OutOfRange:
                this.FlashRefused(l["Время в пути — от 1 до 2880 минут."].Value);
                return RedirectToAction(nameof(Index));
            case ChangeTravelTime.Outcome.Stale:
                return Stale(current!);
            default:
                this.FlashDone(l["Сохранено: {0} — {1}, {2} мин.", current!.FromCity, current.ToCity, current.Minutes].Value);
                return RedirectToAction(nameof(Index));
        }
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, Guid? version, [FromServices] DeleteTravelTime.Handler handler, CancellationToken ct)
    {
        var (outcome, current) = await handler.HandleAsync(id, version, ct);
        return outcome switch
        {
            DeleteTravelTime.Outcome.NotFound => NotFound(),
            DeleteTravelTime.Outcome.Stale => Stale(current!),
            _ => RedirectToAction(nameof(Index)),
        };
    }

    private ViewResult Stale(TravelTime current) =>
        this.StaleDecision(l["Сейчас сохранено: {0} — {1}, {2} мин.", current.FromCity, current.ToCity, current.Minutes], Url.Action(nameof(Index))!);
}
