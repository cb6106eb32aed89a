namespace MissionPortal.Core.Domain.Mail;

/// <summary>
/// An e-mail waiting to go, written in the same transaction as the change that causes it, so a message exists
/// exactly when its change does. The sender claims a row for a while (<see cref="ClaimedUntilUtc"/>) by changing its
/// <see cref="Version"/> from the value it read; a second sender that read the same row then changes nothing and
/// leaves it alone, so two instances never take one message. A row that refused is retried later with a growing pause.
/// </summary>
public class OutboxMessage
{
    public const int MaxAddress = 256;
    public const int MaxSubject = 300;
    public const int MaxKind = 60;
    public const int MaxError = 1000;

    private OutboxMessage()
    {
    }

    public OutboxMessage(string kind, string toAddress, string? toName, string subject, string textBody, string htmlBody, DateTime nowUtc)
    {
        Kind = kind;
        ToAddress = toAddress;
        ToName = toName;
        Subject = subject.Length <= MaxSubject ? subject : subject[..MaxSubject];
        TextBody = textBody;
        HtmlBody = htmlBody;
        CreatedAtUtc = nowUtc;
        NextAttemptAtUtc = nowUtc;
        MessageKey = Guid.NewGuid();
    }

    public int Id { get; private set; }

    /// <summary>What the message is about (password-reset, company-approved, ...): for the log and the tests.</summary>
    public string Kind { get; private set; } = string.Empty;

    /// <summary>Stable across attempts: the Message-ID header and the .eml file's name, so a retry is the same message.</summary>
    public Guid MessageKey { get; private set; }

    public string ToAddress { get; private set; } = string.Empty;

    public string? ToName { get; private set; }

    public string Subject { get; private set; } = string.Empty;

    public string TextBody { get; private set; } = string.Empty;

    public string HtmlBody { get; private set; } = string.Empty;

    /// <summary>An optional attachment (a calendar file), stored with the message.</summary>
    public string? AttachmentName { get; private set; }

    public string? AttachmentContentType { get; private set; }

    public byte[]? AttachmentContent { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>Not before this time; pushed back after every refusal.</summary>
    public DateTime NextAttemptAtUtc { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Set once the SMTP server (or the pickup folder) took the message; a sent row is never claimed again.</summary>
    public DateTime? SentAtUtc { get; private set; }

    /// <summary>The sender holding the row, and until when; an expired claim (a sender that died) is free again.</summary>
    public string? ClaimedBy { get; private set; }

    public DateTime? ClaimedUntilUtc { get; private set; }

    /// <summary>Renewed at every claim: the claim is an UPDATE that checks the value it read.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>
    /// Set on a message that must go at most once whatever raises it (the day-before programme of one participant):
    /// unique, so a second writer's insert fails instead of queueing it again.
    /// </summary>
    public string? OnceKey { get; private set; }

    public OutboxMessage Once(string key)
    {
        OnceKey = key;
        return this;
    }

    public OutboxMessage WithAttachment(string name, string contentType, byte[] content)
    {
        AttachmentName = name;
        AttachmentContentType = contentType;
        AttachmentContent = content;
        return this;
    }

    /// <summary>The pause after the given number of failed attempts: 1, 2, 4, ... times the base, at most the cap.</summary>
    public static TimeSpan Backoff(int attempts, TimeSpan first, TimeSpan cap)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var pause = TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, cap.Ticks));
        return pause < first ? first : pause;
    }
}
