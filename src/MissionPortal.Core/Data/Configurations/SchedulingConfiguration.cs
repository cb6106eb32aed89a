using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.Core.Data.Configurations;

public class TravelTimeConfiguration : IEntityTypeConfiguration<TravelTime>
{
    public void Configure(EntityTypeBuilder<TravelTime> builder)
    {
        builder.HasVersion();
        builder.Property(t => t.FromCity).HasMaxLength(100).IsRequired();
        builder.Property(t => t.ToCity).HasMaxLength(100).IsRequired();
        builder.HasIndex(t => new { t.FromCity, t.ToCity }).IsUnique();
    }
}

public class ConflictAcknowledgementConfiguration : IEntityTypeConfiguration<ConflictAcknowledgement>
{
    public void Configure(EntityTypeBuilder<ConflictAcknowledgement> builder)
    {
        builder.Property(a => a.ConflictKey).HasMaxLength(100).IsUnicode(false).IsRequired();
        builder.Property(a => a.Reason).HasMaxLength(1000).IsRequired();
        builder.Property(a => a.Accepted).HasMaxLength(ConflictAcknowledgement.AcceptedLength);
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(200).IsRequired();
        builder.HasOne<Mission>().WithMany().HasForeignKey(a => a.MissionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.MissionId, a.ConflictKey }).IsUnique();
    }
}

public class ProgrammeReviewConfiguration : IEntityTypeConfiguration<ProgrammeReview>
{
    public void Configure(EntityTypeBuilder<ProgrammeReview> builder)
    {
        builder.Property(r => r.Comment).HasMaxLength(2000);
        builder.Property(r => r.By).HasMaxLength(200).IsRequired();
        builder.HasOne<Mission>().WithMany().HasForeignKey(r => r.MissionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.MissionId, r.AtUtc });
    }
}

public class ProgrammeChangeConfiguration : IEntityTypeConfiguration<ProgrammeChange>
{
    public void Configure(EntityTypeBuilder<ProgrammeChange> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(400).IsRequired();
        builder.Property(c => c.Before).HasMaxLength(600);
        builder.Property(c => c.After).HasMaxLength(600);
        builder.Property(c => c.By).HasMaxLength(200).IsRequired();
        builder.HasOne<Mission>().WithMany().HasForeignKey(c => c.MissionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.MissionId, c.AtUtc });
    }
}
