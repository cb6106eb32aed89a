using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionPortal.Core.Domain.Common;

namespace MissionPortal.Core.Data.Configurations;

internal static class VersionedConfiguration
{
    public static void HasVersion<T>(this EntityTypeBuilder<T> builder)
        where T : VersionedEntity
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Version).IsConcurrencyToken();
    }
}
