using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Mail;
using MissionPortal.Core.Security;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.IntegrationTests.Mail;

/// <summary>
/// The outbox against a real SMTP server in the test process: a server that is down, then refuses, then accepts;
/// a portal that stops and starts again over the same database; two portals sending from one outbox.
/// </summary>
public class OutboxTests
{
    private static (string, string)[] SmtpSettings(int port, params (string, string)[] more) =>
    [
        ("Mail:Smtp:Host", "127.0.0.1"), ("Mail:Smtp:Port", port.ToString(CultureInfo.InvariantCulture)), ("Mail:Smtp:StartTls", "false"),
        ("Mail:Smtp:TimeoutSeconds", "5"), ("Mail:PollSeconds", "0.1"), ("Mail:RetrySeconds", "0.2"), ("Mail:MaxRetrySeconds", "0.4"),
        ("Mail:LeaseSeconds", "3"),
        .. more,
    ];

    /// <summary>A database file shared by the portals of one test, each of which is a separate host, as after a restart.</summary>
    private static (string, string)[] SharedDatabase(string folder) => TestDatabase.IsPostgreSql
        ? [("ConnectionStrings:PostgreSql", TestDatabase.CreatePostgreSqlDatabase()), ("Demo:Enabled", "false")]
        : [("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(folder, "portal.db")}"), ("Demo:Enabled", "false")];

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "missionportal-outbox", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static async Task<List<int>> EnqueueAsync(PortalFactory portal, int count, string prefix)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var messages = Enumerable.Range(1, count)
            .Select(i => new OutboxMessage("test", $"{prefix}-{i}@example.ru", "Получатель", $"Письмо {prefix} {i}", "Текст", "<p>Текст</p>", DateTime.UtcNow))
            .ToList();
        db.OutboxMessages.AddRange(messages);
        await db.SaveChangesAsync();
        return messages.Select(m => m.Id).ToList();
    }

    private static async Task<OutboxMessage> RowAsync(PortalFactory portal, string to) =>
        await portal.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.ToAddress == to));

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Timed out waiting until {what}.");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_message_waits_while_the_server_is_down_or_refuses_and_goes_once_when_it_accepts()
    {
        var port = TestSmtpServer.FreePort();
        await using var portal = new ConfiguredFactory(SmtpSettings(port));
        var email = await portal.CreateUserAsync(Roles.Ministry);

        // The server is down: the request is answered as usual, the message waits with its error.
        using (var asked = await portal.CreatePortalClient().SubmitFormAsync("/account/forgot-password", "form[data-testid=forgot-password]", [new("Email", email)]))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, asked.StatusCode);
        }

        await UntilAsync(async () => (await RowAsync(portal, email)).Attempts >= 2, "two attempts failed");
        var waiting = await RowAsync(portal, email);
        Assert.Null(waiting.SentAtUtc);
        Assert.False(string.IsNullOrEmpty(waiting.LastError));
        Assert.Null(waiting.ClaimedBy);

        // The server is up but refuses the message: still kept, with the server's answer.
        await using var server = new TestSmtpServer(port) { Refusing = true }.Start();
        await UntilAsync(async () => server.Refused >= 2, "the server refused twice");
        await UntilAsync(async () => (await RowAsync(portal, email)).LastError?.Contains("mailbox refused for the test", StringComparison.Ordinal) == true, "the refusal was recorded");
        Assert.Null((await RowAsync(portal, email)).SentAtUtc);
        Assert.Empty(server.Received);

        // It accepts: the message goes, once.
        server.Refusing = false;
        await server.WaitForAsync(1);
        await UntilAsync(async () => (await RowAsync(portal, email)).SentAtUtc is not null, "the message was marked sent");
        await Task.Delay(1000);

        var received = Assert.Single(server.Received);
        Assert.Equal(email, received.To.Mailboxes.Single().Address);
        Assert.Equal("Восстановление пароля на портале бизнес-миссий", received.Subject);
        Assert.Contains("/account/reset-password?user=", received.TextBody, StringComparison.Ordinal);
        var sent = await RowAsync(portal, email);
        Assert.Equal($"{sent.MessageKey:N}@missionportal", received.MessageId);
        Assert.Null(sent.LastError);
        Assert.True(sent.Attempts >= 4, $"attempts: {sent.Attempts}");
    }

    [Fact]
    public async Task After_a_restart_a_waiting_message_goes_and_a_sent_one_does_not_go_again()
    {
        var folder = NewFolder();
        var port = TestSmtpServer.FreePort();
        var settings = SmtpSettings(port, SharedDatabase(folder));

        // First run: the server is down, the message waits in the outbox when the portal stops.
        await using (var first = new ConfiguredFactory(settings))
        {
            await EnqueueAsync(first, 1, "waiting");
            await UntilAsync(async () => (await RowAsync(first, "waiting-1@example.ru")).Attempts >= 1, "an attempt failed");
        }

        await using var server = new TestSmtpServer(port).Start();

        // Second run: it goes.
        await using (var second = new ConfiguredFactory(settings))
        {
            _ = second.Services;
            await server.WaitForAsync(1);
            await UntilAsync(async () => (await RowAsync(second, "waiting-1@example.ru")).SentAtUtc is not null, "the message was marked sent");
        }

        // Third run: a new message goes and the sent one does not go again. A message claimed by a portal that died
        // goes once its claim has run out.
        await using var third = new ConfiguredFactory(settings);
        _ = third.Services;
        var leaseEnds = DateTime.UtcNow.AddSeconds(5);
        await using (var scope = third.Services.CreateAsyncScope())
        {
            // Written and claimed in one transaction, so no sender sees it unclaimed.
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var orphan = new OutboxMessage("test", "orphan-1@example.ru", null, "Письмо", "Текст", "<p>Текст</p>", DateTime.UtcNow);
            db.OutboxMessages.Add(orphan);
            await db.SaveChangesAsync();
            await db.OutboxMessages.Where(m => m.Id == orphan.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ClaimedBy, "a portal that died").SetProperty(m => m.ClaimedUntilUtc, leaseEnds).SetProperty(m => m.Version, Guid.NewGuid()));
            await transaction.CommitAsync();
        }

        await EnqueueAsync(third, 1, "new");
        await server.WaitForAsync(2);
        Assert.DoesNotContain(server.Received, m => m.To.Mailboxes.Single().Address == "orphan-1@example.ru");
        await server.WaitForAsync(3);
        await Task.Delay(1000);

        Assert.True(DateTime.UtcNow >= leaseEnds);
        Assert.Equal(["new-1@example.ru", "orphan-1@example.ru", "waiting-1@example.ru"],
            server.Received.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(3, await third.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.SentAtUtc != null)));
    }

    [Fact]
    public async Task Two_portals_on_one_outbox_send_every_message_exactly_once()
    {
        var folder = NewFolder();
        await using var server = new TestSmtpServer().Start();
        var settings = SmtpSettings(server.Port, [.. SharedDatabase(folder), ("Mail:PollSeconds", "0.02"), ("Mail:BatchSize", "5")]);
        await using var one = new ConfiguredFactory(settings);
        _ = one.Services;
        await using var two = new ConfiguredFactory(settings);
        _ = two.Services;

        var ids = (await EnqueueAsync(one, 30, "first")).Concat(await EnqueueAsync(two, 30, "second")).ToList();
        await server.WaitForAsync(60);
        await UntilAsync(async () => await one.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.SentAtUtc != null)) == 60, "all were marked sent");
        await Task.Delay(1000);

        var keys = await one.QueryAsync(db => db.OutboxMessages.Where(m => ids.Contains(m.Id)).Select(m => m.MessageKey).ToListAsync());
        Assert.Equal(60, server.Received.Count);
        Assert.Equal(keys.Select(k => $"{k:N}@missionportal").Order(StringComparer.Ordinal), server.Received.Select(m => m.MessageId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Without_an_smtp_host_messages_are_eml_files_in_the_data_folder()
    {
        await using var portal = new PortalFactory();
        var email = await portal.CreateUserAsync(Roles.Ministry);
        using (await portal.CreatePortalClient().SubmitFormAsync("/account/forgot-password", "form[data-testid=forgot-password]", [new("Email", email)]))
        {
        }

        var message = await MailFolder.WaitForAsync(portal.DataPath, email, AccountMail.PasswordResetKind);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(portal.DataPath, "mail"), $"*-{AccountMail.PasswordResetKind}-*.eml"));
        Assert.Contains((await RowAsync(portal, email)).MessageKey.ToString("N"), Path.GetFileName(file), StringComparison.Ordinal);
        Assert.Equal("noreply@missionportal.local", message.From.Mailboxes.Single().Address);
        Assert.Equal("Проверочный Пользователь", message.To.Mailboxes.Single().Name);
        Assert.NotNull(message.TextBody);
        Assert.NotNull(message.HtmlBody);
        Assert.DoesNotContain(".part", string.Join(",", Directory.GetFiles(Path.Combine(portal.DataPath, "mail"))), StringComparison.Ordinal);
    }
}
