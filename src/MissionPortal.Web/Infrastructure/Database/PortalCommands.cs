using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MissionPortal.Web.Infrastructure.Database;

/// <summary>
/// Commands run instead of the web server: <c>dotnet run --project src/MissionPortal.Web -- backup PATH</c>.
/// Options after the command (<c>--Storage:DataPath=...</c>) configure it as they configure the portal.
/// </summary>
public static class PortalCommands
{
    public const string Backup = "backup";

    public static bool Requested(string[] args) => args.Length > 0 && args[0] == Backup;

    /// <summary>What the host is configured with: the options, without the command and its argument.</summary>
    public static string[] HostArguments(string[] args) => Requested(args) ? args[Math.Min(2, args.Length)..] : args;

    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args)
    {
        if (args.Length < 2 || string.IsNullOrWhiteSpace(args[1]) || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("Usage: MissionPortal.Web backup PATH [--Storage:DataPath=...]");
            return 64;
        }

        return await BackupAsync(builder.Configuration, builder.Environment.ContentRootPath, args[1], Console.Out, Console.Error);
    }

    /// <summary>
    /// A consistent copy of the live SQLite database through SQLite's online backup API: the portal may keep
    /// running and writing. The copy is written beside the target and moved over it when complete and checked.
    /// </summary>
    public static async Task<int> BackupAsync(IConfiguration configuration, string contentRoot, string target, TextWriter output, TextWriter error)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            await error.WriteLineAsync(
                "The backup command copies the embedded SQLite database. For SQL Server use BACKUP DATABASE " +
                "(see README.md, section «Резервная копия» / Backup).");
            return 2;
        }

        var dataPath = StorageOptions.ResolveDataPath(configuration, contentRoot);
        var source = new SqliteConnectionStringBuilder(DatabaseExtensions.ConnectionString(configuration, DatabaseProvider.Sqlite, dataPath))
        {
            Mode = SqliteOpenMode.ReadWrite,
        };
        var sourceFile = Path.GetFullPath(source.DataSource);
        if (!File.Exists(sourceFile))
        {
            await error.WriteLineAsync($"No database at {sourceFile}.");
            return 1;
        }

        var targetFile = Path.GetFullPath(target);
        if (string.Equals(targetFile, sourceFile, StringComparison.Ordinal))
        {
            await error.WriteLineAsync("The backup must not overwrite the live database.");
            return 1;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(targetFile)!);
        var partial = targetFile + ".partial";
        File.Delete(partial);
        int tables;
        await using (var from = new SqliteConnection(source.ToString()))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            await from.OpenAsync();
            await to.OpenAsync();
            from.BackupDatabase(to);

            // One self-contained file, whatever journal mode the live database uses.
            await ExecuteAsync(to, "PRAGMA journal_mode=DELETE;");
            var integrity = Convert.ToString(await ScalarAsync(to, "PRAGMA integrity_check;"), CultureInfo.InvariantCulture);
            if (integrity != "ok")
            {
                await error.WriteLineAsync($"The copy failed its integrity check: {integrity}");
                return 1;
            }

            tables = Convert.ToInt32(await ScalarAsync(to, "SELECT count(*) FROM sqlite_master WHERE type = 'table';"), CultureInfo.InvariantCulture);
        }

        File.Move(partial, targetFile, overwrite: true);
        await output.WriteLineAsync(
            $"Backup of {sourceFile} written to {targetFile}: {tables} tables, {new FileInfo(targetFile).Length} bytes, integrity ok.");
        return 0;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
