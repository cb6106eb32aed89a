using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.Core.Data.Configurations;

public class ProgrammeItemConfiguration : IEntityTypeConfiguration<ProgrammeItem>
{
    public void Configure(EntityTypeBuilder<ProgrammeItem> builder)
    {
        builder.HasVersion();
        builder.Property(i => i.Title).HasMaxLength(400).IsRequired();
        builder.Property(i => i.Description).HasMaxLength(4000);
        builder.HasQueryFilter(i => i.DeletedAtUtc == null);
        builder.HasOne(i => i.Venue).WithMany().HasForeignKey(i => i.VenueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Responsible).WithMany().HasForeignKey(i => i.ResponsibleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Delegation).WithMany().HasForeignKey(i => i.DelegationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Group).WithMany().HasForeignKey(i => i.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Attendees).WithOne().HasForeignKey(a => a.ProgrammeItemId);
        builder.Navigation(i => i.Attendees).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne(i => i.Visit).WithOne().HasForeignKey<Visit>(v => v.ProgrammeItemId);
        builder.HasOne(i => i.RoundTable).WithOne().HasForeignKey<RoundTable>(r => r.ProgrammeItemId);
        builder.HasIndex(i => new { i.MissionId, i.Date, i.Start });
        builder.HasIndex(i => new { i.VenueId, i.Date });
    }
}

public class ProgrammeItemAttendeeConfiguration : IEntityTypeConfiguration<ProgrammeItemAttendee>
{
    public void Configure(EntityTypeBuilder<ProgrammeItemAttendee> builder)
    {
        builder.HasKey(a => new { a.ProgrammeItemId, a.ParticipantId });
        builder.HasOne(a => a.Participant).WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Restrict);
    }
}
