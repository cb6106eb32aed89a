using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.Core.Data.Configurations;

public class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> builder)
    {
        builder.HasOne(v => v.HostOrganization).WithMany().HasForeignKey(v => v.HostOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(v => v.Officials).WithOne().HasForeignKey(o => o.VisitId);
        builder.Navigation(v => v.Officials).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(v => v.ProgrammeItemId).IsUnique();
    }
}

public class VisitOfficialConfiguration : IEntityTypeConfiguration<VisitOfficial>
{
    public void Configure(EntityTypeBuilder<VisitOfficial> builder)
    {
        builder.HasKey(o => new { o.VisitId, o.ParticipantId });
        builder.HasOne(o => o.Participant).WithMany().HasForeignKey(o => o.ParticipantId).OnDelete(DeleteBehavior.Restrict);
    }
}
