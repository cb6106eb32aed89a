using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MissionPortal.Core.Data;

namespace MissionPortal.Web.Infrastructure.Database;

/// <summary>
/// The second half of <c>/health/ready</c>: the database takes writes, not only reads. Red while the last save failed
/// for want of the database; on SQLite also while the file isn't the one the portal started with, while it can only
/// be read, or while the write lock can't be had.
/// </summary>
public sealed class DatabaseWritableCheck(PortalDbContext db, SqliteFileGuard guard, WriteFailures failures) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (failures.Last is { } last)
        {
            return HealthCheckResult.Unhealthy($"The last save failed at {last.At:O}: {last.Error}");
        }

        if (!db.Database.IsSqlite() || guard.Path is null)
        {
            return HealthCheckResult.Healthy();
        }

        if (guard.Problem() is { } problem)
        {
            return HealthCheckResult.Unhealthy(problem);
        }

        try
        {
            await using var connection = new SqliteConnection(db.Database.GetConnectionString());
            await connection.OpenAsync(cancellationToken);
            guard.Check(connection);
            if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
            {
                return HealthCheckResult.Unhealthy($"The database file {guard.Path} can only be read.");
            }

            // Takes the write lock and lets it go: no change, but a database that can't be written to says so here.
            await using var command = connection.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
            command.CommandTimeout = 5;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (SqliteException e)
        {
            return HealthCheckResult.Unhealthy($"The database can't be written to: {e.Message}");
        }
    }
}
