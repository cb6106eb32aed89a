using MissionPortal.Web.Infrastructure.Database;
using Serilog;

namespace MissionPortal.Web.Infrastructure.Logging;

public static class LoggingExtensions
{
    /// <summary>How many daily log files are kept: older ones are deleted as a new day's file starts (the privacy page quotes it).</summary>
    public const int RetainedDays = 31;

    /// <summary>
    /// Serilog: levels, enrichers and the console sink come from appsettings.json ("Serilog");
    /// the rolling file goes into the data folder (logs/portal-YYYYMMDD.log). Several instances sharing one data folder
    /// each set Instance:Name and write their own file (logs/portal-NAME-YYYYMMDD.log): two processes appending to one
    /// file would overwrite each other's lines.
    /// </summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        var logFolder = Path.Combine(StorageOptions.ResolveDataPath(builder.Configuration, builder.Environment.ContentRootPath), "logs");
        var instance = InstanceName(builder.Configuration["Instance:Name"]);
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
                Path.Combine(logFolder, instance is null ? "portal-.log" : $"portal-{instance}-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: RetainedDays,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext} {Message:lj}{NewLine}{Exception}"),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>The instance's name as it may stand in a file name: letters, digits, '-' and '_'; null when none is set.</summary>
    private static string? InstanceName(string? configured)
    {
        var name = new string((configured ?? string.Empty).Trim().Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').ToArray());
        return name.Length == 0 ? null : name;
    }

    /// <summary>One line per request (method, path, status, time; never headers, cookies or bodies) through the host's logger.</summary>
    public static WebApplication UsePortalRequestLogging(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<Serilog.ILogger>();
        app.UseSerilogRequestLogging(options => options.Logger = logger);
        return app;
    }
}
