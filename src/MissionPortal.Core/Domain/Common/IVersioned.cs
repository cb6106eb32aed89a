namespace MissionPortal.Core.Domain.Common;

/// <summary>
/// An editable aggregate root. <see cref="Version"/> is the optimistic-concurrency token:
/// a new value is written on every save, so a second edit made from a stale copy fails
/// on both SQLite and SQL Server (SQLite has no rowversion).
/// </summary>
public interface IVersioned
{
    Guid Version { get; }

    void RenewVersion();
}

public abstract class VersionedEntity : IVersioned
{
    public int Id { get; protected set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public virtual void RenewVersion() => Version = Guid.NewGuid();
}
