using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.Organizations;

namespace MissionPortal.Core.Data.Configurations;

public class VenueConfiguration : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> builder)
    {
        builder.HasVersion();
        builder.Property(v => v.Name).HasMaxLength(300).IsRequired();
        builder.Property(v => v.City).HasMaxLength(100).IsRequired();
        builder.Property(v => v.Address).HasMaxLength(400).IsRequired();
        builder.HasOne(v => v.Organization).WithMany().HasForeignKey(v => v.OrganizationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(v => new { v.City, v.Name });
    }
}
