namespace MissionPortal.Web.Infrastructure.Mail;

/// <summary>Bound from the "Mail" section: who the portal writes as, how it reaches an SMTP server, how it retries.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The sender of every message, «Name &lt;address&gt;» or a bare address.</summary>
    public string From { get; set; } = "МиссияПортал <noreply@missionportal.local>";

    /// <summary>The portal's public address for links in messages (https://portal.example.ru); unset, the address of the request that caused the message.</summary>
    public string? PortalUrl { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How often the sender looks for due messages when nobody wakes it.</summary>
    public double PollSeconds { get; set; } = 15;

    /// <summary>The pause after the first refusal; it doubles with each further one up to <see cref="MaxRetrySeconds"/>.</summary>
    public double RetrySeconds { get; set; } = 30;

    public double MaxRetrySeconds { get; set; } = 3600;

    /// <summary>How long a sender holds a claimed message before another instance may take it over.</summary>
    public double LeaseSeconds { get; set; } = 300;

    public int BatchSize { get; set; } = 20;

    /// <summary>Sent messages are deleted after this many days (their bodies hold one-time links).</summary>
    public int KeepSentDays { get; set; } = 30;
}

/// <summary>The "Mail:Smtp" section. With no <see cref="Host"/> every message is written as an .eml file into mail/ in the data folder.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Require STARTTLS (true by default). False: plain SMTP, or TLS from the start on port 465.</summary>
    public bool StartTls { get; set; } = true;

    public double TimeoutSeconds { get; set; } = 20;
}
