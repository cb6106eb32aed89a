using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;

namespace MissionPortal.IntegrationTests.Reliability;

/// <summary>How the portal's own connections to its SQLite file are set up.</summary>
[Trait("Database", "Sqlite")]
public sealed class SqliteSettingsTests(FileDatabasePortalFactory factory) : IClassFixture<FileDatabasePortalFactory>
{
    [Fact]
    public async Task The_database_file_is_in_WAL_mode_and_every_connection_of_the_portal_syncs_NORMAL_even_a_new_one()
    {
        _ = factory.Services;
        Assert.Equal(("wal", 1L), await SettingsAsync());

        // New physical connections (the pool emptied) get the setting too: it belongs to the connection, not the file.
        SqliteConnection.ClearAllPools();
        Assert.Equal(("wal", 1L), await SettingsAsync());

        // A connection of anyone else keeps SQLite's default (FULL): the file itself does not carry the setting.
        await using var other = new SqliteConnection($"Data Source={factory.DatabaseFile}");
        await other.OpenAsync();
        await using var command = other.CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        Assert.Equal(2L, (long)(await command.ExecuteScalarAsync())!);
    }

    private async Task<(string JournalMode, long Synchronous)> SettingsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            var journal = (string)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA synchronous;";
            return (journal, (long)(await command.ExecuteScalarAsync())!);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
