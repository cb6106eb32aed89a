using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.Mail;

namespace MissionPortal.Core.Data.Configurations;

public class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Kind).HasMaxLength(OutboxMessage.MaxKind);
        builder.Property(m => m.ToAddress).HasMaxLength(OutboxMessage.MaxAddress);
        builder.Property(m => m.ToName).HasMaxLength(OutboxMessage.MaxAddress);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.MaxSubject);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxError);
        builder.Property(m => m.ClaimedBy).HasMaxLength(100);
        builder.Property(m => m.AttachmentName).HasMaxLength(200);
        builder.Property(m => m.AttachmentContentType).HasMaxLength(100);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.MessageKey).IsUnique();
        builder.Property(m => m.OnceKey).HasMaxLength(200);
        builder.HasIndex(m => m.OnceKey).IsUnique();
        // The sender's question: unsent rows, soonest first.
        builder.HasIndex(m => new { m.SentAtUtc, m.NextAttemptAtUtc });
    }
}
