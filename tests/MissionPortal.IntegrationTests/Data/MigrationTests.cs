using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using MissionPortal.Core.Data;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Data;

/// <summary>Every migration set must match the model, and the SQL Server one must be valid T-SQL.</summary>
public class MigrationTests
{
    private static PortalDbContext Context(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseExtensions.Configure(
            options,
            provider,
            provider switch
            {
                DatabaseProvider.Sqlite => "Data Source=:memory:",
                DatabaseProvider.PostgreSql => "Host=localhost;Database=missionportal",
                _ => "Server=localhost;Database=MissionPortal;TrustServerCertificate=True",
            });
        return new PortalDbContext(options.Options);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void Every_model_change_has_its_migration(DatabaseProvider provider)
    {
        using var db = Context(provider);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(
            db.Database.HasPendingModelChanges(),
            $"The model has changes that the {provider} migrations lack: add a migration to every migration project (README).");
    }

    [Theory]
    [InlineData(DatabaseProvider.SqlServer)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void Every_provider_has_the_same_migrations_as_SQLite(DatabaseProvider provider)
    {
        using var sqlite = Context(DatabaseProvider.Sqlite);
        using var other = Context(provider);
        static IEnumerable<string> Names(PortalDbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(Names(sqlite), Names(other));
    }

    [Fact]
    public void The_SQL_Server_script_parses_as_T_SQL()
    {
        using var db = Context(DatabaseProvider.SqlServer);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TABLE [Missions]", script, StringComparison.Ordinal);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        // The script separates batches with GO, which the parser reads as a batch separator.
        using var reader = new StringReader(script);
        var fragment = parser.Parse(reader, out var errors);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
        var script160 = Assert.IsType<TSqlScript>(fragment);
        var statements = script160.Batches.Sum(b => b.Statements.Count);
        Assert.True(statements > 10, $"only {statements} statements parsed");
    }
}
