using System.Net;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Security;
using MissionPortal.IntegrationTests.Infrastructure;

namespace MissionPortal.IntegrationTests.Features.Account;

[Collection(PortalCollection.Name)]
public class AccountSettingsTests(PortalFactory factory)
{
    private const string NewPassword = "Новый-длинный-пароль-2026";

    [Fact]
    public async Task The_account_page_shows_the_users_address_and_both_forms()
    {
        var email = await factory.CreateUserAsync(Roles.Ministry);
        var client = factory.CreatePortalClient();
        using (await client.LoginAsAsync(email, Accounts.Password))
        {
        }

        var page = await client.GetPageAsync("/account/manage");

        Assert.Equal("Моя учётная запись", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(email, page.QuerySelector("[data-testid=account-email]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form[data-testid=change-password] input[name='Password.CurrentPassword']"));
        Assert.NotNull(page.QuerySelector("form[data-testid=change-email] input[name='Email.CurrentPassword']"));
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing_and_counts_as_a_failed_attempt()
    {
        var email = await factory.CreateUserAsync(Roles.Ministry);
        var client = factory.CreatePortalClient();
        using (await client.LoginAsAsync(email, Accounts.Password))
        {
        }

        var hashBefore = await HashAsync(email);

        using var response = await client.SubmitFormAsync("/account/manage", "form[data-testid=change-password]",
            [new("Password.CurrentPassword", "угаданный-пароль-2026"), new("Password.NewPassword", NewPassword), new("Password.ConfirmPassword", NewPassword)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Текущий пароль не подходит: введите его ещё раз.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(hashBefore, await HashAsync(email));
        Assert.Equal(1, await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.AccessFailedCount).SingleAsync()));
    }

    [Fact]
    public async Task With_the_current_password_the_new_one_works_and_the_old_one_no_longer_does()
    {
        var email = await factory.CreateUserAsync(Roles.Ministry);
        var client = factory.CreatePortalClient();
        using (await client.LoginAsAsync(email, Accounts.Password))
        {
        }

        using var changed = await client.SubmitFormAsync("/account/manage", "form[data-testid=change-password]",
            [new("Password.CurrentPassword", Accounts.Password), new("Password.NewPassword", NewPassword), new("Password.ConfirmPassword", NewPassword)]);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/account/manage", changed.Headers.Location!.OriginalString);
        using var oldOne = await factory.CreatePortalClient().LoginAsync(email, Accounts.Password);
        Assert.Equal(HttpStatusCode.OK, oldOne.StatusCode);
        using var newOne = await factory.CreatePortalClient().LoginAsync(email, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, newOne.StatusCode);
    }

    [Theory]
    [InlineData("qwertyuiop123", "qwertyuiop123", "Этот пароль слишком распространён")]
    [InlineData("короткий", "короткий", "Придумайте пароль не короче 12 символов.")]
    [InlineData(NewPassword, "Другой-пароль-2026", "Пароли не совпадают.")]
    public async Task A_weak_or_mistyped_new_password_is_refused_and_the_hash_stays(string password, string confirmation, string message)
    {
        var email = await factory.CreateUserAsync(Roles.Ministry);
        var client = factory.CreatePortalClient();
        using (await client.LoginAsAsync(email, Accounts.Password))
        {
        }

        var hashBefore = await HashAsync(email);

        using var response = await client.SubmitFormAsync("/account/manage", "form[data-testid=change-password]",
            [new("Password.CurrentPassword", Accounts.Password), new("Password.NewPassword", password), new("Password.ConfirmPassword", confirmation)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(hashBefore, await HashAsync(email));
    }

    [Fact]
    public async Task The_email_changes_only_with_the_current_password_and_becomes_the_login()
    {
        var email = await factory.CreateUserAsync(Roles.Ministry);
        var newEmail = $"renamed-{Guid.NewGuid():N}@example.ru";
        var client = factory.CreatePortalClient();
        using (await client.LoginAsAsync(email, Accounts.Password))
        {
        }

        using (var refused = await client.SubmitFormAsync("/account/manage", "form[data-testid=change-email]",
            [new("Email.NewEmail", newEmail), new("Email.CurrentPassword", "не-тот-пароль-вовсе")]))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Текущий пароль не подходит: введите его ещё раз.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.True(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email && u.UserName == email)));
        }

        using var changed = await client.SubmitFormAsync("/account/manage", "form[data-testid=change-email]",
            [new("Email.NewEmail", newEmail), new("Email.CurrentPassword", Accounts.Password)]);

        // With the password, a confirmation link goes to the new address; the login changes when it is followed
        // (PasswordRecoveryTests follows it).
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email && u.UserName == email)));
        Assert.True(await factory.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == newEmail)));
    }

    [Fact]
    public async Task An_address_already_taken_is_refused()
    {
        var email = await factory.CreateUserAsync(Roles.Ministry);
        var other = await factory.CreateUserAsync(Roles.Ministry);
        var client = factory.CreatePortalClient();
        using (await client.LoginAsAsync(email, Accounts.Password))
        {
        }

        using var response = await client.SubmitFormAsync("/account/manage", "form[data-testid=change-email]",
            [new("Email.NewEmail", other), new("Email.CurrentPassword", Accounts.Password)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Адрес {other} уже занят.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    private Task<string?> HashAsync(string email) =>
        factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync());
}
