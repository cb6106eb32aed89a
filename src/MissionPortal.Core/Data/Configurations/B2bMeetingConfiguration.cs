using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.B2b;

namespace MissionPortal.Core.Data.Configurations;

public class B2bMeetingConfiguration : IEntityTypeConfiguration<B2bMeeting>
{
    public void Configure(EntityTypeBuilder<B2bMeeting> builder)
    {
        // Meetings go with their request; the session is a second path, so it doesn't cascade.
        builder.HasOne<B2bSession>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.NoAction);
        builder.HasMany(m => m.Outcomes).WithOne().HasForeignKey(o => o.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Outcomes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(m => m.RequestId).IsUnique();
        builder.HasIndex(m => new { m.SessionId, m.Start, m.Table });
    }
}
