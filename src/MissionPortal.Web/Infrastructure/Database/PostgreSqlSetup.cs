using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;
using Npgsql;

namespace MissionPortal.Web.Infrastructure.Database;

/// <summary>
/// PostgreSQL as the production database: the provider's options, what the model needs on this server only
/// (the Russian ICU collation, trigram indexes for the catalogue), and the check made once at start.
/// </summary>
public static class PostgreSqlSetup
{
    /// <summary>The collation of every text column: Russian alphabetical order, Ё beside Е (ICU, deterministic).</summary>
    public const string RussianCollation = "russian";

    public const string ProductSearchIndex = "IX_Products_SearchText_trgm";

    public const string OrganizationNameIndex = "IX_Organizations_Name_trgm";

    /// <summary>
    /// Npgsql's timestamp mapping as SQLite sees it: a <see cref="DateTime"/> (every one in the model is UTC, named
    /// …Utc) goes to <c>timestamp without time zone</c> whatever its Kind, so values built with Kind Unspecified
    /// (read back from a form or another provider) are stored as they are instead of refused. Process-wide, set
    /// before Npgsql maps its first type.
    /// </summary>
    public static void UseUtcTimestampsWithoutKind() => AppContext.SetSwitch("Npgsql.EnableLegacyTimestampBehavior", true);

    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        UseUtcTimestampsWithoutKind();
        // No retrying execution strategy: a request that meets a server gone away answers 503 at once (and the next
        // one finds it back), rather than holding the user for the retries; commands also may open their own
        // transactions, which a retrying strategy refuses.
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(DatabaseExtensions.PostgreSqlMigrationsAssembly))
            .ReplaceService<IModelCustomizer, PostgreSqlModelCustomizer>();
    }

    /// <summary>Host, port, database and user of a connection string, never its password: for messages.</summary>
    public static string Describe(string? connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{b.Username ?? "?"}@{b.Host ?? "?"}:{b.Port}/{b.Database ?? b.Username ?? "?"}";
        }
        catch (ArgumentException)
        {
            return "(unreadable connection string)";
        }
    }

    /// <summary>
    /// Once at start: the server answers, and its database can hold Russian text. Search folds case with lower()
    /// and the trigram index folds it with the database's own character type, so a SQL_ASCII database or the "C"
    /// character type would silently miss Cyrillic matches.
    /// </summary>
    public static async Task CheckServerAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT current_setting('server_encoding'), lower('ЁЛКА' COLLATE \"default\"), current_setting('server_version_num')::int";
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var encoding = reader.GetString(0);
            var lower = reader.GetString(1);
            var version = reader.GetInt32(2);
            if (encoding != "UTF8" || lower != "ёлка")
            {
                throw new DatabaseStartupException(
                    $"PostgreSQL database {Describe(db.Database.GetConnectionString())} must use UTF8 with a Unicode character type " +
                    $"(it has encoding {encoding}, lower('ЁЛКА') = '{lower}'): CREATE DATABASE ... ENCODING 'UTF8' LOCALE 'C.UTF-8' TEMPLATE template0.");
            }

            if (version < 130000)
            {
                throw new DatabaseStartupException($"PostgreSQL {version / 10000} is too old: the portal needs 13 or later (ICU collations, trusted pg_trgm).");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Creates the connection string's database when it doesn't exist (UTF8, the server's default locale); true when it did.</summary>
    public static async Task<bool> CreateIfMissingAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(ct))
        {
            return false;
        }

        await creator.CreateAsync(ct);
        return true;
    }

    /// <summary>Whether an exception at start means "the configured server can't be used", worth one line, not a trace.</summary>
    public static bool IsStartupFailure(Exception e) =>
        e is DatabaseStartupException or DbException or SocketException or TimeoutException
        || (e is ArgumentException && e.StackTrace?.Contains("Npgsql", StringComparison.Ordinal) == true)
        || (e.InnerException is { } inner && IsStartupFailure(inner));
}

/// <summary>A configuration or server the portal can't start with; its message is the one line the operator reads.</summary>
public sealed class DatabaseStartupException(string message) : Exception(message);

/// <summary>
/// The model on PostgreSQL: the shared model from <see cref="PortalDbContext"/>, plus what only this server has.
/// Every text column sorts in Russian (ICU «ru-RU»: Ё as Е, then Ё after Е on a tie), so ORDER BY Name gives the
/// order a person expects; the catalogue's search (a substring of the folded product text or of the company name)
/// goes through pg_trgm GIN indexes where SQLite has its FTS5 trigram tables.
/// </summary>
public sealed class PostgreSqlModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        base.Customize(modelBuilder, context);
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.HasCollation(PostgreSqlSetup.RussianCollation, locale: "ru-RU", provider: "icu", deterministic: true);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetDeclaredProperties()))
        {
            if (property.ClrType == typeof(string) && property.GetCollation() is null)
            {
                property.SetCollation(PostgreSqlSetup.RussianCollation);
            }
        }


        modelBuilder.Entity<Product>()
            .HasIndex([nameof(Product.SearchText)], PostgreSqlSetup.ProductSearchIndex)
            .HasMethod("gin").HasOperators("gin_trgm_ops");
        modelBuilder.Entity<Organization>()
            .HasIndex([nameof(Organization.Name)], PostgreSqlSetup.OrganizationNameIndex)
            .HasMethod("gin").HasOperators("gin_trgm_ops");

        // Filters written for SQLite and SQL Server quote names in brackets; PostgreSQL quotes them in double quotes.
        foreach (var index in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetDeclaredIndexes()))
        {
            if (index.GetFilter() is { } filter && filter.Contains('[', StringComparison.Ordinal))
            {
                index.SetFilter(filter.Replace('[', '"').Replace(']', '"'));
            }
        }
    }
}
