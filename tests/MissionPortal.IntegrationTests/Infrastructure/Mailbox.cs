using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace MissionPortal.IntegrationTests.Infrastructure;

/// <summary>The .eml files the portal wrote into mail/ under its data folder, read back as a mail program would.</summary>
public static partial class MailFolder
{
    public static IReadOnlyList<MimeMessage> Read(string dataPath)
    {
        var folder = Path.Combine(dataPath, "mail");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList()
            : [];
    }

    /// <summary>Waits (at most 20 s) for a message to <paramref name="to"/> of the given kind and returns it.</summary>
    public static async Task<MimeMessage> WaitForAsync(string dataPath, string to, string kind, int count = 1)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var found = Of(Read(dataPath), to, kind);
            if (found.Count >= count)
            {
                return found[count - 1];
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"No {kind} message to {to} in {dataPath}/mail; there are {Read(dataPath).Count} messages.");
            }

            await Task.Delay(50);
        }
    }

    public static List<MimeMessage> Of(IEnumerable<MimeMessage> messages, string to, string kind) =>
        messages.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase))
                            && m.Headers["X-MissionPortal-Kind"] == kind).ToList();

    /// <summary>The first link into the portal in the message's text part, as a path and query.</summary>
    public static string LinkIn(MimeMessage message, string path)
    {
        var match = Regex.Match(message.TextBody ?? string.Empty, @"https?://[^\s]+" + Regex.Escape(path) + @"[^\s]*");
        Assert.True(match.Success, $"No link to {path} in:\n{message.TextBody}");
        var uri = new Uri(match.Value);
        return uri.PathAndQuery;
    }
}

/// <summary>
/// A real SMTP server in the test process (SmtpServer from NuGet) on a free port of the loopback address. It keeps
/// every message it accepted; while <see cref="Refusing"/> it answers 554 to the message, as a server that refuses does.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;

    public TestSmtpServer(int? port = null)
    {
        Port = port ?? FreePort();
    }

    public int Port { get; }

    public bool Refusing { get; set; }

    public int Refused => Volatile.Read(ref _refused);

    private int _refused;

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public TestSmtpServer Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        var server = new SmtpServer.SmtpServer(options, services);
        _running = server.StartAsync(_stop.Token);
        return this;
    }

    public async Task WaitForAsync(int count)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (Received.Count < count)
        {
            Assert.True(DateTime.UtcNow < until, $"The SMTP server got {Received.Count} messages, not {count}.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            try
            {
                await _running;
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, System.Buffers.ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (server.Refusing)
            {
                Interlocked.Increment(ref server._refused);
                return new SmtpResponse(SmtpReplyCode.TransactionFailed, "mailbox refused for the test");
            }

            await using var stream = new MemoryStream(System.Buffers.BuffersExtensions.ToArray(buffer));
            server.Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
