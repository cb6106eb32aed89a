using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.B2b;

namespace MissionPortal.Core.Data.Configurations;

public class MeetingRequestConfiguration : IEntityTypeConfiguration<MeetingRequest>
{
    public const int MessageLength = 1000;

    public void Configure(EntityTypeBuilder<MeetingRequest> builder)
    {
        builder.HasVersion();
        builder.Property(r => r.Message).HasMaxLength(MessageLength);
        builder.HasOne<B2bSession>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
        // Requests go with their session; the participations are a second path, so they don't cascade.
        builder.HasOne(r => r.From).WithMany().HasForeignKey(r => r.FromId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne(r => r.To).WithMany().HasForeignKey(r => r.ToId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne(r => r.Meeting).WithOne(m => m.Request).HasForeignKey<B2bMeeting>(m => m.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.FromId, r.ToId }).IsUnique();
        builder.HasIndex(r => r.ToId);
        builder.HasIndex(r => new { r.SessionId, r.Status });
    }
}
