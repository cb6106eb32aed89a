using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.Organizations;

namespace MissionPortal.Core.Data.Configurations;

public class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.HasVersion();
        builder.Property(o => o.Name).HasMaxLength(400).IsRequired();
        builder.Property(o => o.ShortName).HasMaxLength(200);
        builder.Property(o => o.Inn).HasMaxLength(12).IsUnicode(false);
        builder.Property(o => o.Ogrn).HasMaxLength(15).IsUnicode(false);
        builder.Property(o => o.Industry).HasMaxLength(200);
        builder.Property(o => o.Website).HasMaxLength(300);
        builder.Property(o => o.City).HasMaxLength(100);
        builder.Property(o => o.Description).HasMaxLength(4000);
        builder.Property(o => o.ContactPerson).HasMaxLength(200);
        builder.Property(o => o.ContactEmail).HasMaxLength(256);
        builder.Property(o => o.ContactPhone).HasMaxLength(20).IsUnicode(false);
        builder.Property(o => o.RejectionReason).HasMaxLength(1000);
        builder.Ignore(o => o.DisplayName);
        builder.HasOne(o => o.Region).WithMany().HasForeignKey(o => o.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Products).WithOne(p => p.Organization).HasForeignKey(p => p.OrganizationId);
        builder.Navigation(o => o.Products).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(o => o.Inn).IsUnique().HasFilter("[Inn] IS NOT NULL");
        builder.HasIndex(o => new { o.Kind, o.Status });
        // The catalogue lists the products of approved companies, whatever their kind.
        builder.HasIndex(o => o.Status);
        builder.HasIndex(o => o.Name);
        builder.Property(o => o.NameKey).HasMaxLength(400).IsRequired();
        builder.HasIndex(o => o.NameKey);
        // «Merged into» is a plain indexed number, not a foreign key: on SQLite adding one rebuilds Organizations and with
        // it the catalogue's full-text triggers; the merge command writes only ids it has just loaded.
        builder.HasIndex(o => o.MergedIntoId);
    }
}
