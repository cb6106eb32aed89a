using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.Web.Infrastructure.Mail;

/// <summary>Where a message goes: an SMTP server, or the pickup folder when none is configured.</summary>
public interface IMailTransport
{
    /// <summary>Hands the message over; throws when it was not taken, so the outbox keeps it.</summary>
    Task SendAsync(MimeMessage message, string fileName, CancellationToken ct);
}

/// <summary>MailKit over SMTP: a connection per message, STARTTLS unless turned off, login when a user is set.</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, string fileName, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(smtp.TimeoutSeconds).TotalMilliseconds };
        var security = smtp.StartTls ? SecureSocketOptions.StartTls
            : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.None;
        await client.ConnectAsync(smtp.Host ?? "localhost", smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? string.Empty, ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>
/// No SMTP server: each message becomes an .eml file in mail/ under the data folder, which any mail program opens.
/// The file is written whole under a temporary name and then renamed, and a file already there is the same message.
/// </summary>
public sealed class PickupFolderTransport(IOptions<StorageOptions> storage) : IMailTransport
{
    public string Folder => Path.Combine(storage.Value.DataPath, "mail");

    public async Task SendAsync(MimeMessage message, string fileName, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, fileName);
        if (File.Exists(path))
        {
            return;
        }

        var temporary = path + ".part";
        await message.WriteToAsync(temporary, ct);
        File.Move(temporary, path, overwrite: true);
    }
}
