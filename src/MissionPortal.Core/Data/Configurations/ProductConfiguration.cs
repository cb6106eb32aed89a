using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.Organizations;

namespace MissionPortal.Core.Data.Configurations;

public class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.HasVersion();
        builder.Property(p => p.Name).HasMaxLength(300).IsRequired();
        builder.Property(p => p.Category).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Description).HasMaxLength(4000).IsRequired();
        builder.Property(p => p.Okpd2Code).HasMaxLength(20).IsUnicode(false);
        builder.Property(p => p.SupplyTerms).HasMaxLength(2000);
        builder.Property(p => p.SearchText).HasMaxLength(4600).IsRequired();
        builder.Ignore(p => p.IsDeleted);
        builder.HasQueryFilter(p => p.DeletedAtUtc == null);
        builder.HasIndex(p => new { p.OrganizationId, p.Name });
        // The catalogue: its count joins approved companies to their listed products without reading a row (OrganizationId,
        // DeletedAtUtc); its page walks the products in name order, all of them or one category's, and stops after the page.
        builder.HasIndex(p => new { p.OrganizationId, p.DeletedAtUtc });
        builder.HasIndex(p => new { p.Name, p.Id });
        // One category's page walks this index in name order; the category filter's choices (the distinct categories of
        // listed products, cached for a minute) are read from it alone, DeletedAtUtc included — reading every product's
        // row took 150–300 ms at 100 times the seed data. Not (DeletedAtUtc, Category): SQLite then took that index for
        // the whole catalogue's "DeletedAtUtc IS NULL" and sorted every product instead of walking the name index.
        builder.HasIndex(p => new { p.Category, p.Name, p.DeletedAtUtc });
    }
}
