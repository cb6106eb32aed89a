using System.Net;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Security;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;
using MissionPortal.Web.Infrastructure.Localization;
using MissionPortal.Web.Infrastructure.Security;

namespace MissionPortal.IntegrationTests.Security;

[Collection(PortalCollection.Name)]
public class SessionCookieTests(PortalFactory factory)
{
    [Fact]
    public async Task The_sign_in_cookie_is_host_prefixed_secure_httponly_lax_and_ends_with_the_browser()
    {
        var client = factory.CreatePortalClient();

        using var login = await client.LoginAsync(DemoOptions.MinistryEmail);

        var cookie = login.SetCookie(SessionCookies.AuthCookieName);
        Assert.NotNull(cookie);
        Assert.StartsWith("__Host-", cookie, StringComparison.Ordinal);
        AssertAttributes(cookie, "secure", "httponly", "samesite=lax", "path=/");
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_antiforgery_and_culture_cookies_are_host_prefixed_secure_and_httponly()
    {
        var client = factory.CreatePortalClient();

        using var page = await client.GetAsync("/account/login");
        using var switched = await client.SwitchLanguageAsync("en-US");

        var antiforgery = page.SetCookie(SessionCookies.AntiforgeryCookieName);
        Assert.NotNull(antiforgery);
        AssertAttributes(antiforgery, "secure", "httponly", "samesite=strict", "path=/");
        var culture = switched.SetCookie(LocalizationExtensions.CultureCookieName);
        Assert.NotNull(culture);
        Assert.StartsWith("__Host-", culture, StringComparison.Ordinal);
        AssertAttributes(culture, "secure", "httponly", "samesite=lax", "path=/");
    }

    [Fact]
    public async Task Every_login_issues_a_new_cookie_even_over_an_existing_session()
    {
        var client = factory.CreatePortalClient();
        using var first = await client.LoginAsync(DemoOptions.MinistryEmail);
        var token = await client.AntiforgeryTokenAsync("/");
        using var second = await client.PostAsync("/account/login", new FormUrlEncodedContent(
            [new("Email", DemoOptions.MinistryEmail), new("Password", DemoOptions.Password), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var one = first.CookieValue(SessionCookies.AuthCookieName);
        var two = second.CookieValue(SessionCookies.AuthCookieName);

        Assert.False(string.IsNullOrEmpty(one));
        Assert.False(string.IsNullOrEmpty(two));
        Assert.NotEqual(one, two);
    }

    [Fact]
    public async Task A_cookie_replayed_after_logout_is_sent_to_the_login_page()
    {
        var email = await factory.CreateUserAsync(Roles.Ministry);
        var client = factory.CreatePortalClient();
        string saved;
        using (var login = await client.LoginAsAsync(email, Accounts.Password))
        {
            saved = login.CookieValue(SessionCookies.AuthCookieName)!;
        }

        using (var before = await factory.CreateReplayClient(SessionCookies.AuthCookieName, saved).GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var stampBefore = await StampAsync(email);
        var token = await client.AntiforgeryTokenAsync("/");
        using (var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent([new("__RequestVerificationToken", token)])))
        {
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }

        using var replayed = await factory.CreateReplayClient(SessionCookies.AuthCookieName, saved).GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/account/login", replayed.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.NotEqual(stampBefore, await StampAsync(email));
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_and_keeps_this_one()
    {
        var email = await factory.CreateUserAsync(Roles.Ministry);
        var here = factory.CreatePortalClient();
        var elsewhere = factory.CreatePortalClient();
        using (await here.LoginAsAsync(email, Accounts.Password))
        {
        }

        string elsewhereCookie;
        using (var login = await elsewhere.LoginAsAsync(email, Accounts.Password))
        {
            elsewhereCookie = login.CookieValue(SessionCookies.AuthCookieName)!;
        }

        using var changed = await here.SubmitFormAsync("/account/manage", "form[data-testid=change-password]",
            [new("Password.CurrentPassword", Accounts.Password), new("Password.NewPassword", "Совсем-новый-пароль-2026"), new("Password.ConfirmPassword", "Совсем-новый-пароль-2026")]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        using var stillHere = await here.GetAsync("/");
        using var goneElsewhere = await elsewhere.GetAsync("/");
        using var replayed = await factory.CreateReplayClient(SessionCookies.AuthCookieName, elsewhereCookie).GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, stillHere.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, goneElsewhere.StatusCode);
        Assert.StartsWith("/account/login", goneElsewhere.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
    }

    [Fact]
    public async Task The_session_check_reads_the_stamp_once_a_minute_not_on_every_page()
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.MinistryEmail);
        var userId = await factory.QueryAsync(db => db.Users.Where(u => u.Email == DemoOptions.MinistryEmail).Select(u => u.Id).SingleAsync());
        var stamps = (SessionStampCache)factory.Services.GetService(typeof(SessionStampCache))!;

        // The page's own reference lists (regions, cached for a minute) are warm first, so only the stamp differs.
        await factory.CountCommandsAsync(() => client.GetAsync("/missions"));
        stamps.Forget(userId);
        var uncached = await factory.CountCommandsAsync(() => client.GetAsync("/missions"));
        var cached = await factory.CountCommandsAsync(() => client.GetAsync("/missions"));
        var again = await factory.CountCommandsAsync(() => client.GetAsync("/missions"));

        Assert.Equal(cached + 1, uncached);
        Assert.Equal(cached, again);
    }

    private Task<string?> StampAsync(string email) =>
        factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.SecurityStamp).SingleAsync());

    private static void AssertAttributes(string cookie, params string[] attributes)
    {
        var parts = cookie.Split(';').Select(p => p.Trim().ToLowerInvariant()).ToList();
        foreach (var attribute in attributes)
        {
            Assert.True(parts.Contains(attribute), $"'{attribute}' missing in: {cookie}");
        }
    }
}
