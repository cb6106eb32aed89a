namespace MissionPortal.Web.Infrastructure.Database;

/// <summary>
/// Commands run instead of the web server: <c>dotnet run --project src/MissionPortal.Web -- backup PATH</c> and
/// <c>restore PATH [--force]</c>. Options after the command (<c>--Storage:DataPath=...</c>) configure it as they
/// configure the portal.
/// </summary>
public static class PortalCommands
{
    public const string Backup = "backup";
    public const string Restore = "restore";
    public const string Force = "--force";

    public static bool Requested(string[] args) => args.Length > 0 && args[0] is Backup or Restore;

    /// <summary>What the host is configured with: the options, without the command, its argument and its switch.</summary>
    public static string[] HostArguments(string[] args) =>
        Requested(args) ? args[Math.Min(2, args.Length)..].Where(a => a != Force).ToArray() : args;

    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args)
    {
        if (args.Length < 2 || string.IsNullOrWhiteSpace(args[1]) || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync(
                "Usage: MissionPortal.Web backup PATH | restore PATH [--force] [--Storage:DataPath=...] [--Database:Provider=...]");
            return 64;
        }

        var contentRoot = builder.Environment.ContentRootPath;
        return args[0] == Backup
            ? await PortalArchive.BackupAsync(builder.Configuration, contentRoot, args[1], Console.Out, Console.Error)
            : await PortalArchive.RestoreAsync(builder.Configuration, contentRoot, args[1], args.Contains(Force), Console.Out, Console.Error);
    }
}
