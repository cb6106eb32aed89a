using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace MissionPortal.Web.Infrastructure.Database;

/// <summary>
/// SQLite's recommended setting for WAL mode: <c>synchronous=NORMAL</c>. A commit no longer waits for the disk to flush
/// the log, only checkpoints do; the database stays consistent after a crash of the portal or of the machine, and a
/// power loss can cost only the last commits. Under the mixed load it shortens every write and with it the time the
/// single writer holds the lock. The setting belongs to a connection, not to the file, so each physical connection
/// (pooled ones are reused) gets it once, when first opened.
/// </summary>
public sealed class SqliteSynchronousNormal : DbConnectionInterceptor
{
    public static readonly SqliteSynchronousNormal Instance = new();

    private static readonly ConditionalWeakTable<sqlite3, object> Applied = new();
    private static readonly object Marker = new();

    private SqliteSynchronousNormal()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || Applied.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = sqlite.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
        Applied.AddOrUpdate(handle, Marker);
    }
}
