using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MissionPortal.Web.Infrastructure.Database;

/// <summary>
/// Keeps the portal on the SQLite file it started with. The portal's connections open it with <c>Mode=ReadWrite</c>
/// (only the start creates it), and every connection the portal opens first checks that the path still leads to that
/// file: a file deleted, moved away or replaced while the portal runs would otherwise go on taking saves (pooled
/// connections write into the deleted file) that vanish at the next start. Until the same file is back the check fails
/// as SQLITE_CANTOPEN: pages answer 503, <c>/health/ready</c> is red, and nothing is confirmed.
/// </summary>
public sealed class SqliteFileGuard : DbConnectionInterceptor, IDisposable
{
    private const int CantOpen = 14;

    private readonly object _gate = new();
    private FileStream? _original;
    private string? _path;

    // What the kernel called the open file when the portal started: the path with any symbolic links resolved.
    private string? _target;

    /// <summary>The file being guarded; null until the start has prepared the database (or for an in-memory one).</summary>
    public string? Path => _path;

    /// <summary>
    /// The connection string the portal's connections use: an existing file is opened, never created. The start
    /// creates the file with <see cref="CreatingConnectionString"/> when there is none yet.
    /// </summary>
    public static string OpenOnly(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!IsFile(builder) || builder.Mode != SqliteOpenMode.ReadWriteCreate)
        {
            return connectionString;
        }

        builder.Mode = SqliteOpenMode.ReadWrite;
        return builder.ToString();
    }

    /// <summary>The same database, allowed to create the file: used once, by the start, when the file isn't there yet.</summary>
    public static string CreatingConnectionString(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (IsFile(builder) && builder.Mode == SqliteOpenMode.ReadWrite)
        {
            builder.Mode = SqliteOpenMode.ReadWriteCreate;
        }

        return builder.ToString();
    }

    /// <summary>The file path of a connection string naming a file on disk; null for an in-memory database.</summary>
    public static string? FilePath(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return IsFile(builder) ? System.IO.Path.GetFullPath(builder.DataSource) : null;
    }

    /// <summary>Called by the start once the schema is ready: from now on the path must keep leading to this file.</summary>
    public void Watch(string path)
    {
        lock (_gate)
        {
            _original?.Dispose();
            _path = System.IO.Path.GetFullPath(path);
            _original = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            _target = OperatingSystem.IsLinux() ? HandleTarget(_original) : null;
        }
    }

    /// <summary>Null while the path leads to the file the portal started with; otherwise what happened to it.</summary>
    public string? Problem()
    {
        var path = _path;
        var original = _original;
        if (path is null || original is null)
        {
            return null;
        }

        if (!File.Exists(path))
        {
            return $"the database file {path} is missing";
        }

        if (OperatingSystem.IsLinux() && _target is { } started)
        {
            // The kernel names the file an open handle points to: another name, or «(deleted)», once it was moved or
            // replaced. Compared with its name at the start, so a data folder reached through a symbolic link is no alarm.
            var target = HandleTarget(original);
            if (target is not null && !string.Equals(target, started, StringComparison.Ordinal))
            {
                return $"the database file {path} was replaced or moved while the portal was running";
            }
        }

        return null;
    }

    /// <summary>Throws the outage the error pages turn into 503 when the file isn't the one the portal started with.</summary>
    public void Check(DbConnection connection)
    {
        var problem = Problem();
        if (problem is null)
        {
            return;
        }

        if (connection is SqliteConnection sqlite)
        {
            // The pool's connections still hold the old file: none of them may take another write.
            SqliteConnection.ClearPool(sqlite);
            sqlite.Close();
        }

        throw new SqliteException($"SQLite Error {CantOpen}: {problem}; restore it and restart the portal.", CantOpen);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Check(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Check(connection);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _original?.Dispose();
            _original = null;
        }
    }

    private static string? HandleTarget(FileStream file) =>
        new FileInfo($"/proc/self/fd/{file.SafeFileHandle.DangerousGetHandle()}").LinkTarget;

    private static bool IsFile(SqliteConnectionStringBuilder builder) =>
        builder.Mode is SqliteOpenMode.ReadWriteCreate or SqliteOpenMode.ReadWrite
        && !string.IsNullOrEmpty(builder.DataSource)
        && builder.DataSource != ":memory:"
        && !builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
}
