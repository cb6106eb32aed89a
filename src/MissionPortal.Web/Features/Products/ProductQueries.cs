using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;

namespace MissionPortal.Web.Features.Products;

/// <summary>What the product pages read: a company's list and a product's files.</summary>
public sealed class ProductQueries(PortalDbContext db)
{
    /// <summary>The company's products, the deleted ones too if asked (last); null for no such company.</summary>
    public async Task<ProductsPageViewModel?> PageAsync(int companyId, bool showDeleted, CancellationToken ct)
    {
        var company = await db.Organizations.AsNoTracking().Where(o => o.Id == companyId).Select(o => o.Name).SingleOrDefaultAsync(ct);
        if (company is null)
        {
            return null;
        }

        var products = showDeleted ? db.Products.IgnoreQueryFilters() : db.Products;
        return new ProductsPageViewModel
        {
            CompanyId = companyId,
            CompanyName = company,
            ShowDeleted = showDeleted,
            Products = await products.AsNoTracking().Where(p => p.OrganizationId == companyId)
                .OrderBy(p => p.DeletedAtUtc != null).ThenBy(p => p.Name)
                .Select(p => new ProductListItemViewModel
                {
                    Id = p.Id,
                    Name = p.Name,
                    Category = p.Category,
                    Okpd2Code = p.Okpd2Code,
                    Deleted = p.DeletedAtUtc != null,
                    Version = p.Version,
                    ImageId = db.StoredFiles.Where(f => f.ProductId == p.Id && f.Kind == StoredFileKind.ProductImage).OrderBy(f => f.CreatedAtUtc).Select(f => (Guid?)f.Id).FirstOrDefault(),
                })
                .ToListAsync(ct),
        };
    }

    public async Task<ProductFormViewModel> FormAsync(Product product, SaveProduct.Input input, CancellationToken ct) => new()
    {
        CompanyId = product.OrganizationId,
        Id = product.Id,
        Input = input,
        Files = await db.StoredFiles.AsNoTracking().Where(f => f.ProductId == product.Id).OrderBy(f => f.CreatedAtUtc)
            .Select(f => new ProductFileViewModel(f.Id, f.Kind, f.OriginalName, f.HasThumbnail)).ToListAsync(ct),
    };
}
