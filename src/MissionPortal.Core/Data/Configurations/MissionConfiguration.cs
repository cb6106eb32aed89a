using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.Missions;

namespace MissionPortal.Core.Data.Configurations;

public class MissionConfiguration : IEntityTypeConfiguration<Mission>
{
    public void Configure(EntityTypeBuilder<Mission> builder)
    {
        builder.HasVersion();
        builder.Property(m => m.Title).HasMaxLength(400).IsRequired();
        builder.Property(m => m.Description).HasMaxLength(4000);
        builder.Property(m => m.SearchText).HasMaxLength(4500).IsRequired();
        builder.Property(m => m.CalendarToken).HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.HasIndex(m => m.CalendarToken).IsUnique();
        builder.Ignore(m => m.Days);
        builder.HasOne(m => m.OriginRegion).WithMany().HasForeignKey(m => m.OriginRegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.HostRegion).WithMany().HasForeignKey(m => m.HostRegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Organizers).WithOne().HasForeignKey(o => o.MissionId);
        builder.HasMany(m => m.Delegations).WithOne(d => d.Mission).HasForeignKey(d => d.MissionId);
        builder.HasMany(m => m.ProgrammeItems).WithOne(i => i.Mission).HasForeignKey(i => i.MissionId);
        builder.Navigation(m => m.Organizers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(m => m.Delegations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(m => m.ProgrammeItems).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(m => m.StartDate);
        builder.HasIndex(m => new { m.Status, m.StartDate });
    }
}
