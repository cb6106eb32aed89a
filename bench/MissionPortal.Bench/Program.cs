using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Bench;
using MissionPortal.Core.Data;
using MissionPortal.Core.Data.Demo;
using MissionPortal.DataGenerator;
using MissionPortal.Web.Infrastructure.Database;

// bench generate --scale N --out FOLDER [--postgres CONNECTION]: a database (migrated, seeded) at N times the seed, with one
//   more mission whose delegation has 500 people (the roster printed as HTML and as PDF): SQLite in FOLDER/missionportal.db,
//   or with --postgres the PostgreSQL database the connection string names, dropped and created anew.
// bench load --url URL ... [--self-signed]: with --self-signed the run's own TLS certificate (nginx in front) is accepted.
// bench load --url URL --connections C --seconds S --warmup S --writes SHARE --mission M --delegation D --signup-mission M [--pid PID]:
//   the mixed read/write load against a running portal (see LoadTest).
// bench b2b [--results FILE]: times the B2B meeting scheduler (see B2bBench).
const int LargeDelegationPeople = 500;
return args switch
{
    ["generate", "--scale", var scaleText, "--out", var folder] when int.TryParse(scaleText, CultureInfo.InvariantCulture, out var scale) && scale >= 1
        => await GenerateAsync(scale, folder, null),
    ["generate", "--scale", var scaleText, "--out", var folder, "--postgres", var connection] when int.TryParse(scaleText, CultureInfo.InvariantCulture, out var scale) && scale >= 1
        => await GenerateAsync(scale, folder, connection),
    ["load", .. var rest] when LoadOptions(rest) is { } options => await LoadTest.RunAsync(options),
    ["b2b", ..] => MissionPortal.Bench.B2bBench.Run(args),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bench generate --scale N --out FOLDER [--postgres CONNECTION]");
    Console.Error.WriteLine("       bench b2b [--results FILE]");
    Console.Error.WriteLine("       bench load --url URL --connections C --seconds S --warmup S --writes SHARE --mission M --delegation D --signup-mission M [--pid PID] [--self-signed]");
    return 2;
}

static LoadTest.Options? LoadOptions(string[] rest)
{
    var values = new Dictionary<string, string>();
    var selfSigned = rest.Contains("--self-signed");
    rest = rest.Where(a => a != "--self-signed").ToArray();
    for (var i = 0; i + 1 < rest.Length; i += 2)
    {
        values[rest[i].TrimStart('-')] = rest[i + 1];
    }

    int Int(string name) => int.Parse(values[name], CultureInfo.InvariantCulture);
    string[] required = ["url", "connections", "seconds", "warmup", "writes", "mission", "delegation", "signup-mission"];
    return required.All(values.ContainsKey)
        ? new LoadTest.Options(
            new Uri(values["url"]), Int("connections"), Int("seconds"), Int("warmup"), double.Parse(values["writes"], CultureInfo.InvariantCulture),
            Int("mission"), Int("delegation"), Int("signup-mission"), values.ContainsKey("pid") ? Int("pid") : null, selfSigned)
        : null;
}

static async Task<int> GenerateAsync(int scale, string folder, string? postgres)
{
    Directory.CreateDirectory(folder);
    var builder = new DbContextOptionsBuilder<PortalDbContext>();
    string where;
    if (postgres is null)
    {
        var path = Path.Combine(folder, "missionportal.db");
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }

        builder.UseSqlite($"Data Source={path}", sqlite => sqlite.MigrationsAssembly("MissionPortal.Migrations.Sqlite"));
        where = path;
    }
    else
    {
        PostgreSqlSetup.Configure(builder, postgres);
        where = PostgreSqlSetup.Describe(postgres);
    }

    var options = builder.Options;
    await using var db = new PortalDbContext(options);
    var started = DateTime.UtcNow;
    if (postgres is not null)
    {
        await db.Database.EnsureDeletedAsync();
    }

    await db.Database.MigrateAsync();
    if (postgres is null)
    {
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    await DemoData.SeedAsync(db);
    if (scale > 1)
    {
        var report = await ScaleGenerator.GenerateAsync(db, scale);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Scale}x: {report.Missions} missions, {report.Companies} companies, {report.Participants} participants, {report.ProgrammeItems} items, {report.Products} products in {report.Elapsed.TotalSeconds:F1} s"));
    }

    var large = await ScaleGenerator.AddLargeDelegationAsync(db, LargeDelegationPeople);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"large delegation {large}: {LargeDelegationPeople} people"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"database {where} ready in {(DateTime.UtcNow - started).TotalSeconds:F1} s"));
    return 0;
}
