using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Security;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.IntegrationTests.Features.PasswordRecovery;

/// <summary>«Забыли пароль?» through HTTP, with the link read back from the .eml file the portal wrote.</summary>
[Collection(PortalCollection.Name)]
public class PasswordRecoveryTests(PortalFactory factory)
{
    private const string NewPassword = "Восстановленный-пароль-2026";

    private async Task<HttpResponseMessage> AskForLinkAsync(HttpClient client, string email) =>
        await client.SubmitFormAsync("/account/forgot-password", "form[data-testid=forgot-password]", [new("Email", email)]);

    [Fact]
    public async Task The_login_page_leads_to_the_recovery_form()
    {
        var login = await factory.CreatePortalClient().GetPageAsync("/account/login");
        Assert.Equal("/account/forgot-password", login.QuerySelector("a[data-testid=forgot-password-link]")!.GetAttribute("href"));
        Assert.Equal("Забыли пароль?", login.QuerySelector("a[data-testid=forgot-password-link]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_known_and_an_unknown_address_get_the_same_answer_and_only_the_known_one_gets_mail()
    {
        var email = await factory.CreateUserAsync(Roles.Ministry);
        var unknown = $"nobody-{Guid.NewGuid():N}@example.ru";

        using var known = await AskForLinkAsync(factory.CreatePortalClient(), email);
        using var stranger = await AskForLinkAsync(factory.CreatePortalClient(), unknown);

        Assert.Equal(HttpStatusCode.Redirect, known.StatusCode);
        Assert.Equal(known.Headers.Location, stranger.Headers.Location);
        var page = await factory.CreatePortalClient().GetPageAsync(known.Headers.Location!.OriginalString);
        Assert.Contains("Если этот адрес зарегистрирован на портале", page.QuerySelector("[data-testid=reset-link-sent]")!.TextContent, StringComparison.Ordinal);

        var message = await MailFolder.WaitForAsync(factory.DataPath, email, AccountMail.PasswordResetKind);
        Assert.Equal("Восстановление пароля на портале бизнес-миссий", message.Subject);
        Assert.Contains("Здравствуйте, Проверочный Пользователь!", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://localhost/account/reset-password?user=", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://localhost/account/reset-password?user=", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Задать новый пароль</a>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Empty(MailFolder.Of(MailFolder.Read(factory.DataPath), unknown, AccountMail.PasswordResetKind));
        Assert.False(await factory.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == unknown)));
    }

    [Fact]
    public async Task A_malformed_address_is_refused_on_the_form()
    {
        using var response = await AskForLinkAsync(factory.CreatePortalClient(), "не адрес");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Введите адрес в формате name@example.ru.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_link_sets_a_new_password_ends_every_session_and_works_only_once()
    {
        var email = await factory.CreateUserAsync(Roles.Ministry);
        var signedIn = factory.CreatePortalClient();
        using (await signedIn.LoginAsAsync(email, Accounts.Password))
        {
        }

        using (await AskForLinkAsync(factory.CreatePortalClient(), email))
        {
        }

        var link = MailFolder.LinkIn(await MailFolder.WaitForAsync(factory.DataPath, email, AccountMail.PasswordResetKind), "/account/reset-password");
        var visitor = factory.CreatePortalClient();
        var form = await visitor.GetPageAsync(link);
        Assert.Contains(email, form.QuerySelector("[data-testid=reset-email]")!.TextContent, StringComparison.Ordinal);

        using var reset = await visitor.SubmitFormAsync(link, "form[data-testid=reset-password]", [new("NewPassword", NewPassword), new("ConfirmPassword", NewPassword)]);

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/account/login", reset.Headers.Location!.OriginalString);
        using (var old = await factory.CreatePortalClient().LoginAsync(email, Accounts.Password))
        {
            Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        }

        using (await factory.CreatePortalClient().LoginAsAsync(email, NewPassword))
        {
        }

        // The session opened before the reset is over.
        using var before = await signedIn.GetAsync("/account/manage");
        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        Assert.StartsWith("/account/login", before.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        // The same link again: a clear page, nothing changed.
        var hash = await HashAsync(email);
        var again = await visitor.GetPageAsync(link);
        Assert.NotNull(again.QuerySelector("[data-testid=link-invalid]"));
        Assert.Null(again.QuerySelector("form[data-testid=reset-password]"));
        Assert.Equal(hash, await HashAsync(email));
    }

    [Fact]
    public async Task A_weak_new_password_is_refused_and_the_link_still_works()
    {
        var email = await factory.CreateUserAsync(Roles.Ministry);
        using (await AskForLinkAsync(factory.CreatePortalClient(), email))
        {
        }

        var link = MailFolder.LinkIn(await MailFolder.WaitForAsync(factory.DataPath, email, AccountMail.PasswordResetKind), "/account/reset-password");
        var visitor = factory.CreatePortalClient();
        var hash = await HashAsync(email);

        using var weak = await visitor.SubmitFormAsync(link, "form[data-testid=reset-password]", [new("NewPassword", "qwertyuiop123"), new("ConfirmPassword", "qwertyuiop123")]);
        using var mistyped = await visitor.SubmitFormAsync(link, "form[data-testid=reset-password]", [new("NewPassword", NewPassword), new("ConfirmPassword", "другой")]);

        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("Этот пароль слишком распространён", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Пароли не совпадают.", await mistyped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(hash, await HashAsync(email));
        Assert.NotNull((await visitor.GetPageAsync(link)).QuerySelector("form[data-testid=reset-password]"));
    }

    [Fact]
    public async Task An_altered_link_gives_a_clear_page_and_changes_nothing()
    {
        var email = await factory.CreateUserAsync(Roles.Ministry);
        using (await AskForLinkAsync(factory.CreatePortalClient(), email))
        {
        }

        var link = MailFolder.LinkIn(await MailFolder.WaitForAsync(factory.DataPath, email, AccountMail.PasswordResetKind), "/account/reset-password");
        var hash = await HashAsync(email);
        var userId = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var token = link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        var altered = token[..^3] + (token[^3] == 'A' ? "BBB" : "AAA");

        foreach (var url in new[] { link.Replace(token, altered, StringComparison.Ordinal), link.Replace(token, "not-a-token!", StringComparison.Ordinal), "/account/reset-password", $"/account/reset-password?user=nobody&token={token}" })
        {
            var page = await factory.CreatePortalClient().GetPageAsync(url);
            Assert.NotNull(page.QuerySelector("[data-testid=link-invalid]"));
        }

        var client = factory.CreatePortalClient();
        var antiforgery = await client.AntiforgeryTokenAsync("/account/forgot-password");
        using var posted = await client.PostAsync("/account/reset-password", new FormUrlEncodedContent(
        [
            new("User", userId), new("Token", altered), new("NewPassword", NewPassword), new("ConfirmPassword", NewPassword), new("__RequestVerificationToken", antiforgery),
        ]));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("data-testid=\"link-invalid\"", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(hash, await HashAsync(email));
    }

    [Fact]
    public async Task A_new_address_becomes_the_login_only_after_its_link_is_followed()
    {
        var email = await factory.CreateUserAsync(Roles.Ministry);
        var newEmail = $"renamed-{Guid.NewGuid():N}@example.ru";
        var client = factory.CreatePortalClient();
        using (await client.LoginAsAsync(email, Accounts.Password))
        {
        }

        using (var asked = await client.SubmitFormAsync("/account/manage", "form[data-testid=change-email]",
                   [new("Email.NewEmail", newEmail), new("Email.CurrentPassword", Accounts.Password)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        }

        // Not yet: the old address is still the login.
        Assert.True(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email && u.UserName == email)));
        var notice = await MailFolder.WaitForAsync(factory.DataPath, email, AccountMail.EmailChangeNoticeKind);
        Assert.Contains(newEmail, notice.TextBody, StringComparison.Ordinal);
        var message = await MailFolder.WaitForAsync(factory.DataPath, newEmail, AccountMail.EmailChangeKind);
        var link = MailFolder.LinkIn(message, "/account/confirm-email");

        // Opening the link changes nothing; the button does.
        var page = await client.GetPageAsync(link);
        Assert.Contains(newEmail, page.QuerySelector("[data-testid=confirm-email-address]")!.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        using var confirmed = await client.SubmitFormAsync(link, "form[data-testid=confirm-email]", []);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var stored = await factory.QueryAsync(db => db.Users.Where(u => u.Email == newEmail).Select(u => new { u.UserName, u.NormalizedEmail, u.EmailConfirmed }).SingleAsync());
        Assert.Equal(newEmail, stored.UserName);
        Assert.Equal(newEmail.ToUpperInvariant(), stored.NormalizedEmail);
        Assert.True(stored.EmailConfirmed);
        using (await factory.CreatePortalClient().LoginAsAsync(newEmail, Accounts.Password))
        {
        }

        using var oldLogin = await factory.CreatePortalClient().LoginAsync(email, Accounts.Password);
        Assert.Equal(HttpStatusCode.OK, oldLogin.StatusCode);
        Assert.NotNull((await client.GetPageAsync(link)).QuerySelector("[data-testid=link-invalid]"));
    }

    private async Task<string?> HashAsync(string email) =>
        await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync());
}

/// <summary>A portal whose links expire after a second, to see an expired one refused.</summary>
public sealed class ShortLinkFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromSeconds(1)));
    }
}

public class ExpiredLinkTests : IClassFixture<ShortLinkFactory>
{
    private readonly ShortLinkFactory _factory;

    public ExpiredLinkTests(ShortLinkFactory factory) => _factory = factory;

    [Fact]
    public async Task An_expired_link_gives_a_clear_page_and_changes_nothing()
    {
        var email = await _factory.CreateUserAsync(Roles.Ministry);
        using (await _factory.CreatePortalClient().SubmitFormAsync("/account/forgot-password", "form[data-testid=forgot-password]", [new("Email", email)]))
        {
        }

        var link = MailFolder.LinkIn(await MailFolder.WaitForAsync(_factory.DataPath, email, AccountMail.PasswordResetKind), "/account/reset-password");
        var hash = await _factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync());
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        var page = await _factory.CreatePortalClient().GetPageAsync(link);

        Assert.NotNull(page.QuerySelector("[data-testid=link-invalid]"));
        Assert.Contains("уже использована, устарела или скопирована не полностью", page.QuerySelector("[data-testid=link-invalid]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(hash, await _factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync()));
    }
}
