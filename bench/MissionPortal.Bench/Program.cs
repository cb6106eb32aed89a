using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Data.Demo;
using MissionPortal.DataGenerator;

// bench b2b [--results FILE]: times the B2B meeting scheduler (see B2bBench).
if (args is ["b2b", ..])
{
    return MissionPortal.Bench.B2bBench.Run(args);
}

// bench generate --scale N --out FOLDER: a SQLite database (migrated, seeded) at N times the seed, in FOLDER/missionportal.db.
if (args is not ["generate", "--scale", var scaleText, "--out", var folder] || !int.TryParse(scaleText, CultureInfo.InvariantCulture, out var scale) || scale < 1)
{
    Console.Error.WriteLine("usage: bench generate --scale N --out FOLDER | bench b2b [--results FILE]");
    return 2;
}

Directory.CreateDirectory(folder);
var path = Path.Combine(folder, "missionportal.db");
foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
{
    File.Delete(file);
}

var options = new DbContextOptionsBuilder<PortalDbContext>()
    .UseSqlite($"Data Source={path}", sqlite => sqlite.MigrationsAssembly("MissionPortal.Migrations.Sqlite"))
    .Options;
await using var db = new PortalDbContext(options);
var started = DateTime.UtcNow;
await db.Database.MigrateAsync();
await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
await DemoData.SeedAsync(db);
if (scale > 1)
{
    var report = await ScaleGenerator.GenerateAsync(db, scale);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{report.Scale}x: {report.Missions} missions, {report.Companies} companies, {report.Participants} participants, {report.ProgrammeItems} items, {report.Products} products in {report.Elapsed.TotalSeconds:F1} s"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"database {path} ready in {(DateTime.UtcNow - started).TotalSeconds:F1} s"));
return 0;
