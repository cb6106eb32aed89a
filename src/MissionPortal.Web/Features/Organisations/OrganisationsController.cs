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

namespace MissionPortal.Web.Features.Organisations;

public sealed class OrganisationFormViewModel
{
    public int? Id { get; init; }

    public required SaveOrganisation.Input Input { get; init; }

    public required IReadOnlyList<OptionViewModel> Regions { get; init; }
}

public sealed record MergeCandidateViewModel(int Id, string Name, string Region, string? Inn, Guid Version, bool Likely);

public sealed class MergePageViewModel
{
    public required OrganisationListItemViewModel Duplicate { get; init; }

    public Guid DuplicateVersion { get; init; }

    public string? Q { get; init; }

    public required IReadOnlyList<MergeCandidateViewModel> Candidates { get; init; }

    public int? SurvivorId { get; init; }
}

/// <summary>The agency's registry of organisations: list, create, edit, merge duplicates. HTTP only; the commands decide.</summary>
[Authorize(Policy = Policies.ManageOrganizations)]
[Route("organisations")]
public class OrganisationsController(
    PortalDbContext db,
    ReferenceData reference,
    OrganisationList list,
    IValidator<SaveOrganisation.Input> saveValidator,
    SaveOrganisation.Handler save,
    IValidator<MergeOrganisations.Input> mergeValidator,
    MergeOrganisations.Handler merge,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] OrganisationFilter filter, CancellationToken ct)
    {
        if (filter.Kind is { } kind && !Enum.IsDefined(kind))
        {
            filter.Kind = null;
        }

        if (filter.Status is { } status && !Enum.IsDefined(status))
        {
            filter.Status = null;
        }

        var (items, total) = await list.FindAsync(filter, ct);
        return View(new OrganisationListViewModel { Filter = filter, Items = items, Total = total, Regions = await reference.RegionsAsync(ct) });
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken ct) =>
        View("Form", await FormAsync(null, new SaveOrganisation.Input { Kind = OrganizationKind.Authority }, ct));

    [HttpPost("new")]
    [OneSubmission(nameof(Index))]
    public async Task<IActionResult> Create(SaveOrganisation.Input input, CancellationToken ct)
    {
        input.Id = null;
        (await saveValidator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return View("Form", await FormAsync(null, input, ct));
        }

        await save.HandleAsync(input, ct);
        this.FlashDone(l["Организация «{0}» добавлена в реестр.", input.Name!.Trim()].Value);
        return RedirectToAction(nameof(Index), new { q = input.Name!.Trim() });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.Status != OrganizationStatus.Merged, ct);
        return organization is null ? NotFound() : View("Form", await FormAsync(id, SaveOrganisation.Input.From(organization), ct));
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, SaveOrganisation.Input input, CancellationToken ct)
    {
        input.Id = id;
        (await saveValidator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return await db.Organizations.AnyAsync(o => o.Id == id && o.Status != OrganizationStatus.Merged, ct)
                ? View("Form", await FormAsync(id, input, ct))
                : NotFound();
        }

        var (outcome, _) = await save.HandleAsync(input, ct);
        switch (outcome)
        {
            case SaveOrganisation.Outcome.NotFound:
                return NotFound();
            case SaveOrganisation.Outcome.Stale:
                var current = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.Name, o.Inn, Region = o.Region!.Name }).SingleAsync(ct);
                return this.StaleDecision(l["Запись уже изменили: сейчас сохранено «{0}», {1}, ИНН {2}.", current.Name, current.Region, current.Inn ?? "—"], Url.Action(nameof(Edit), new { id })!);
            default:
                this.FlashDone(l["Сохранено: «{0}».", input.Name!.Trim()].Value);
                return RedirectToAction(nameof(Index), new { q = input.Name!.Trim() });
        }
    }

    [HttpGet("{id:int}/merge")]
    public async Task<IActionResult> Merge(int id, string? q, CancellationToken ct)
    {
        var page = await MergePageAsync(id, q, null, ct);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("{id:int}/merge")]
    public async Task<IActionResult> Merge(int id, MergeOrganisations.Input input, CancellationToken ct)
    {
        input.DuplicateId = id;
        (await mergeValidator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            var page = await MergePageAsync(id, null, input.SurvivorId, ct);
            return page is null ? NotFound() : View(page);
        }

        switch (await merge.HandleAsync(input, ct))
        {
            case MergeOrganisations.Outcome.NotFound:
                return NotFound();
            case MergeOrganisations.Outcome.Stale:
                return this.StaleDecision(l["Одну из организаций только что изменили: проверьте обе записи и повторите объединение."], Url.Action(nameof(Merge), new { id })!);
            default:
                var survivor = await db.Organizations.AsNoTracking().Where(o => o.Id == input.SurvivorId).Select(o => o.Name).SingleAsync(ct);
                this.FlashDone(l["Дубликат объединён с «{0}»: все ссылки теперь ведут на эту запись.", survivor].Value);
                return RedirectToAction(nameof(Index), new { q = survivor });
        }
    }

    private async Task<OrganisationFormViewModel> FormAsync(int? id, SaveOrganisation.Input input, CancellationToken ct) =>
        new() { Id = id, Input = input, Regions = await reference.RegionsAsync(ct) };

    /// <summary>The duplicate and the records it may be merged into: same name or ИНН first, then those the search finds.</summary>
    private async Task<MergePageViewModel?> MergePageAsync(int id, string? q, int? survivorId, CancellationToken ct)
    {
        var duplicate = await db.Organizations.AsNoTracking().Where(o => o.Id == id && o.Status != OrganizationStatus.Merged)
            .Select(o => new { Item = new OrganisationListItemViewModel(o.Id, o.Name, o.ShortName, o.Kind, o.Region!.Name, o.Status, o.Inn, o.City), o.NameKey, o.Version })
            .SingleOrDefaultAsync(ct);
        if (duplicate is null)
        {
            return null;
        }

        var key = OrganizationNames.Key(q);
        var candidates = await db.Organizations.AsNoTracking()
            .Where(o => o.Id != id && o.Status != OrganizationStatus.Merged)
            .Where(o => o.NameKey == duplicate.NameKey || (duplicate.Item.Inn != null && o.Inn == duplicate.Item.Inn) || o.Id == survivorId
                || (key != string.Empty && o.NameKey.Contains(key)))
            .OrderBy(o => o.NameKey).Take(50)
            .Select(o => new MergeCandidateViewModel(o.Id, o.Name, o.Region!.Name, o.Inn, o.Version, o.NameKey == duplicate.NameKey))
            .ToListAsync(ct);
        return new MergePageViewModel
        {
            Duplicate = duplicate.Item,
            DuplicateVersion = duplicate.Version,
            Q = q,
            Candidates = [.. candidates.OrderByDescending(c => c.Likely)],
            SurvivorId = survivorId,
        };
    }
}
