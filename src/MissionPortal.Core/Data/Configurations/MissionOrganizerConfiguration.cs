using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.Missions;

namespace MissionPortal.Core.Data.Configurations;

public class MissionOrganizerConfiguration : IEntityTypeConfiguration<MissionOrganizer>
{
    public void Configure(EntityTypeBuilder<MissionOrganizer> builder)
    {
        builder.HasOne(o => o.Organization).WithMany().HasForeignKey(o => o.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.MissionId, o.OrganizationId }).IsUnique();
    }
}
