using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MissionPortal.Core.Data;
using MissionPortal.Web.Features.Programme;

namespace MissionPortal.Web.Infrastructure.Database;

/// <summary>
/// Lists that filters show on every page load and that change rarely (regions, product categories),
/// kept in memory for a minute so a page spends its SQL commands on its own data.
/// </summary>
public sealed class ReferenceData(PortalDbContext db, IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<OptionViewModel>> RegionsAsync(CancellationToken ct) =>
        (await cache.GetOrCreateAsync("reference:regions", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return (IReadOnlyList<OptionViewModel>)await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new OptionViewModel(r.Id, r.Name)).ToListAsync(ct);
        }))!;

    public async Task<IReadOnlyList<string>> ProductCategoriesAsync(CancellationToken ct) =>
        (await cache.GetOrCreateAsync("reference:categories", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return (IReadOnlyList<string>)await db.Products.AsNoTracking().Select(p => p.Category).Distinct().OrderBy(c => c).ToListAsync(ct);
        }))!;
}
