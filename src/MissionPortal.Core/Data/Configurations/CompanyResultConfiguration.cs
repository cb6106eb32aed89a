using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.Results;

namespace MissionPortal.Core.Data.Configurations;

public class CompanyResultConfiguration : IEntityTypeConfiguration<CompanyResult>
{
    public void Configure(EntityTypeBuilder<CompanyResult> builder)
    {
        builder.HasVersion();
        builder.Property(r => r.Notes).HasMaxLength(2000);
        builder.Property(r => r.UpdatedBy).HasMaxLength(200);
        builder.HasOne(r => r.Mission).WithMany().HasForeignKey(r => r.MissionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Organization).WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.MissionId, r.OrganizationId }).IsUnique();
    }
}
