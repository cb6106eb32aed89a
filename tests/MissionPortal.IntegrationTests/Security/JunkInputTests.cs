using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Security;

/// <summary>
/// Values outside every field's domain, typed into every form of every page a role opens: the portal answers with a
/// message or an empty result, never a 500. A portal of its own, as the empty POSTs press every button.
/// </summary>
public class JunkInputTests : IDisposable
{
    /// <summary>Years, dates and numbers far out of range, a NUL, a line separator, characters of other scripts, a long text, markup.</summary>
    public static readonly string[] Junk =
    [
        "0", "-1", "99999", "2147483648", "9999-12-31", "0001-01-01", "1e309", "NaN",
        "a\0b", "\u2028", "¿", "\"*", "NEAR(", "'; --", "<script>", new string('я', 5000), "%", "\r\nX-Forged: 1",
    ];

    private static readonly string?[] Roles = [null, DemoOptions.AgencyEmail, DemoOptions.MinistryEmail, DemoOptions.CompanyEmail, DemoOptions.HostCompanyEmail];

    private readonly PortalFactory _factory = new();

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Every_GET_form_answers_junk_in_each_field_without_a_server_error()
    {
        var problems = new List<string>();
        var fieldsTried = 0;
        foreach (var role in Roles)
        {
            var client = await ClientAsync(role);
            foreach (var page in await PagesAsync(role))
            {
                foreach (var form in (await PageAsync(client, page)).Forms.Where(f => IsGet(f)))
                {
                    var action = Action(form, page);
                    var fields = Fields(form);
                    foreach (var field in fields.Select(f => f.Key).Distinct())
                    {
                        fieldsTried++;
                        foreach (var junk in Junk)
                        {
                            var query = fields.Where(f => f.Key != field).Append(new(field, junk))
                                .Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}");
                            var url = $"{action}{(action.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{string.Join('&', query)}";
                            using var response = await client.GetAsync(url);
                            if ((int)response.StatusCode >= 500)
                            {
                                problems.Add($"{role ?? "anonymous"} GET {action} {field}={Show(junk)}: {(int)response.StatusCode}");
                            }
                        }
                    }
                }
            }
        }

