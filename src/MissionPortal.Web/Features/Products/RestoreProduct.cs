using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Products;

/// <summary>The agency puts a deleted product back in the catalogue.</summary>
public static class RestoreProduct
{
    public enum Outcome
    {
        Restored,
        NotFound,
        Stale,
    }

    public sealed class Handler(PortalDbContext db)
    {
        /// <summary>Restores the product as it was on the page the button was on (<paramref name="version"/>).</summary>
        public async Task<(Outcome Outcome, Product? Product)> HandleAsync(int id, Guid? version, CancellationToken ct)
        {
            var product = await db.Products.IgnoreQueryFilters().SingleOrDefaultAsync(p => p.Id == id, ct);
            if (product is null)
            {
                return (Outcome.NotFound, null);
            }

            if (product.IsStale(version))
            {
                return (Outcome.Stale, product);
            }

            db.ExpectVersion(product, version);
            product.Restore();
            return (await db.TrySaveAsync(ct) ? Outcome.Restored : Outcome.Stale, product);
        }
    }
}
