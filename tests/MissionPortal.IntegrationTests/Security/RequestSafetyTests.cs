using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Security;

/// <summary>Walks every action of the app: no POST without an antiforgery token, no GET that writes.</summary>
[Collection(PortalCollection.Name)]
public class RequestSafetyTests(PortalFactory factory)
{
    private static readonly string?[] Everyone = [null, DemoOptions.AgencyEmail, DemoOptions.MinistryEmail, DemoOptions.CompanyEmail];

    [Fact]
    public async Task Only_the_anonymous_error_pages_skip_antiforgery()
    {
        var skipping = (await PortalEndpoints.ActionsAsync(factory)).Where(a => a.IgnoresAntiforgery).ToList();

        Assert.NotEmpty(skipping);
        Assert.All(skipping, a =>
        {
            Assert.Equal("Errors", a.Controller);
            Assert.True(a.AllowsAnonymous, $"{a} skips antiforgery but is not an anonymous error page");
        });
    }

    [Fact]
    public async Task Every_POST_action_refuses_a_request_without_the_antiforgery_token_and_changes_nothing()
    {
        var posts = (await PortalEndpoints.ActionsAsync(factory)).Where(a => a.Accepts("POST") && !a.IgnoresAntiforgery).ToList();
        Assert.True(posts.Count >= 8, $"only {posts.Count} POST actions found");
        var clients = await ClientsAsync();
        var before = await FingerprintAsync();
        var problems = new List<string>();

        foreach (var action in posts)
        {
            var refusedWith400 = 0;
            foreach (var (who, client) in clients)
            {
                using var response = await client.PostAsync(action.Url, new FormUrlEncodedContent(
                    [new("Email", DemoOptions.MinistryEmail), new("Password", DemoOptions.Password), new("DisplayName", "Без токена"), new("Roles", "Administrator")]));
                var status = (int)response.StatusCode;
                if (status == 400)
                {
                    refusedWith400++;
                }
                else if (!(status == 403 || (who is null && status == 302 && response.Headers.Location!.OriginalString.Contains("/account/login", StringComparison.Ordinal))))
                {
                    problems.Add($"{action} as {who ?? "anonymous"}: {status}");
                }
            }

            if (refusedWith400 == 0)
            {
                problems.Add($"{action}: nobody who may use it got 400");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task No_GET_page_changes_the_database_for_any_role()
    {
        var gets = (await PortalEndpoints.ActionsAsync(factory)).Where(a => a.Accepts("GET")).Select(a => a.Url)
            .Concat(["/", "/health/live", "/health/ready", "/no-such-page"])
            .Distinct()
            .ToList();
        var clients = await ClientsAsync();
        var before = await FingerprintAsync();
        var errors = new List<string>();

        foreach (var (who, client) in clients)
        {
            foreach (var url in gets)
            {
                using var response = await client.GetAsync(url);
                if ((int)response.StatusCode >= 500)
                {
                    errors.Add($"GET {url} as {who ?? "anonymous"}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True(gets.Count >= 8, $"only {gets.Count} GET pages found");
        Assert.Equal(before, await FingerprintAsync());
    }

    private async Task<List<(string? Who, HttpClient Client)>> ClientsAsync()
    {
        var clients = new List<(string?, HttpClient)>();
        foreach (var email in Everyone)
        {
            var client = factory.CreatePortalClient();
            if (email is not null)
            {
                await client.LoginAsAsync(email);
            }

            clients.Add((email, client));
        }

        return clients;
    }

    /// <summary>A hash of every row of every table, read straight from the database.</summary>
    private Task<string> FingerprintAsync() => TestDatabase.FingerprintAsync(factory.ConnectionString);
}
