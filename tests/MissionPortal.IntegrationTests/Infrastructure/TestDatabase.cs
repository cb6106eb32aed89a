using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Web.Infrastructure.Database;
using Npgsql;

namespace MissionPortal.IntegrationTests.Infrastructure;

/// <summary>
/// Which database the suite runs on. SQLite (in memory) unless MISSIONPORTAL_TEST_PROVIDER=PostgreSql, when
/// MISSIONPORTAL_TEST_POSTGRES names a server (e.g. <c>Host=127.0.0.1;Port=5433;Username=postgres</c>) on which each
/// portal of the suite gets a database of its own, copied from a template migrated once per run. <c>.ci/run</c>
/// runs the suite both ways on a throw-away cluster (tools/postgres.sh).
/// </summary>
public static class TestDatabase
{
    public const string ProviderVariable = "MISSIONPORTAL_TEST_PROVIDER";
    public const string ServerVariable = "MISSIONPORTAL_TEST_POSTGRES";

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    public static DatabaseProvider Provider { get; } =
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), nameof(DatabaseProvider.PostgreSql), StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.PostgreSql
            : DatabaseProvider.Sqlite;

    public static bool IsPostgreSql => Provider == DatabaseProvider.PostgreSql;

    /// <summary>The server's connection string (no database): from the environment, or a clear failure.</summary>
    public static string Server =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException($"{ProviderVariable}=PostgreSql needs {ServerVariable} (e.g. Host=127.0.0.1;Port=5433;Username=postgres).");

    static TestDatabase() => PostgreSqlSetup.UseUtcTimestampsWithoutKind();

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = database, MaxPoolSize = 20, Timeout = 5 }.ToString();

    /// <summary>A new database, a copy of the migrated template: a few tens of milliseconds instead of a migration.</summary>
    public static string CreatePostgreSqlDatabase()
    {
        var template = Template();
        var name = "mp_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return ConnectionString(name);
    }

    public static void DropPostgreSqlDatabase(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>A hash of every row of every table of the portal's database: equal before and after means nothing was written.</summary>
    public static async Task<string> FingerprintAsync(string connectionString)
    {
        if (!IsPostgreSql)
        {
            return await SqliteFingerprintAsync(connectionString);
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var text = new StringBuilder();
        foreach (var table in tables)
        {
            // Each row as its text form, in a fixed order: the whole table's content, whatever its columns.
            await using var select = new NpgsqlCommand($"SELECT count(*), coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') FROM \"{table}\" t", connection);
            await using var reader = await select.ExecuteReaderAsync();
            await reader.ReadAsync();
            text.Append(table).Append(": ").Append(reader.GetInt64(0).ToString(CultureInfo.InvariantCulture)).Append(' ').Append(reader.GetString(1)).Append('\n');
        }

        return $"{tables.Count} tables, " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static async Task<string> SqliteFingerprintAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            // Tables and virtual tables (the catalogue's full-text index, through its own rows), not the shadow tables a
            // virtual table keeps its index in (some have no rowid to order by).
            list.CommandText = "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual') ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var text = new StringBuilder();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            await using var reader = await select.ExecuteReaderAsync();
            var rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                }

                text.Append('\n');
            }

            text.Append(table).Append(": ").Append(rows).Append('\n');
        }

        return $"{tables.Count} tables, " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Template()
    {
        if (_template is not null)
        {
            return _template;
        }

        TemplateLock.Wait();
        try
        {
            if (_template is not null)
            {
                return _template;
            }

            var name = $"mp_template_{Environment.ProcessId}_{Guid.NewGuid().ToString("N")[..8]}";
            Execute($"CREATE DATABASE \"{name}\"");
            var options = new DbContextOptionsBuilder<PortalDbContext>();
            var connectionString = ConnectionString(name);
            DatabaseExtensions.Configure(options, DatabaseProvider.PostgreSql, connectionString);
            using (var db = new PortalDbContext(options.Options))
            {
                db.Database.Migrate();
            }

            // A template can't be copied while anyone is connected to it.
            using (var connection = new NpgsqlConnection(connectionString))
            {
                NpgsqlConnection.ClearPool(connection);
            }

            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                }
                catch (NpgsqlException)
                {
                    // the throw-away cluster goes with it
                }
            };
            _template = name;
            return name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
