using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.Missions;

namespace MissionPortal.Core.Data.Configurations;

public class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.HasVersion();
        builder.Property(p => p.Surname).HasMaxLength(100).IsRequired();
        builder.Property(p => p.GivenName).HasMaxLength(100).IsRequired();
        builder.Property(p => p.Patronymic).HasMaxLength(100);
        builder.Property(p => p.Position).HasMaxLength(400).IsRequired();
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Property(p => p.Phone).HasMaxLength(20).IsUnicode(false);
        builder.Property(p => p.DataBasisRecordedBy).HasMaxLength(200);
        builder.Ignore(p => p.IsAnonymised);
        builder.Ignore(p => p.FullName);
        builder.Ignore(p => p.ShortName);
        builder.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.DelegationId, p.ProtocolOrder });
        builder.HasIndex(p => new { p.Surname, p.GivenName });
    }
}

public class ItemRegistrationConfiguration : IEntityTypeConfiguration<ItemRegistration>
{
    public void Configure(EntityTypeBuilder<ItemRegistration> builder)
    {
        builder.HasKey(r => new { r.ParticipantId, r.ProgrammeItemId });
        builder.HasOne<Participant>().WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MissionPortal.Core.Domain.Programme.ProgrammeItem>().WithMany().HasForeignKey(r => r.ProgrammeItemId).OnDelete(DeleteBehavior.ClientCascade);
    }
}
