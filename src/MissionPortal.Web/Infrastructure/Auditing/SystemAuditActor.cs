namespace MissionPortal.Web.Infrastructure.Auditing;

/// <summary>
/// Changes the portal makes by itself at start-up that must still be on the record (retiring the demo accounts when
/// demo mode is switched off): inside <see cref="Begin"/> the audit's «who» is the portal, by the given name.
/// </summary>
public static class SystemAuditActor
{
    private static readonly AsyncLocal<string?> Name = new();

    public static string? Current => Name.Value;

    public static IDisposable Begin(string name)
    {
        Name.Value = name;
        return new Scope();
    }

    private sealed class Scope : IDisposable
    {
        public void Dispose() => Name.Value = null;
    }
}
