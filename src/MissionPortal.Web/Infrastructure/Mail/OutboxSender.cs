using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Mail;

namespace MissionPortal.Web.Infrastructure.Mail;

/// <summary>A pulse that wakes the sender; pulses while it is busy are kept as one.</summary>
public sealed class OutboxSignal : IOutboxSignal
{
    private readonly SemaphoreSlim _pulse = new(0, 1);

    public void Pulse()
    {
        try
        {
            _pulse.Release();
        }
        catch (SemaphoreFullException)
        {
            // already awake
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _pulse.WaitAsync(timeout, ct);
}

/// <summary>
/// Sends what the outbox holds. Each message is first claimed: one UPDATE that sets this sender's name, a lease and a
/// new version where the version is still the one read, so of two instances only one gets it. Sent, it is marked sent
/// (and is never claimed again, restart or not); refused, it keeps its error and waits 1, 2, 4, ... times
/// Mail:RetrySeconds; a sender that dies leaves a lease that expires, and the message is taken up again.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    OutboxSignal signal,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<OutboxSender> logger) : BackgroundService
{
    /// <summary>The comment on the sender's SQL, so a count of a request's commands can leave them out.</summary>
    public const string Tag = "outbox sender";

    /// <summary>This process among the portal's instances, as written into the rows it claims.</summary>
    public string Instance { get; } = Truncate($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}", 100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastCleanup = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0 && !stoppingToken.IsCancellationRequested)
                {
                }

                var now = clock.GetUtcNow().UtcDateTime;
                if (now - lastCleanup > TimeSpan.FromHours(1))
                {
                    await DeleteOldAsync(now, stoppingToken);
                    lastCleanup = now;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database is away, say: the messages wait in the outbox, and the next round tries again.
                logger.LogWarning(e, "The mail outbox could not be read; trying again later");
            }

            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(Math.Max(0.05, options.Value.PollSeconds)), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Claims and sends the messages due now; returns how many it tried.</summary>
    public async Task<int> SendDueAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages.TagWith(Tag).AsNoTracking()
            .Where(m => m.SentAtUtc == null && m.NextAttemptAtUtc <= now && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Version })
            .Take(Math.Max(1, settings.BatchSize))
            .ToListAsync(stoppingToken);

        var tried = 0;
        foreach (var candidate in due)
        {
            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            var claim = Guid.NewGuid();
            now = clock.GetUtcNow().UtcDateTime;
            var leaseEnds = now.AddSeconds(settings.LeaseSeconds);
            var claimed = await db.OutboxMessages.TagWith(Tag)
                .Where(m => m.Id == candidate.Id && m.Version == candidate.Version && m.SentAtUtc == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.ClaimedBy, Instance)
                    .SetProperty(m => m.ClaimedUntilUtc, leaseEnds)
                    .SetProperty(m => m.Version, claim), stoppingToken);
            if (claimed == 0)
            {
                continue; // another instance took it
            }

            tried++;
            var message = await db.OutboxMessages.TagWith(Tag).AsNoTracking().SingleAsync(m => m.Id == candidate.Id, stoppingToken);
            await SendOneAsync(db, message, claim, settings);
        }

        return tried;
    }

    /// <summary>
    /// Sends one claimed message. The hand-over is not cut short by the portal stopping (a message half-given to the
    /// server would go again after the restart); it is bounded by the SMTP timeout instead.
    /// </summary>
    private async Task SendOneAsync(PortalDbContext db, OutboxMessage message, Guid claim, MailOptions settings)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Max(1, settings.Smtp.TimeoutSeconds) * 2));
        var attempts = message.Attempts + 1;
        try
        {
            await transport.SendAsync(ToMime(message, settings), FileName(message), timeout.Token);
        }
        catch (Exception e)
        {
            var pause = OutboxMessage.Backoff(attempts, TimeSpan.FromSeconds(settings.RetrySeconds), TimeSpan.FromSeconds(settings.MaxRetrySeconds));
            var next = clock.GetUtcNow().UtcDateTime + pause;
            var error = Truncate($"{e.GetType().Name}: {e.Message}", OutboxMessage.MaxError);
            await db.OutboxMessages.TagWith(Tag).Where(m => m.Id == message.Id && m.Version == claim)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.NextAttemptAtUtc, next)
                    .SetProperty(m => m.ClaimedBy, (string?)null)
                    .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null)
                    .SetProperty(m => m.Version, Guid.NewGuid()), CancellationToken.None);
            logger.LogWarning("Mail {Kind} {MessageId} to {To} not sent (attempt {Attempt}), next try at {Next:u}: {Error}",
                message.Kind, message.Id, message.ToAddress, attempts, next, error);
            return;
        }

        // Taken by the server: marked sent, never to be claimed again. Should this write fail, the lease runs out and
        // the message goes once more, with the same Message-ID, so the receiving side can tell it is the same one.
        var sentAt = clock.GetUtcNow().UtcDateTime;
        await db.OutboxMessages.TagWith(Tag).Where(m => m.Id == message.Id && m.Version == claim)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAtUtc, sentAt)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null)
                .SetProperty(m => m.Version, Guid.NewGuid()), CancellationToken.None);
        logger.LogInformation("Mail {Kind} {MessageId} sent to {To} (attempt {Attempt})", message.Kind, message.Id, message.ToAddress, attempts);
    }

    private async Task DeleteOldAsync(DateTime now, CancellationToken ct)
    {
        var before = now.AddDays(-Math.Max(1, options.Value.KeepSentDays));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.OutboxMessages.TagWith(Tag).Where(m => m.SentAtUtc != null && m.SentAtUtc < before).ExecuteDeleteAsync(ct);
    }

    /// <summary>The message as it goes out; built the same way at every attempt.</summary>
    public static MimeMessage ToMime(OutboxMessage message, MailOptions settings)
    {
        var mime = new MimeMessage
        {
            MessageId = $"{message.MessageKey:N}@missionportal",
            Subject = message.Subject,
            Date = new DateTimeOffset(DateTime.SpecifyKind(message.CreatedAtUtc, DateTimeKind.Utc)),
        };
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(new MailboxAddress(message.ToName ?? string.Empty, message.ToAddress));
        mime.Headers.Add("X-MissionPortal-Kind", message.Kind);
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        if (message.AttachmentContent is { } content && message.AttachmentName is { } name)
        {
            body.Attachments.Add(name, content, ContentType.Parse(message.AttachmentContentType ?? "application/octet-stream"));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    /// <summary>Sortable by time, and the same at every attempt: 20261207-112501-password-reset-1f3a….eml.</summary>
    public static string FileName(OutboxMessage message) =>
        string.Create(CultureInfo.InvariantCulture, $"{message.CreatedAtUtc:yyyyMMdd-HHmmss}-{message.Kind}-{message.MessageKey:N}.eml");

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
