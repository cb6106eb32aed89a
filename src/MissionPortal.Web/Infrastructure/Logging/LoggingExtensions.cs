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
        // The host owns its logger (not the static Log.Logger): several portals in one process, as in the
        // tests, each write to their own data folder, and disposing one does not silence the others.
        builder.Services.AddSerilog(
            (services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            // Last, after every other enricher: no control character or calendar key reaches a sink.
            .Enrich.With<LogSafety>()
            .WriteTo.File(
                Path.Combine(logFolder, "portal-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext} {Message:lj}{NewLine}{Exception}"),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>One line per request (method, path, status, time; never headers, cookies or bodies) through the host's logger.</summary>
    public static WebApplication UsePortalRequestLogging(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<Serilog.ILogger>();
        app.UseSerilogRequestLogging(options => options.Logger = logger);
        return app;
    }
}
