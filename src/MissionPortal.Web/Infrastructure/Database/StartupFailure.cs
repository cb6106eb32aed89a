using Microsoft.Extensions.Options;

namespace MissionPortal.Web.Infrastructure.Database;

/// <summary>A setting the portal can't start with: the message says which and how to set it.</summary>
public sealed class PortalConfigurationException(string message) : Exception(message);

/// <summary>
/// A start that can't go on for a reason the operator can fix (a missing or malformed setting, an unreachable
/// database) ends with one clear line on the error output and exit code 1, not a stack trace.
/// </summary>
public static class StartupFailure
{
    public const int ExitCode = 1;

    /// <summary>The line for the operator, or null when the failure is a bug (which keeps its stack trace).</summary>
    public static string? Explain(Exception failure) => failure switch
    {
        PortalConfigurationException configuration => configuration.Message,
        OptionsValidationException options => string.Join(" ", options.Failures),
        _ when DatabaseFailure.Is(failure) =>
            "The database can't be reached: " + Innermost(failure).Message.ReplaceLineEndings(" ")
            + " Check the connection string (ConnectionStrings__SqlServer or ConnectionStrings__Sqlite) and that the server is running.",
        _ => null,
    };

    private static Exception Innermost(Exception failure)
    {
        while (failure.InnerException is { } inner)
        {
            failure = inner;
        }

        return failure;
    }
}
