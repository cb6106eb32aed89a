using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.B2b;

namespace MissionPortal.Core.Data.Configurations;

public class B2bParticipationConfiguration : IEntityTypeConfiguration<B2bParticipation>
{
    public const int TextLength = 2000;

    public void Configure(EntityTypeBuilder<B2bParticipation> builder)
    {
        builder.HasVersion();
        builder.HasOne(p => p.Session).WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Offers).HasMaxLength(TextLength);
        builder.Property(p => p.Needs).HasMaxLength(TextLength);
        builder.Property(p => p.ContactPerson).HasMaxLength(200).IsRequired();
        builder.Property(p => p.ContactPhone).HasMaxLength(20);
        builder.PrimitiveCollection(p => p.OfferCategories);
        builder.PrimitiveCollection(p => p.NeedCategories);
        builder.OwnsMany(p => p.Breaks, b => b.ToJson());
        builder.Navigation(p => p.Breaks).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(p => new { p.SessionId, p.OrganizationId }).IsUnique();
        builder.HasIndex(p => p.OrganizationId);
    }
}
