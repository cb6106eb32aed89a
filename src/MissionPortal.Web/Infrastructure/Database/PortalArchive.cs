using System.Data.Common;
using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;

namespace MissionPortal.Web.Infrastructure.Database;

/// <summary>
/// One archive holding what a portal keeps: a consistent snapshot of the embedded SQLite database (none on PostgreSQL
/// and SQL Server, whose own tools back the database up) and every file of the data folder's file store, with a manifest
/// (portal version, provider, time, each file's size and SHA-256). <see cref="BackupAsync"/> writes it beside the target
/// and moves it over the target when complete; <see cref="RestoreAsync"/> checks it whole before it writes anything.
/// </summary>
public static class PortalArchive
{
    public const string ManifestEntry = "manifest.json";
    public const string DatabaseEntry = "database/missionportal.db";
    public const string FilesPrefix = "files/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public sealed record ArchivedFile(string Name, long Size, string Sha256);

    public sealed record Manifest(int Format, string PortalVersion, string Provider, DateTime CreatedAtUtc, ArchivedFile? Database, IReadOnlyList<ArchivedFile> Files);

    /// <summary>A one-line refusal: what the operator reads, with the exit code.</summary>
    private sealed class Refusal(string message, int exitCode = 1) : Exception(message)
    {
        public int ExitCode { get; } = exitCode;
    }

    public static async Task<int> BackupAsync(IConfiguration configuration, string contentRoot, string target, TextWriter output, TextWriter error)
    {
        var targetFile = Path.GetFullPath(target);
        var partial = Path.Combine(Path.GetDirectoryName(targetFile)!, "." + Path.GetFileName(targetFile) + "." + Guid.NewGuid().ToString("N")[..8] + ".partial");
        var snapshot = partial + ".db";
        try
        {
            var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
            var dataPath = StorageOptions.ResolveDataPath(configuration, contentRoot);
            var filesFolder = Path.Combine(dataPath, "files");
            string? sourceFile = null;
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                sourceFile = SqliteFile(configuration, dataPath);
                if (!File.Exists(sourceFile))
                {
                    throw new Refusal($"No database at {sourceFile}.");
                }

                if (string.Equals(targetFile, sourceFile, StringComparison.Ordinal))
                {
                    throw new Refusal("The backup must not overwrite the live database.");
                }
            }

            if (Directory.Exists(targetFile))
            {
                throw new Refusal($"{targetFile} is a folder; name the archive to write, e.g. {Path.Combine(targetFile, "missionportal.zip")}.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(targetFile)!);
            ArchivedFile? databaseEntry = null;
            var files = new Dictionary<string, ArchivedFile>(StringComparer.Ordinal);
            var missing = new List<string>();
            int tables = 0;
            await using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.ReadWrite))
            {
                using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
                {
                    // Files first, then the database: an upload writes its file before its row, so a row in the snapshot
                    // whose file came after the first pass is picked up below; a file deleted meanwhile left its row first.
                    foreach (var path in Directory.Exists(filesFolder) ? Directory.GetFiles(filesFolder).Order(StringComparer.Ordinal).ToArray() : [])
                    {
                        if (await AddFileAsync(zip, path) is { } added)
                        {
                            files[added.Name] = added;
                        }
                    }

                    if (sourceFile is not null)
                    {
                        tables = await SnapshotAsync(sourceFile, configuration, dataPath, snapshot);
                        foreach (var name in await ReferencedFilesAsync(DatabaseProvider.Sqlite, ReadOnly(snapshot)))
                        {
                            if (files.ContainsKey(name))
                            {
                                continue;
                            }

                            if (File.Exists(Path.Combine(filesFolder, name)) && await AddFileAsync(zip, Path.Combine(filesFolder, name)) is { } late)
                            {
                                files[late.Name] = late;
                            }
                            else
                            {
                                missing.Add(name);
                            }
                        }

                        var dbEntry = await AddEntryAsync(zip, DatabaseEntry, snapshot);
                        databaseEntry = dbEntry with { Name = DatabaseEntry };
                    }

                    var manifest = new Manifest(1, PortalVersion(), database.Provider.ToString(), DateTime.UtcNow, databaseEntry,
                        files.Values.OrderBy(f => f.Name, StringComparer.Ordinal).ToList());
                    await using var manifestStream = await zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal).OpenAsync();
                    await JsonSerializer.SerializeAsync(manifestStream, manifest, Json);
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(partial, targetFile, overwrite: true);
            var bytes = files.Values.Sum(f => f.Size);
            if (sourceFile is null)
            {
                var tool = database.Provider == DatabaseProvider.PostgreSql ? "pg_dump" : "BACKUP DATABASE";
                await output.WriteLineAsync(
                    $"Backup of the file store written to {targetFile}: {files.Count} files, {bytes} bytes. The {database.Provider} database is not in it: " +
                    $"back it up with {tool} (docs/en/operations.md, Backup).");
            }
            else
            {
                await output.WriteLineAsync(
                    $"Backup of {sourceFile} written to {targetFile}: {tables} tables, {files.Count} files ({bytes} bytes), integrity ok.");
            }

            if (missing.Count > 0)
            {
                await error.WriteLineAsync(
                    $"Warning: the database references {missing.Count} file(s) already missing from {filesFolder}: {string.Join(", ", missing)}.");
            }

            return 0;
        }
        catch (Refusal refusal)
        {
            await error.WriteLineAsync(refusal.Message);
            return refusal.ExitCode;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            await error.WriteLineAsync($"The backup failed, nothing was written to {targetFile}: {e.Message}");
            return 1;
        }
        finally
        {
            DeleteSqliteFile(partial);
            DeleteSqliteFile(snapshot);
        }
    }

