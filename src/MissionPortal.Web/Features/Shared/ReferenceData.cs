using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MissionPortal.Core.Data;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.Web.Features.Shared;

/// <summary>
/// Lists that filters show on every page load and that change rarely (regions, product categories),
/// kept in memory for a minute so a page spends its SQL commands on its own data; and the travel times
/// the programme's conflict rules read. A saved change to regions, products or travel times, on any instance,
/// makes them read again (<see cref="CacheSignals"/>: on PostgreSQL every instance hears it at commit); the
/// minute's lifetime bounds what another instance sees where there is no such signal (SQL Server).
/// </summary>
public sealed class ReferenceData(PortalDbContext db, IMemoryCache cache, CacheSignals signals)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private string TravelTimesKey => "reference:travel-times:" + signals.Generation;

    public async Task<IReadOnlyList<OptionViewModel>> RegionsAsync(CancellationToken ct) =>
        (await cache.GetOrCreateAsync("reference:regions:" + signals.Generation, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return (IReadOnlyList<OptionViewModel>)await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new OptionViewModel(r.Id, r.Name)).ToListAsync(ct);
        }))!;

    public async Task<IReadOnlyList<string>> ProductCategoriesAsync(CancellationToken ct) =>
        (await cache.GetOrCreateAsync("reference:categories:" + signals.Generation, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return (IReadOnlyList<string>)await db.Products.AsNoTracking().Select(p => p.Category).Distinct().OrderBy(c => c).ToListAsync(ct);
        }))!;

    /// <summary>Minutes between two cities, both ways (the first entry wins where a pair is given twice).</summary>
    public async Task<IReadOnlyDictionary<(string From, string To), int>> TravelTimesAsync(CancellationToken ct) =>
        (await cache.GetOrCreateAsync(TravelTimesKey, async entry =>
        {
            // The registry's own edits forget the entry at once; the lifetime bounds what another instance sees.
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            var rows = await db.TravelTimes.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.FromCity, t.ToCity, t.Minutes }).ToListAsync(ct);
            return (IReadOnlyDictionary<(string From, string To), int>)rows
                .SelectMany(t => new[] { (Pair: (t.FromCity, t.ToCity), t.Minutes), (Pair: (t.ToCity, t.FromCity), t.Minutes) })
                .DistinctBy(t => t.Pair)
                .ToDictionary(t => t.Pair, t => t.Minutes);
        }))!;

    /// <summary>Called after the travel-time registry saves a change.</summary>
    public void ForgetTravelTimes() => cache.Remove(TravelTimesKey);
}
