using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Auditing;
using MissionPortal.Web.Infrastructure.Auditing;
using MissionPortal.Web.Infrastructure.Diagnostics;

namespace MissionPortal.Web.Infrastructure.Database;

public static class DatabaseExtensions
{
    public const string SqliteMigrationsAssembly = "MissionPortal.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "MissionPortal.Migrations.SqlServer";

    public static WebApplicationBuilder AddPortalDatabase(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var dataPath = StorageOptions.ResolveDataPath(configuration, builder.Environment.ContentRootPath);

        builder.Services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        builder.Services.Configure<StorageOptions>(o => o.DataPath = dataPath);
        // Demo mode by default only for a developer's SQLite: a published portal (Production) starts in it only when asked.
        var environment = builder.Environment;
        builder.Services.Configure<DemoOptions>(o =>
            o.Enabled = configuration.GetValue<bool?>($"{DemoOptions.Section}:{nameof(DemoOptions.Enabled)}")
                ?? (database.Provider == DatabaseProvider.Sqlite && !environment.IsProduction()));

        var connectionString = ConnectionString(configuration, database.Provider, dataPath);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<SqlCommandCounter>();
        // The audit's «who»: a singleton reading the current request, so the pooled context reaches it from the root provider.
        builder.Services.AddSingleton<IAuditActor, HttpAuditActor>();
        // Pooled: a request rents a reset context instead of building one. Its options are built once from the root
        // provider, so whatever they hold (the command counter) is a singleton; no scoped service reaches the context.
        builder.Services.AddDbContextPool<PortalDbContext>((services, options) =>
        {
            Configure(options, database.Provider, connectionString);
            options.AddInterceptors(services.GetRequiredService<SqlCommandCounter>());
        });
        builder.Services.AddScoped<PortalSeeder>();
        builder.Services.AddScoped<DemoAccountRetirement>();
        builder.Services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database", tags: ["ready"]);
        return builder;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly))
                    .AddInterceptors(SqliteSynchronousNormal.Instance);
                break;
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(connectionString, sql =>
                {
                    sql.MigrationsAssembly(SqlServerMigrationsAssembly);
                    sql.EnableRetryOnFailure();
                });
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {provider}.");
        }
    }

    internal static string ConnectionString(IConfiguration configuration, DatabaseProvider provider, string dataPath)
    {
        if (provider == DatabaseProvider.SqlServer)
        {
            var sqlServer = configuration.GetConnectionString("SqlServer");
            if (string.IsNullOrWhiteSpace(sqlServer))
            {
                throw new PortalConfigurationException(
                    "Database:Provider is SqlServer but ConnectionStrings:SqlServer is not set " +
                    "(environment variable ConnectionStrings__SqlServer).");
            }

            try
            {
                _ = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(sqlServer);
            }
            catch (Exception malformed) when (malformed is ArgumentException or FormatException or KeyNotFoundException)
            {
                throw new PortalConfigurationException($"ConnectionStrings:SqlServer is not a valid connection string: {malformed.Message}");
            }

            return sqlServer;
        }

        var configured = configuration.GetConnectionString("Sqlite");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        Directory.CreateDirectory(dataPath);
        return $"Data Source={Path.Combine(dataPath, "missionportal.db")};Default Timeout=30";
    }

    /// <summary>Creates or upgrades the schema, then fills demo data and accounts when demo mode is on.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = services.GetRequiredService<PortalDbContext>();
        var started = Stopwatch.GetTimestamp();

        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.MigrateAsync();
            var sqlite = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
            if (sqlite.Mode != SqliteOpenMode.Memory && sqlite.DataSource != ":memory:")
            {
                // Readers don't wait for the writer: the portal serves several users at once.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
        }
        else if (database.MigrateOnStart)
        {
            await db.Database.MigrateAsync();
        }

        services.GetRequiredService<ILogger<PortalSeeder>>().LogInformation("Database schema ready in {Ms} ms", (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var seeder = services.GetRequiredService<PortalSeeder>();
        await seeder.SeedAsync();
    }
}