    public static async Task<int> RestoreAsync(IConfiguration configuration, string contentRoot, string source, bool force, TextWriter output, TextWriter error)
    {
        var archiveFile = Path.GetFullPath(source);
        var dataPath = StorageOptions.ResolveDataPath(configuration, contentRoot);
        var staging = Path.Combine(dataPath, ".restore-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
            if (!File.Exists(archiveFile))
            {
                throw new Refusal($"No backup at {archiveFile}.");
            }

            await using var stream = File.OpenRead(archiveFile);
            ZipArchive zip;
            try
            {
                zip = new ZipArchive(stream, ZipArchiveMode.Read);
            }
            catch (InvalidDataException)
            {
                throw new Refusal($"{archiveFile} is not a portal backup: not a complete zip archive (damaged or cut short).");
            }

            using (zip)
            {
                var manifest = await ReadManifestAsync(zip, archiveFile);
                var sqlite = database.Provider == DatabaseProvider.Sqlite;
                if (manifest.Database is null && sqlite)
                {
                    throw new Refusal(
                        $"{archiveFile} holds no database (it was taken on {manifest.Provider}): the portal here is configured for SQLite.");
                }

                if (manifest.Database is not null && !sqlite)
                {
                    throw new Refusal(
                        $"{archiveFile} holds a SQLite database, but the portal here is configured for {database.Provider}: restore it with Database:Provider=Sqlite.");
                }

                var databaseFile = sqlite ? SqliteFile(configuration, dataPath) : null;
                var occupied = Directory.Exists(dataPath) && Directory.EnumerateFileSystemEntries(dataPath).Any()
                    || databaseFile is not null && File.Exists(databaseFile);
                if (occupied && !force)
                {
                    throw new Refusal(
                        $"The data folder {dataPath} is not empty: restore into an empty folder, or add --force to replace its database and files.");
                }

                // Everything is unpacked and checked aside first; the data folder changes only when all of it is sound.
                Directory.CreateDirectory(Path.Combine(staging, "files"));
                foreach (var file in manifest.Files)
                {
                    await ExtractAsync(zip, FilesPrefix + file.Name, file, Path.Combine(staging, "files", file.Name), archiveFile);
                }

                string references;
                if (manifest.Database is not null)
                {
                    await ExtractAsync(zip, DatabaseEntry, manifest.Database, Path.Combine(staging, "missionportal.db"), archiveFile);
                    references = ReadOnly(Path.Combine(staging, "missionportal.db"));
                }
                else
                {
                    references = DatabaseExtensions.ConnectionString(configuration, database.Provider, dataPath);
                }

                IReadOnlyList<string> referenced;
                try
                {
                    referenced = await ReferencedFilesAsync(sqlite ? DatabaseProvider.Sqlite : database.Provider, references);
                }
                catch (Exception e) when (e is DbException or InvalidOperationException)
                {
                    throw new Refusal($"Can't read the {database.Provider} database to check the files it references: {FirstLine(e.Message)}");
                }

                var present = manifest.Files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
                var absent = referenced.Where(name => !present.Contains(name)).ToList();
                if (absent.Count > 0)
                {
                    throw new Refusal(
                        $"Not restored: the database references {absent.Count} file(s) the backup lacks: {string.Join(", ", absent.Take(20))}{(absent.Count > 20 ? ", …" : "")}.");
                }

                SqliteConnection.ClearAllPools();
                if (force && Directory.Exists(Path.Combine(dataPath, "files")))
                {
                    Directory.Delete(Path.Combine(dataPath, "files"), recursive: true);
                }

                if (databaseFile is not null)
                {
                    DeleteSqliteFile(databaseFile);
                    Directory.CreateDirectory(Path.GetDirectoryName(databaseFile)!);
                    File.Move(Path.Combine(staging, "missionportal.db"), databaseFile);
                }

                Directory.Move(Path.Combine(staging, "files"), Path.Combine(dataPath, "files"));
                await output.WriteLineAsync(
                    $"Restored {(databaseFile is null ? "" : $"the database to {databaseFile} and ")}{manifest.Files.Count} files " +
                    $"({manifest.Files.Sum(f => f.Size)} bytes) into {dataPath}, from a backup taken {manifest.CreatedAtUtc:yyyy-MM-dd HH:mm} UTC " +
                    $"by version {manifest.PortalVersion}; every file the database references is present, every checksum matches.");
                return 0;
            }
        }
        catch (Refusal refusal)
        {
            await error.WriteLineAsync(refusal.Message);
            return refusal.ExitCode;
        }
        catch (DatabaseStartupException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"The restore failed: {FirstLine(e.Message)}");
            return 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static async Task<Manifest> ReadManifestAsync(ZipArchive zip, string archiveFile)
    {
        var entry = zip.GetEntry(ManifestEntry) ?? throw new Refusal($"{archiveFile} is not a portal backup: it has no {ManifestEntry}.");
        Manifest? manifest;
        try
        {
            await using var read = await entry.OpenAsync();
            manifest = await JsonSerializer.DeserializeAsync<Manifest>(read, Json);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or IOException)
        {
            throw new Refusal($"{archiveFile} is damaged: its {ManifestEntry} can't be read.");
        }

        if (manifest is null || manifest.Format != 1 || manifest.Files is null)
        {
            throw new Refusal($"{archiveFile} is not a portal backup this version reads ({ManifestEntry} of an unknown format).");
        }

        // Names are plain file names of the store: nothing can be written outside the folder it is restored to.
        if (manifest.Files.FirstOrDefault(f => f.Name is null || f.Name.Length == 0 || f.Name is "." or ".." || Path.GetFileName(f.Name) != f.Name || f.Name.Contains('\\', StringComparison.Ordinal)) is { } unsafeName)
        {
            throw new Refusal($"{archiveFile} is not a portal backup: it names a file «{unsafeName.Name}» outside the file store.");
        }

        return manifest;
    }

    private static async Task ExtractAsync(ZipArchive zip, string entryName, ArchivedFile expected, string destination, string archiveFile)
    {
        var entry = zip.GetEntry(entryName) ?? throw new Refusal($"{archiveFile} is incomplete: {entryName}, listed in its manifest, is not in it.");
        try
        {
            await using var read = await entry.OpenAsync();
            await using var write = new FileStream(destination, FileMode.CreateNew, FileAccess.Write);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            long size = 0;
            int n;
            while ((n = await read.ReadAsync(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, n);
                await write.WriteAsync(buffer.AsMemory(0, n));
                size += n;
            }

            if (size != expected.Size || !string.Equals(Convert.ToHexStringLower(hash.GetHashAndReset()), expected.Sha256, StringComparison.Ordinal))
            {
                throw new Refusal($"{archiveFile} is damaged: {entryName} does not match the size and SHA-256 its manifest records.");
            }
        }
        catch (InvalidDataException)
        {
            throw new Refusal($"{archiveFile} is damaged: {entryName} can't be read.");
        }
    }

    /// <summary>Adds one file of the store; null when it was deleted before it could be read.</summary>
    private static async Task<ArchivedFile?> AddFileAsync(ZipArchive zip, string path)
    {
        try
        {
            return await AddEntryAsync(zip, FilesPrefix + Path.GetFileName(path), path) with { Name = Path.GetFileName(path) };
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static async Task<ArchivedFile> AddEntryAsync(ZipArchive zip, string entryName, string path)
    {
        await using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var entry = zip.CreateEntry(entryName, CompressionLevel.Fastest);
        entry.LastWriteTime = File.GetLastWriteTimeUtc(path);
        await using var write = await entry.OpenAsync();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int n;
        while ((n = await read.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, n);
            await write.WriteAsync(buffer.AsMemory(0, n));
            size += n;
        }

        return new ArchivedFile(entryName, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>A copy of the live SQLite database through SQLite's online backup API: the portal may keep running and writing.</summary>
    private static async Task<int> SnapshotAsync(string sourceFile, IConfiguration configuration, string dataPath, string snapshot)
    {
        var source = new SqliteConnectionStringBuilder(DatabaseExtensions.ConnectionString(configuration, DatabaseProvider.Sqlite, dataPath))
        {
            Mode = SqliteOpenMode.ReadWrite,
            DataSource = sourceFile,
        };
        await using var from = new SqliteConnection(source.ToString());
        await using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = snapshot, Pooling = false }.ToString());
        await from.OpenAsync();
        await to.OpenAsync();
        from.BackupDatabase(to);

        // One self-contained file, whatever journal mode the live database uses.
        await ExecuteAsync(to, "PRAGMA journal_mode=DELETE;");
        var integrity = Convert.ToString(await ScalarAsync(to, "PRAGMA integrity_check;"), CultureInfo.InvariantCulture);
        if (integrity != "ok")
        {
            throw new Refusal($"The copy of the database failed its integrity check: {integrity}");
        }

        return Convert.ToInt32(await ScalarAsync(to, "SELECT count(*) FROM sqlite_master WHERE type = 'table';"), CultureInfo.InvariantCulture);
    }

    /// <summary>The names in the file store that the database's stored files need: each file, and its thumbnail when it has one.</summary>
    private static async Task<IReadOnlyList<string>> ReferencedFilesAsync(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseExtensions.Configure(options, provider, connectionString);
        await using var db = new PortalDbContext(options.Options);
        var files = await db.StoredFiles.AsNoTracking().Select(f => new { f.Id, f.HasThumbnail }).ToListAsync();
        return files
            .SelectMany(f => f.HasThumbnail ? new[] { f.Id.ToString("N"), f.Id.ToString("N") + ".thumb" } : [f.Id.ToString("N")])
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string SqliteFile(IConfiguration configuration, string dataPath) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(DatabaseExtensions.ConnectionString(configuration, DatabaseProvider.Sqlite, dataPath)).DataSource);

    private static string ReadOnly(string file) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();

    /// <summary>The file and what SQLite may have left beside it; nothing when its folder doesn't exist.</summary>
    private static void DeleteSqliteFile(string file)
    {
        if (!Directory.Exists(Path.GetDirectoryName(file)))
        {
            return;
        }

        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(file + suffix);
        }
    }

    private static string PortalVersion() =>
        typeof(PortalArchive).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(PortalArchive).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

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
