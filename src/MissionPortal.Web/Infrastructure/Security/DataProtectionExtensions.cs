using Microsoft.AspNetCore.DataProtection;
using MissionPortal.Core.Data;

namespace MissionPortal.Web.Infrastructure.Security;

public static class DataProtectionExtensions
{
    /// <summary>Keys live in the database, so every replica of the portal reads the same login cookies.</summary>
    public static WebApplicationBuilder AddPortalDataProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection()
            .SetApplicationName("MissionPortal")
            .PersistKeysToDbContext<PortalDbContext>();
        return builder;
    }
}
