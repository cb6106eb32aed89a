using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.Core.Data.Configurations;

public class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> builder)
    {
        builder.Property(a => a.By).HasMaxLength(200).IsRequired();
        // Deleting an item deletes its attendance; a person's row goes with the mission through the item
        // (a second cascade path from the mission through the participant is one SQL Server refuses).
        builder.HasOne<ProgrammeItem>().WithMany().HasForeignKey(a => a.ProgrammeItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ProgrammeItemId, a.ParticipantId }).IsUnique();
        builder.HasIndex(a => a.ParticipantId);
    }
}
