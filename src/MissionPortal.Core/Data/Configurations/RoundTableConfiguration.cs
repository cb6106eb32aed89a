using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.Core.Data.Configurations;

public class RoundTableConfiguration : IEntityTypeConfiguration<RoundTable>
{
    public void Configure(EntityTypeBuilder<RoundTable> builder)
    {
        builder.Property(r => r.Topic).HasMaxLength(400).IsRequired();
        builder.Property(r => r.Resolution).HasMaxLength(8000);
        builder.HasOne(r => r.Moderator).WithMany().HasForeignKey(r => r.ModeratorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Speakers).WithOne().HasForeignKey(s => s.RoundTableId);
        builder.Navigation(r => r.Speakers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(r => r.ProgrammeItemId).IsUnique();
    }
}

public class RoundTableSpeakerConfiguration : IEntityTypeConfiguration<RoundTableSpeaker>
{
    public void Configure(EntityTypeBuilder<RoundTableSpeaker> builder)
    {
        builder.HasKey(s => new { s.RoundTableId, s.ParticipantId });
        builder.Property(s => s.Talk).HasMaxLength(400);
        builder.HasOne(s => s.Participant).WithMany().HasForeignKey(s => s.ParticipantId).OnDelete(DeleteBehavior.Restrict);
    }
}