        Assert.True(fieldsTried >= 15, $"only {fieldsTried} GET form fields found");
        Assert.True(problems.Count == 0, string.Join('\n', problems.Distinct()));
    }

    [Fact]
    public async Task Every_POST_form_sent_empty_answers_without_a_server_error()
    {
        var problems = new List<string>();
        var formsTried = new HashSet<string>(StringComparer.Ordinal);
        // The agency last: its empty forms lock, demote or rename other users.
        foreach (var role in Roles.OrderBy(r => r == DemoOptions.AgencyEmail))
        {
            var client = await ClientAsync(role);
            foreach (var page in await PagesAsync(role))
            {
                var document = await PageAsync(client, page);
                foreach (var form in document.Forms.Where(f => !IsGet(f)))
                {
                    var action = Action(form, page);
                    if (action.StartsWith("/account/logout", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    // Only the antiforgery token is kept: every other field, hidden ones too, goes empty.
                    var fields = Fields(form)
                        .Select(f => f.Key == "__RequestVerificationToken" ? f : new KeyValuePair<string, string>(f.Key, string.Empty))
                        .ToList();
                    formsTried.Add(action);
                    using var response = await client.PostAsync(action, new FormUrlEncodedContent(fields));
                    if ((int)response.StatusCode >= 500)
                    {
                        problems.Add($"{role ?? "anonymous"} POST {action} (form on {page}): {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.True(formsTried.Count >= 30, $"only {formsTried.Count} POST forms found");
        Assert.True(problems.Count == 0, string.Join('\n', problems.Distinct()));
    }

    [Theory]
    [InlineData("/missions?year=0")]
    [InlineData("/missions?year=99999")]
    [InlineData("/audit?from=9999-12-31&to=9999-12-31")]
    [InlineData("/catalogue?q=a%00bcd")]
    [InlineData("/catalogue?q=%22%2A%22")]
    public async Task Named_junk_filters_answer_200(string url)
    {
        var client = await ClientAsync(DemoOptions.AgencyEmail);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("\u2028")]
    [InlineData("¿")]
    [InlineData("/missions\u2028")]
    [InlineData("//evil.example")]
    public async Task A_junk_return_address_on_the_language_switch_goes_home(string returnUrl)
    {
        foreach (var role in new[] { null, DemoOptions.AgencyEmail })
        {
            var client = await ClientAsync(role);
            var token = await client.AntiforgeryTokenAsync(role is null ? "/account/login" : "/");

            using var response = await client.PostAsync($"/culture/set?returnUrl={Uri.EscapeDataString(returnUrl)}",
                new FormUrlEncodedContent([new("culture", "en"), new("__RequestVerificationToken", token)]));

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", response.Headers.Location!.OriginalString);
        }
    }

    [Theory]
    [InlineData("\u2028")]
    [InlineData("¿")]
    public async Task A_junk_return_address_after_login_goes_home(string returnUrl)
    {
        var client = _factory.CreatePortalClient();
        using var response = await client.SubmitFormAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}", "form[action^='/account/login']",
            [new("Email", DemoOptions.AgencyEmail), new("Password", DemoOptions.Password)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_error_page_answers_a_failed_POST_with_its_own_status()
    {
        var client = await ClientAsync(DemoOptions.AgencyEmail);
        var token = await client.AntiforgeryTokenAsync("/missions");

        using var response = await client.PostAsync("/no-such-page", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Страница не найдена", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_B2B_session_whose_programme_item_was_deleted_answers_404_and_leaves_the_company_list()
    {
        var session = await _factory.QueryAsync(db => db.B2bSessions.OrderBy(s => s.Id).Select(s => new { s.Id, s.ProgrammeItemId }).FirstAsync());
        await _factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.Id == session.ProgrammeItemId)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.DeletedAtUtc, DateTime.UtcNow)));
        var agency = await ClientAsync(DemoOptions.AgencyEmail);
        var company = await ClientAsync(DemoOptions.CompanyEmail);

        using var sessionPage = await agency.GetAsync($"/b2b/sessions/{session.Id}");
        using var companyList = await company.GetAsync("/b2b");

        Assert.Equal(HttpStatusCode.NotFound, sessionPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, companyList.StatusCode);
    }

    private async Task<HttpClient> ClientAsync(string? role)
    {
        var client = _factory.CreatePortalClient();
        if (role is not null)
        {
            await client.LoginAsAsync(role);
        }

        return client;
    }

    /// <summary>The pages a role opens (the role table of <see cref="AuthorizationTests"/>), with real ids.</summary>
    private async Task<List<string>> PagesAsync(string? role)
    {
        var pages = new List<string>();
        foreach (var row in AuthorizationTests.Pages.Where(r => (string?)r[0] == role && (int)r[2] == 200))
        {
            var url = (string)row[1];
            if (url.StartsWith("/health", StringComparison.Ordinal) || url.StartsWith("/calendar", StringComparison.Ordinal)
                || url.EndsWith(".pdf", StringComparison.Ordinal) || url.EndsWith(".xlsx", StringComparison.Ordinal) || url.EndsWith(".ics", StringComparison.Ordinal)
                || url.Contains("/files/", StringComparison.Ordinal))
            {
                continue;
            }

            pages.Add(await _factory.ResolveAsync(url));
        }

        return pages.Distinct().ToList();
    }

    private static async Task<IHtmlDocument> PageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var html = response.Content.Headers.ContentType?.MediaType == "text/html" ? await response.Content.ReadAsStringAsync() : string.Empty;
        return await new HtmlParser().ParseDocumentAsync(html);
    }

    private static bool IsGet(IHtmlFormElement form) => !string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase);

    private static string Action(IHtmlFormElement form, string page) =>
        form.GetAttribute("action") is { Length: > 0 } action ? WebUtility.HtmlDecode(action) : page.Split('?')[0];

    /// <summary>The form's named fields with what the page put in them (the first option of a select).</summary>
    private static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            var value = element switch
            {
                IHtmlInputElement { Type: "checkbox" or "radio" } input => input.IsChecked ? input.Value : null,
                IHtmlInputElement { Type: "file" or "submit" } => null,
                IHtmlInputElement input => input.Value,
                IHtmlSelectElement select => select.Value ?? select.Options.FirstOrDefault()?.Value ?? string.Empty,
                IHtmlTextAreaElement area => area.Value,
                _ => null,
            };
            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }

        return fields;
    }

    private static string Show(string junk) => junk.Length > 20 ? $"{junk[..5]}…({junk.Length})" : junk.Replace("\0", "\\0", StringComparison.Ordinal).Replace("\u2028", "\\u2028", StringComparison.Ordinal).Replace("\r\n", "\\r\\n", StringComparison.Ordinal);
}
