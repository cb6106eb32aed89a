namespace MissionPortal.Web.Infrastructure.Database;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>Bound from the "Database" section: which provider, and what to do at start.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply migrations at start. Always on for SQLite; for SQL Server and PostgreSQL only when set.</summary>
    public bool MigrateOnStart { get; set; }
}

/// <summary>Bound from the "Storage" section: where the portal keeps its files.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The data folder: the SQLite file, logs, uploads. Relative paths are under the content root.</summary>
    public string DataPath { get; set; } = "App_Data";

    public static string ResolveDataPath(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[$"{Section}:{nameof(DataPath)}"];
        var path = string.IsNullOrWhiteSpace(configured) ? "App_Data" : configured;
        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path));
    }
}

/// <summary>Bound from the "Demo" section: demo data and one account per role, with a known password.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public const string Password = "MissionDemo-2026";

    public const string AgencyEmail = "agency@demo.local";

    public const string MinistryEmail = "ministry@demo.local";

    public const string CompanyEmail = "company@demo.local";

    /// <summary>A Krasnoyarsk company that hosts B2B meetings (ООО «Енисейская аптечная сеть»).</summary>
    public const string HostCompanyEmail = "host@demo.local";

    /// <summary>On by default with SQLite, off by default with SQL Server and PostgreSQL.</summary>
    public bool Enabled { get; set; }
}
