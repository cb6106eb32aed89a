namespace MissionPortal.Core.Domain.Notifications;

/// <summary>
/// One notice to one person, shown in the portal's list whether or not it also went by e-mail. Written in the
/// recipient's language when it is raised, with the page it is about.
/// </summary>
public class Notification
{
    public const int MaxKind = 60;
    public const int MaxTitle = 300;
    public const int MaxPath = 500;

    private Notification()
    {
    }

    public Notification(string userId, string kind, string title, string path, DateTime nowUtc)
    {
        UserId = userId;
        Kind = kind;
        Title = title.Length <= MaxTitle ? title : title[..MaxTitle];
        Path = path;
        CreatedAtUtc = nowUtc;
    }

    public int Id { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    public string Kind { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    /// <summary>The portal page the notice is about, as a path (/b2b/requests/5).</summary>
    public string Path { get; private set; } = string.Empty;

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ReadAtUtc { get; private set; }

    /// <summary>Set on a notice raised by a background job: unique, so a second instance's insert fails instead of repeating it.</summary>
    public string? OnceKey { get; private set; }

    public Notification Once(string key)
    {
        OnceKey = key;
        return this;
    }

    public bool IsRead => ReadAtUtc is not null;

    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;
}

/// <summary>A kind of notice a person chose not to receive by e-mail; every kind is on until switched off.</summary>
public class NotificationOptOut
{
    private NotificationOptOut()
    {
    }

    public NotificationOptOut(string userId, string kind)
    {
        UserId = userId;
        Kind = kind;
    }

    public string UserId { get; private set; } = string.Empty;

    public string Kind { get; private set; } = string.Empty;
}
