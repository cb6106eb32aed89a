using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Core.Domain.Missions;

namespace MissionPortal.Core.Data.Configurations;

public class B2bSessionConfiguration : IEntityTypeConfiguration<B2bSession>
{
    public void Configure(EntityTypeBuilder<B2bSession> builder)
    {
        builder.HasVersion();
        // Deleting the programme item deletes its session, and with it participations, requests and meetings.
        builder.HasOne(s => s.ProgrammeItem).WithOne().HasForeignKey<B2bSession>(s => s.ProgrammeItemId).OnDelete(DeleteBehavior.Cascade);
        // The mission is reached through the item too: a second cascade path SQL Server refuses.
        builder.HasOne<Mission>().WithMany().HasForeignKey(s => s.MissionId).OnDelete(DeleteBehavior.NoAction);
        builder.OwnsMany(s => s.Breaks, b => b.ToJson());
        builder.Navigation(s => s.Breaks).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(s => s.MissionId);
    }
}
