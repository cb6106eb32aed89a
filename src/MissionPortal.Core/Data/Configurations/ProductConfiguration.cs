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
        builder.HasIndex(p => new { p.Category, p.Name });
        // The category filter's choices (the distinct categories of listed products, cached for a minute): read from this
        // index alone. Without it every product's row was read, 150–300 ms at 100 times the seed data, and every request
        // that found the cache empty in the same moment ran it.
        builder.HasIndex(p => new { p.DeletedAtUtc, p.Category });
    }
}
