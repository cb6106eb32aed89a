using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.Agreements;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Organizations;

namespace MissionPortal.Core.Data.Configurations;

public class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.ContentType).HasMaxLength(100).IsUnicode(false).IsRequired();
        builder.Property(f => f.OriginalName).HasMaxLength(260).IsRequired();
        builder.Ignore(f => f.StoredName);
        builder.Ignore(f => f.ThumbnailName);
        builder.HasOne<Organization>().WithMany().HasForeignKey(f => f.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Product>().WithMany().HasForeignKey(f => f.ProductId).OnDelete(DeleteBehavior.ClientCascade);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(f => f.AgreementId).OnDelete(DeleteBehavior.ClientCascade);
        builder.HasIndex(f => new { f.ProductId, f.Kind });
        builder.HasIndex(f => new { f.AgreementId, f.Kind });
    }
}

public class CompanyJoinRequestConfiguration : IEntityTypeConfiguration<CompanyJoinRequest>
{
    public void Configure(EntityTypeBuilder<CompanyJoinRequest> builder)
    {
        builder.Property(r => r.UserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.DecidedBy).HasMaxLength(200);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.OrganizationId, r.Status });
    }
}
