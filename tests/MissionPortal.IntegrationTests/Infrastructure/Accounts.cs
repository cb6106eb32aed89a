using System.Net;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Infrastructure;

/// <summary>Accounts made for one test through the administrator's form, and the cookies the portal sets.</summary>
public static class Accounts
{
    public const string Password = "Пароль-для-проверки-2026";

    /// <summary>Creates a user through /users/create as the demo administrator; returns the e-mail.</summary>
    public static async Task<string> CreateUserAsync(this PortalFactory factory, string role, string password = Password)
    {
        var email = $"user-{Guid.NewGuid():N}@example.ru";
        var admin = factory.CreatePortalClient();
        await admin.LoginAsAsync(DemoOptions.AgencyEmail);
        using var created = await admin.SubmitFormAsync("/users/create", "form[action='/users/create']",
            [new("Email", email), new("Password", password), new("DisplayName", "Проверочный Пользователь"), new("Roles", role)]);
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, $"creating {email} answered {(int)created.StatusCode}");
        return email;
    }

    /// <summary>
    /// Follows the link of the sign-up letter to <paramref name="email"/> (the <paramref name="letter"/>-th) as its owner
    /// would, presses «Подтвердить адрес» and checks that the portal sent them to sign in.
    /// </summary>
    public static async Task ConfirmSignUpAsync(this PortalFactory factory, string email, int letter = 1)
    {
        var link = MailFolder.LinkIn(await MailFolder.WaitForAsync(factory.DataPath, email, AccountMail.SignUpConfirmKind, letter), "/registration/confirm");
        using var confirmed = await factory.CreatePortalClient().SubmitFormAsync(link, "form[data-testid=confirm-sign-up]", []);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/account/login", confirmed.Headers.Location?.OriginalString);
    }

    /// <summary>Logs in with the given password and checks that the portal let the user in.</summary>
    public static async Task<HttpResponseMessage> LoginAsAsync(this HttpClient client, string email, string password)
    {
        var response = await client.LoginAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"login of {email} answered {(int)response.StatusCode}");
        return response;
    }

    /// <summary>The last Set-Cookie header for <paramref name="name"/> (a login first deletes the old cookie), or null.</summary>
    public static string? SetCookie(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.LastOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal))
            : null;

    /// <summary>The value the portal set for the cookie <paramref name="name"/>, or null.</summary>
    public static string? CookieValue(this HttpResponseMessage response, string name) =>
        response.SetCookie(name) is { } header ? header[(name.Length + 1)..].Split(';')[0] : null;

    /// <summary>A client with no cookie jar that sends exactly the cookie it is given, as a replaying attacker would.</summary>
    public static HttpClient CreateReplayClient(this PortalFactory factory, string cookieName, string cookieValue)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri("https://localhost"),
        });
        client.DefaultRequestHeaders.Add("Cookie", $"{cookieName}={cookieValue}");
        return client;
    }
}
