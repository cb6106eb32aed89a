using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Notifications;

namespace MissionPortal.Core.Data.Configurations;

public class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.UserId).HasMaxLength(450);
        builder.Property(n => n.Kind).HasMaxLength(Notification.MaxKind);
        builder.Property(n => n.Title).HasMaxLength(Notification.MaxTitle);
        builder.Property(n => n.Path).HasMaxLength(Notification.MaxPath);
        builder.Property(n => n.OnceKey).HasMaxLength(200);
        builder.HasIndex(n => n.OnceKey).IsUnique();
        builder.Ignore(n => n.IsRead);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        // The header's question: a person's unread notices; the list: theirs, newest first.
        builder.HasIndex(n => new { n.UserId, n.ReadAtUtc });
        builder.HasIndex(n => new { n.UserId, n.CreatedAtUtc });
    }
}

public class NotificationOptOutConfiguration : IEntityTypeConfiguration<NotificationOptOut>
{
    public void Configure(EntityTypeBuilder<NotificationOptOut> builder)
    {
        builder.HasKey(o => new { o.UserId, o.Kind });
        builder.Property(o => o.UserId).HasMaxLength(450);
        builder.Property(o => o.Kind).HasMaxLength(Notification.MaxKind);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
