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
    public const string PostgreSqlMigrationsAssembly = "MissionPortal.Migrations.PostgreSql";

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

        string connectionString;
        try
        {
            connectionString = ConnectionString(configuration, database.Provider, dataPath);
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                // The portal's connections open the file, never create it: only the start does (see PrepareAsync).
                connectionString = SqliteFileGuard.OpenOnly(connectionString);
            }
        }
        catch (DatabaseStartupException e)
        {
            // Reported by PrepareDatabaseAsync as one line and a non-zero exit, not as a trace from the container.
            builder.Services.AddSingleton(new DatabaseStartupProblem(e.Message));
            connectionString = string.Empty;
        }

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<SqlCommandCounter>();
        builder.Services.AddSingleton<CacheSignals>();
        builder.Services.AddSingleton<CacheChangeInterceptor>();
        builder.Services.AddSingleton<SqliteFileGuard>();
        builder.Services.AddSingleton<WriteFailures>();
        builder.Services.AddHostedService<PostgreSqlCacheListener>();
        // The audit's «who»: a singleton reading the current request, so the pooled context reaches it from the root provider.
        builder.Services.AddSingleton<IAuditActor, HttpAuditActor>();
        // Pooled: a request rents a reset context instead of building one. Its options are built once from the root
        // provider, so whatever they hold (the command counter) is a singleton; no scoped service reaches the context.
        builder.Services.AddDbContextPool<PortalDbContext>((services, options) =>
        {
            Configure(options, database.Provider, connectionString);
            options.AddInterceptors(
                services.GetRequiredService<SqlCommandCounter>(),
                services.GetRequiredService<CacheChangeInterceptor>(),
                services.GetRequiredService<WriteFailures>());
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                options.AddInterceptors(services.GetRequiredService<SqliteFileGuard>());
            }
        });
        builder.Services.AddScoped<PortalSeeder>();
        builder.Services.AddScoped<DemoAccountRetirement>();
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>("database", tags: ["ready"])
            .AddCheck<DatabaseWritableCheck>("database-writable", tags: ["ready"]);
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
            case DatabaseProvider.PostgreSql:
                PostgreSqlSetup.Configure(options, connectionString);
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {provider}.");
        }
    }

    internal static string ConnectionString(IConfiguration configuration, DatabaseProvider provider, string dataPath)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            var postgres = configuration.GetConnectionString("PostgreSql");
            return string.IsNullOrWhiteSpace(postgres)
                ? throw new DatabaseStartupException(
                    "Database:Provider is PostgreSql but ConnectionStrings:PostgreSql is not set " +
                    "(environment variable ConnectionStrings__PostgreSql).")
                : postgres;
        }

        if (provider == DatabaseProvider.SqlServer)
        {
            var sqlServer = configuration.GetConnectionString("SqlServer");
            if (string.IsNullOrWhiteSpace(sqlServer))
            {
                throw new DatabaseStartupException(
                    "Database:Provider is SqlServer but ConnectionStrings:SqlServer is not set " +
                    "(environment variable ConnectionStrings__SqlServer).");
            }

            try
            {
                _ = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(sqlServer);
            }
            catch (Exception malformed) when (malformed is ArgumentException or FormatException or KeyNotFoundException)
            {
                throw new DatabaseStartupException($"ConnectionStrings:SqlServer is not a valid connection string: {malformed.Message}");
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

    /// <summary>
    /// Creates or upgrades the schema, then fills demo data and accounts when demo mode is on. False, after one line
    /// on the error output, when the configured database can't be used (missing or wrong connection string, server
    /// unreachable, refused login, unsuitable database): the caller exits with a non-zero code.
    /// </summary>
    public static async Task<bool> PrepareDatabaseAsync(this WebApplication app)
    {
        var problem = app.Services.GetService<DatabaseStartupProblem>();
        if (problem is not null)
        {
            await Console.Error.WriteLineAsync(problem.Message);
            return false;
        }

        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        try
        {
            await PrepareAsync(app, database);
            return true;
        }
        catch (Exception e) when (database.Provider != DatabaseProvider.Sqlite && PostgreSqlSetup.IsStartupFailure(e))
        {
            var where = database.Provider == DatabaseProvider.PostgreSql
                ? "PostgreSQL " + PostgreSqlSetup.Describe(app.Configuration.GetConnectionString("PostgreSql"))
                : "SQL Server";
            var message = e is DatabaseStartupException ? e.Message : $"{where} can't be used: {FirstLine(e)}";
            await Console.Error.WriteLineAsync($"The portal can't start: {message}");
            return false;
        }
    }

    private static string FirstLine(Exception e)
    {
        var innermost = e;
        while (innermost.InnerException is not null && innermost is not Npgsql.PostgresException)
        {
            innermost = innermost.InnerException;
        }

        var text = innermost == e || innermost.Message.Length == 0 ? e.Message : $"{e.Message.TrimEnd('.')}: {innermost.Message}";
        return text.ReplaceLineEndings(" ");
    }

    private static async Task PrepareAsync(WebApplication app, DatabaseOptions database)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PortalDbContext>();
        var started = Stopwatch.GetTimestamp();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var file = SqliteFileGuard.FilePath(db.Database.GetConnectionString()!);
            if (file is not null && !File.Exists(file))
            {
                // The first start (or a start on an emptied data folder): the only place a database file is created.
                await using var creating = new SqliteConnection(SqliteFileGuard.CreatingConnectionString(db.Database.GetConnectionString()!));
                await creating.OpenAsync();
                services.GetRequiredService<ILogger<PortalSeeder>>().LogInformation("SQLite database {File} created", file);
            }

            await db.Database.MigrateAsync();
            var sqlite = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
            if (sqlite.Mode != SqliteOpenMode.Memory && sqlite.DataSource != ":memory:")
            {
                // Readers don't wait for the writer: the portal serves several users at once.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            if (file is not null)
            {
                services.GetRequiredService<SqliteFileGuard>().Watch(file);
            }
        }
        else if (database.Provider == DatabaseProvider.PostgreSql)
        {
            if (database.MigrateOnStart)
            {
                // As on SQL Server, migrating at start creates a database that isn't there yet (the user may create databases).
                if (await PostgreSqlSetup.CreateIfMissingAsync(db))
                {
                    services.GetRequiredService<ILogger<PortalSeeder>>().LogInformation(
                        "PostgreSQL database {Database} created", PostgreSqlSetup.Describe(db.Database.GetConnectionString()));
                }
            }

            await PostgreSqlSetup.CheckServerAsync(db);
            if (database.MigrateOnStart)
            {
                await db.Database.MigrateAsync();
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

/// <summary>What made the database configuration unusable, found while the host was being built.</summary>
public sealed record DatabaseStartupProblem(string Message);
