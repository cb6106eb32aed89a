using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.Organizations;

namespace MissionPortal.Core.Data.Configurations;

public class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(200).IsRequired();
        builder.Property(r => r.TimeZoneId).HasMaxLength(64).IsRequired();
        builder.HasIndex(r => r.Name).IsUnique();
        builder.HasIndex(r => r.Code).IsUnique();
    }
}

public class SettlementConfiguration : IEntityTypeConfiguration<Settlement>
{
    public void Configure(EntityTypeBuilder<Settlement> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(120).IsRequired();
        builder.HasIndex(s => new { s.RegionId, s.Name }).IsUnique();
        builder.HasOne(s => s.Region).WithMany().HasForeignKey(s => s.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}
