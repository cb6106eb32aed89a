using MissionPortal.Web.Infrastructure.Database;
using Serilog;

namespace MissionPortal.Web.Infrastructure.Logging;

public static class LoggingExtensions
{
    /// <summary>
    /// Serilog: levels, enrichers and the console sink come from appsettings.json ("Serilog");
    /// the rolling file goes into the data folder (logs/portal-YYYYMMDD.log).
    /// </summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        var logFolder = Path.Combine(StorageOptions.ResolveDataPath(builder.Configuration, builder.Environment.ContentRootPath), "logs");
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.File(
                Path.Combine(logFolder, "portal-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext} {Message:lj}{NewLine}{Exception}"));
        return builder;
    }
}
