using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.Missions;

namespace MissionPortal.Core.Data.Configurations;

public class DelegationConfiguration : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> builder)
    {
        builder.HasVersion();
        builder.Property(d => d.Name).HasMaxLength(300).IsRequired();
        builder.HasMany(d => d.Participants).WithOne(p => p.Delegation).HasForeignKey(p => p.DelegationId);
        builder.HasMany(d => d.Groups).WithOne().HasForeignKey(g => g.DelegationId);
        builder.Navigation(d => d.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(d => d.Groups).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
