namespace MissionPortal.Core.Domain.Auditing;

/// <summary>Who is changing data right now; the web app answers from the current request.</summary>
public interface IAuditActor
{
    /// <summary>The actor of the current change, or null when nothing is to be recorded (start-up seeding, tools).</summary>
    AuditActor? Current { get; }
}

/// <summary>A user (null id: an anonymous visitor, such as a company signing up) and the moment of the change.</summary>
public sealed record AuditActor(string? UserId, string? UserName, DateTime AtUtc);
