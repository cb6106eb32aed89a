using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Infrastructure.Files;

namespace MissionPortal.Web.Features.Products;

/// <summary>Removes one image or the brochure from a product, record and stored file.</summary>
public static class DeleteProductFile
{
    public sealed class Handler(PortalDbContext db, FileStore files)
    {
        /// <summary>False when the product has no such file.</summary>
        public async Task<bool> HandleAsync(Product product, Guid fileId, CancellationToken ct)
        {
            var file = await db.StoredFiles.SingleOrDefaultAsync(f => f.Id == fileId && f.ProductId == product.Id, ct);
            if (file is null)
            {
                return false;
            }

            db.StoredFiles.Remove(file);
            await db.SaveChangesAsync(ct);
            files.Delete(file);
            return true;
        }
    }
}
