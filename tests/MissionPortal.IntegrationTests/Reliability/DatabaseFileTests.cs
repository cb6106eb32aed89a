using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Reliability;

/// <summary>
/// The SQLite file taken from under a running portal: no save may be confirmed into a deleted file, and no connection
/// may create an empty one in its place.
/// </summary>
[Trait("Database", "Sqlite")]
public sealed class DeletedDatabaseFileTests(FileDatabasePortalFactory factory) : IClassFixture<FileDatabasePortalFactory>
{
    [Fact]
    public async Task A_deleted_database_file_takes_no_save_turns_ready_red_and_is_not_created_again()
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.AgencyEmail);
        var token = await client.AntiforgeryTokenAsync("/missions");
        using (var ready = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        File.Delete(factory.DatabaseFile);

        // A save (the signed-in user's language) is refused with the 503 page, not confirmed into the deleted file.
        using (var save = await client.PostAsync(
            "/culture/set?returnUrl=%2Fmissions",
            new FormUrlEncodedContent([new("culture", "en"), new("__RequestVerificationToken", token)])))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, save.StatusCode);
            Assert.Contains("Портал временно недоступен", await save.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var ready = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        // Fresh connections (the pool emptied, as after a while) find no file and don't make an empty one.
        SqliteConnection.ClearAllPools();
        using (var page = await client.GetAsync("/missions"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        }

        Assert.False(File.Exists(factory.DatabaseFile), "a connection created a new, empty database file");
    }
}

[Trait("Database", "Sqlite")]
public sealed class ReplacedDatabaseFileTests(FileDatabasePortalFactory factory) : IClassFixture<FileDatabasePortalFactory>
{
    [Fact]
    public async Task A_database_file_replaced_under_the_running_portal_gives_503_and_a_red_ready()
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.AgencyEmail);
        using (var before = await client.GetAsync("/missions"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        // Another file moved over the live one, as a careless restore would do.
        var other = factory.DatabaseFile + ".other";
        await using (var empty = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            await empty.OpenAsync();
            await using var command = empty.CreateCommand();
            command.CommandText = "CREATE TABLE t(x); INSERT INTO t VALUES (1);";
            await command.ExecuteNonQueryAsync();
        }

        File.Move(other, factory.DatabaseFile, overwrite: true);

        using (var page = await client.GetAsync("/missions"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        }

        using (var ready = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }
    }
}

/// <summary>Writes that fail while reads still work: the write lock held elsewhere beyond the portal's patience.</summary>
[Trait("Database", "Sqlite")]
public sealed class UnwritableDatabaseTests(FileDatabasePortalFactory factory) : IClassFixture<FileDatabasePortalFactory>
{
    [Fact]
    public async Task Ready_is_red_while_the_database_takes_no_writes_and_green_again_after()
    {
        var client = factory.CreatePortalClient();
        using (var ready = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        await using (var holder = new SqliteConnection($"Data Source={factory.DatabaseFile};Pooling=False"))
        {
            await holder.OpenAsync();
            await using var command = holder.CreateCommand();
            command.CommandText = "BEGIN EXCLUSIVE;";
            await command.ExecuteNonQueryAsync();
            using var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        using (var ready = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
    }
}

/// <summary>A portal whose SQLite file is reached through a symbolic link to the real data folder, as operators often mount it.</summary>
public sealed class LinkedFolderPortalFactory : PortalFactory
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "missionportal-linked", Guid.NewGuid().ToString("N"));

    public string LinkedFile => Path.Combine(_root, "linked", "missionportal.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Directory.CreateDirectory(Path.Combine(_root, "real"));
        if (!Directory.Exists(Path.Combine(_root, "linked")))
        {
            Directory.CreateSymbolicLink(Path.Combine(_root, "linked"), Path.Combine(_root, "real"));
        }

        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={LinkedFile};Default Timeout=5");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // cleaned with the temp folder
            }
        }
    }
}

[Trait("Database", "Sqlite")]
public sealed class LinkedDatabaseFolderTests(LinkedFolderPortalFactory factory) : IClassFixture<LinkedFolderPortalFactory>
{
    [Fact]
    public async Task A_database_reached_through_a_symbolic_link_is_the_same_file_and_takes_saves()
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.AgencyEmail);
        var token = await client.AntiforgeryTokenAsync("/missions");

        using (var save = await client.PostAsync(
            "/culture/set?returnUrl=%2Fmissions",
            new FormUrlEncodedContent([new("culture", "en-US"), new("__RequestVerificationToken", token)])))
        {
            Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        }

        using (var ready = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        Assert.Equal("en", await factory.QueryAsync(db => db.Users.Where(u => u.Email == DemoOptions.AgencyEmail).Select(u => u.Language).SingleAsync()));
    }
}
