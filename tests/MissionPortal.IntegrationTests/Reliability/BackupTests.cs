using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using MissionPortal.Core.Security;
using MissionPortal.IntegrationTests.Infrastructure;

namespace MissionPortal.IntegrationTests.Reliability;

/// <summary>The backup command, run as an operator runs it, against the file database of a running portal.</summary>
[Trait("Database", "Sqlite")]
public sealed class BackupTests(FileDatabasePortalFactory factory) : IClassFixture<FileDatabasePortalFactory>, IDisposable
{
    private readonly string _target = Path.Combine(Path.GetTempPath(), "missionportal-backup", Guid.NewGuid().ToString("N"), "copy.zip");

    [Fact]
    public async Task A_backup_taken_while_the_portal_runs_holds_every_row_of_every_table()
    {
        // The portal is up and has been written to since it seeded the database.
        var email = await factory.CreateUserAsync(Roles.Ministry);

        var (exitCode, output) = await RunPortalAsync("backup", _target, $"--ConnectionStrings:Sqlite=Data Source={factory.DatabaseFile}");

        Assert.True(exitCode == 0, output);
        Assert.Contains("integrity ok", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
        var copyFile = Path.Combine(Path.GetDirectoryName(_target)!, "copy.db");
        using (var archive = ZipFile.OpenRead(_target))
        {
            archive.GetEntry("database/missionportal.db")!.ExtractToFile(copyFile);
        }

        var live = await DumpAsync(factory.DatabaseFile);
        var copy = await DumpAsync(copyFile);
        Assert.True(live.Count >= 25, $"only {live.Count} tables");
        Assert.Equal(live.Keys.Order(StringComparer.Ordinal), copy.Keys.Order(StringComparer.Ordinal));
        foreach (var (table, rows) in live)
        {
            Assert.True(rows.Count == copy[table].Count, $"{table}: {rows.Count} rows live, {copy[table].Count} in the copy");
            Assert.True(rows.SequenceEqual(copy[table]), $"{table}: the rows differ");
        }

        Assert.Contains(copy["AspNetUsers"], row => row.Contains(email, StringComparison.Ordinal));
        Assert.Contains(copy["Missions"], row => row.Contains("Калужской области", StringComparison.Ordinal));
        Assert.False(File.Exists(copyFile + "-wal"), "the copy is one self-contained file");

        // Restore as the README says: into an empty data folder, on which the portal then starts.
        var restoredFolder = Path.Combine(Path.GetDirectoryName(_target)!, "restored");
        var (restoreExit, restoreOutput) = await RunPortalAsync("restore", _target, $"--Storage:DataPath={restoredFolder}");
        Assert.True(restoreExit == 0, restoreOutput);
        using var restored = new RestoredPortalFactory(restoredFolder);
        var client = restored.CreatePortalClient();
        using (await client.LoginAsAsync(email, Accounts.Password))
        {
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    private sealed class RestoredPortalFactory(string dataFolder) : PortalFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(dataFolder, "missionportal.db")}");
        }
    }

    [Fact]
    public async Task On_SQL_Server_the_backup_holds_the_files_only_and_points_to_BACKUP_DATABASE()
    {
        var (exitCode, output) = await RunPortalAsync("backup", _target, "--Database:Provider=SqlServer", "--ConnectionStrings:SqlServer=Server=nowhere");

        Assert.True(exitCode == 0, output);
        Assert.Contains("BACKUP DATABASE", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', output.Trim());
        using var archive = ZipFile.OpenRead(_target);
        Assert.Null(archive.GetEntry("database/missionportal.db"));
        Assert.NotNull(archive.GetEntry("manifest.json"));
    }

    /// <summary>Runs the portal's own executable from the test output, as <c>dotnet run -- ARGS</c> would.</summary>
    internal static async Task<(int ExitCode, string Output)> RunPortalAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MissionPortal.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Storage__DataPath"] = Path.Combine(Path.GetTempPath(), "missionportal-backup", "data-" + Guid.NewGuid().ToString("N"));
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Every row of every table, each row as one line of text, in rowid order.</summary>
    private static async Task<Dictionary<string, List<string>>> DumpAsync(string file)
    {
        var tables = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            // Tables and virtual tables (the catalogue's full-text index, read through its own rows); not the shadow tables a
            // virtual table keeps its index in, some of which have no rowid to order by.
            list.CommandText = "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            var rows = new List<string>();
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{name}\" ORDER BY rowid";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                }

                rows.Add(row.ToString());
            }

            tables[name] = rows;
        }

        return tables;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path.GetDirectoryName(_target)!, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
