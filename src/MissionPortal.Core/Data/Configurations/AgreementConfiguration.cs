using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.Agreements;

namespace MissionPortal.Core.Data.Configurations;

public class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.HasVersion();
        builder.Property(a => a.Title).HasMaxLength(600).IsRequired();
        builder.HasOne(a => a.Mission).WithMany().HasForeignKey(a => a.MissionId).OnDelete(DeleteBehavior.ClientSetNull);
        builder.HasOne(a => a.ProgrammeItem).WithMany().HasForeignKey(a => a.ProgrammeItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Parties).WithOne().HasForeignKey(p => p.AgreementId);
        builder.HasMany(a => a.Signatories).WithOne().HasForeignKey(s => s.AgreementId);
        builder.Navigation(a => a.Parties).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Signatories).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(a => new { a.Status, a.SignedOn });
    }
}

public class AgreementPartyConfiguration : IEntityTypeConfiguration<AgreementParty>
{
    public void Configure(EntityTypeBuilder<AgreementParty> builder)
    {
        builder.HasKey(p => new { p.AgreementId, p.OrganizationId });
        builder.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class AgreementSignatoryConfiguration : IEntityTypeConfiguration<AgreementSignatory>
{
    public void Configure(EntityTypeBuilder<AgreementSignatory> builder)
    {
        builder.Property(s => s.Surname).HasMaxLength(100).IsRequired();
        builder.Property(s => s.GivenName).HasMaxLength(100).IsRequired();
        builder.Property(s => s.Patronymic).HasMaxLength(100);
        builder.Property(s => s.Position).HasMaxLength(400).IsRequired();
        builder.Ignore(s => s.FullName);
        builder.HasOne(s => s.Organization).WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Participant).WithMany().HasForeignKey(s => s.ParticipantId).OnDelete(DeleteBehavior.ClientSetNull);
    }
}
