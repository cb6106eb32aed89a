using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Organisations;

/// <summary>The registry's filters, as the query string carries them.</summary>
public sealed class OrganisationFilter
{
    public string? Q { get; set; }

    public OrganizationKind? Kind { get; set; }

    public int? RegionId { get; set; }

    public OrganizationStatus? Status { get; set; }

    public int Page { get; set; } = 1;
}

public sealed record OrganisationListItemViewModel(int Id, string Name, string? ShortName, OrganizationKind Kind, string Region, OrganizationStatus Status, string? Inn, string? City);

public sealed class OrganisationListViewModel
{
    public required OrganisationFilter Filter { get; init; }

    public required IReadOnlyList<OrganisationListItemViewModel> Items { get; init; }

    public required IReadOnlyList<OptionViewModel> Regions { get; init; }

    public int Total { get; init; }

    public int Pages => Math.Max(1, (Total + OrganisationList.PageSize - 1) / OrganisationList.PageSize);
}

/// <summary>
/// The registry: every organisation but merged duplicates (unless asked for), found by any part of its name
/// (case, «ё», quotes and the legal form ignored) or by its ИНН, filtered by kind, region and status.
/// </summary>
public sealed class OrganisationList(PortalDbContext db)
{
    public const int PageSize = 50;

    public async Task<(IReadOnlyList<OrganisationListItemViewModel> Items, int Total)> FindAsync(OrganisationFilter filter, CancellationToken ct)
    {
        var query = db.Organizations.AsNoTracking();
        query = filter.Status is { } status ? query.Where(o => o.Status == status) : query.Where(o => o.Status != OrganizationStatus.Merged);
        if (filter.Kind is { } kind)
        {
            query = query.Where(o => o.Kind == kind);
        }

        if (filter.RegionId is { } regionId)
        {
            query = query.Where(o => o.RegionId == regionId);
        }

        var text = filter.Q?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            var digits = text.All(char.IsAsciiDigit);
            var key = OrganizationNames.Key(text);
            query = digits
                ? query.Where(o => o.Inn == text || o.Ogrn == text || o.NameKey.Contains(key))
                : query.Where(o => o.NameKey.Contains(key));
        }

        var total = await query.CountAsync(ct);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await query.OrderBy(o => o.NameKey).ThenBy(o => o.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(o => new OrganisationListItemViewModel(o.Id, o.Name, o.ShortName, o.Kind, o.Region!.Name, o.Status, o.Inn, o.City))
            .ToListAsync(ct);
        filter.Page = page;
        return (items, total);
    }
}
