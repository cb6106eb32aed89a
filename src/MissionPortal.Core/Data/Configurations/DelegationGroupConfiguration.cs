using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.Missions;

namespace MissionPortal.Core.Data.Configurations;

public class DelegationGroupConfiguration : IEntityTypeConfiguration<DelegationGroup>
{
    /// <summary>The join table of groups and their members (GroupId, ParticipantId), a shared-type entity.</summary>
    public const string MemberTable = "DelegationGroupMember";

    public void Configure(EntityTypeBuilder<DelegationGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(300).IsRequired();
        builder.HasMany(g => g.Members).WithMany()
            .UsingEntity(
                MemberTable,
                r => r.HasOne(typeof(Participant)).WithMany().HasForeignKey("ParticipantId").OnDelete(DeleteBehavior.Cascade),
                l => l.HasOne(typeof(DelegationGroup)).WithMany().HasForeignKey("GroupId").OnDelete(DeleteBehavior.ClientCascade));
        builder.Navigation(g => g.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
