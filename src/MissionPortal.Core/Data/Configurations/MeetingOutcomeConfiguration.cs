using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.B2b;

namespace MissionPortal.Core.Data.Configurations;

public class MeetingOutcomeConfiguration : IEntityTypeConfiguration<MeetingOutcome>
{
    public void Configure(EntityTypeBuilder<MeetingOutcome> builder)
    {
        builder.HasOne<B2bParticipation>().WithMany().HasForeignKey(o => o.ParticipationId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(o => new { o.MeetingId, o.ParticipationId }).IsUnique();
        builder.HasIndex(o => o.ParticipationId);
    }
}
