using Microsoft.Extensions.Localization;

namespace MissionPortal.Web.Infrastructure.Localization;

/// <summary>
/// Names the portal writes itself when it creates a record («Принимающая сторона», «Делегация») are text of the
/// interface, not a user's data: they are stored in Russian and shown in the reader's language. A name a person typed
/// is shown as typed.
/// </summary>
public static class GeneratedNames
{
    /// <summary>The delegation names the portal gives on its own.</summary>
    public static readonly IReadOnlySet<string> Delegations = new HashSet<string>(StringComparer.Ordinal) { "Делегация", "Принимающая сторона" };

    /// <summary>The name in the reader's language when the portal generated it; otherwise the name as it is.</summary>
    public static string Shown(this IStringLocalizer l, string? name) =>
        name is not null && Delegations.Contains(name) ? l[name] : name ?? string.Empty;
}
