using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Products;

/// <summary>Takes a product out of the catalogue; it is kept, and the agency can restore it.</summary>
public static class DeleteProduct
{
    public enum Outcome
    {
        Deleted,
        Stale,
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock)
    {
        /// <summary>Deletes the product as it was on the page the button was on (<paramref name="version"/>).</summary>
        public async Task<Outcome> HandleAsync(Product product, Guid? version, CancellationToken ct)
        {
            if (product.IsStale(version))
            {
                return Outcome.Stale;
            }

            db.ExpectVersion(product, version);
            product.Delete(clock.GetUtcNow().UtcDateTime);
            return await db.TrySaveAsync(ct) ? Outcome.Deleted : Outcome.Stale;
        }
    }
}
