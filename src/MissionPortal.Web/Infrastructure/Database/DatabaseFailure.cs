using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace MissionPortal.Web.Infrastructure.Database;

/// <summary>
/// Tells an unreachable database (file gone, disk failing, server down, retries exhausted) from a bug,
/// so the user gets "come back in a minute" (503) rather than "something broke" (500).
/// </summary>
public static class DatabaseFailure
{
    private static readonly object Key = new();

    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB
    private static readonly HashSet<int> SqliteOutages = [5, 6, 8, 10, 11, 13, 14, 26];

    // timeout, network and connection errors, database unavailable, Azure SQL throttling
    private static readonly HashSet<int> SqlServerOutages = [-2, -1, 2, 53, 233, 4060, 10053, 10054, 10060, 40197, 40501, 40613];

    // PostgreSQL: connection exceptions (08), insufficient resources (53), operator intervention — shutdown, crash,
    // cannot connect now (57P), system errors (58), and the database itself gone (3D000)
    private static bool IsPostgresOutage(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState.StartsWith("57P", StringComparison.Ordinal) || sqlState.StartsWith("58", StringComparison.Ordinal)
        || sqlState == "3D000";

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RetryLimitExceededException:
                case SqliteException sqlite when SqliteOutages.Contains(sqlite.SqliteErrorCode):
                case SqlException sql when sql.Class >= 20 || SqlServerOutages.Contains(sql.Number):
                case PostgresException postgres when IsPostgresOutage(postgres.SqlState):
                case NpgsqlException and not PostgresException:
                case DbException { IsTransient: true }:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(Is):
                    return true;
            }
        }

        return false;
    }

    /// <summary>Notes that this request met an unreachable database before it reached a page.</summary>
    public static void Mark(HttpContext context) => context.Items[Key] = true;

    public static bool IsMarked(HttpContext context) => context.Items.ContainsKey(Key);
}
