using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Regions;

public sealed record RegionRowViewModel(int Id, int Code, string Name, FederalDistrict? District, string TimeZoneId, IReadOnlyList<string> Settlements);

public sealed class RegionsPageViewModel
{
    public required IReadOnlyList<RegionRowViewModel> Regions { get; init; }

    public required AddSettlement.Input Input { get; init; }
}

/// <summary>The reference lists: the 89 regions as shipped (code, district, zone) and the cities the agency adds.</summary>
[Authorize(Policy = Policies.ManageOrganizations)]
[Route("regions")]
public class RegionsController(PortalDbContext db, IValidator<AddSettlement.Input> validator, AddSettlement.Handler add, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(new AddSettlement.Input(), ct));

    [HttpPost("settlements")]
    [OneSubmission(nameof(Index))]
    public async Task<IActionResult> AddSettlement(AddSettlement.Input input, CancellationToken ct)
    {
        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return View(nameof(Index), await PageAsync(input, ct));
        }

        await add.HandleAsync(input, ct);
        this.FlashDone(l["Добавлено: {0}.", input.Name!.Trim()].Value);
        return RedirectToAction(nameof(Index));
    }

    private async Task<RegionsPageViewModel> PageAsync(AddSettlement.Input input, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.District).ThenBy(r => r.Name)
            .Select(r => new { r.Id, r.Code, r.Name, r.District, r.TimeZoneId }).ToListAsync(ct);
        var settlements = (await db.Settlements.AsNoTracking().Select(s => new { s.RegionId, s.Name }).ToListAsync(ct))
            .ToLookup(s => s.RegionId, s => s.Name);
        return new RegionsPageViewModel
        {
            Input = input,
            Regions = [.. regions.Select(r => new RegionRowViewModel(r.Id, r.Code, r.Name, r.District, r.TimeZoneId, [.. settlements[r.Id].Order(StringComparer.CurrentCulture)]))],
        };
    }
}
