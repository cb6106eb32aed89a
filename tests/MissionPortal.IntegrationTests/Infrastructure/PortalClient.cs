using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Infrastructure;

/// <summary>Goes through the portal like a browser: GET a form, take its antiforgery token, POST it.</summary>
public static class PortalClient
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}\n{Shorten(html)}");
        return await Parser.ParseDocumentAsync(html);
    }

    /// <summary>Fills the form found at <paramref name="formSelector"/> on <paramref name="pageUrl"/> and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client,
        string pageUrl,
        string formSelector,
        IEnumerable<KeyValuePair<string, string>> fields) =>
        await client.PostFormAsync(await client.ReadFormAsync(pageUrl, formSelector), fields);

    /// <summary>
    /// A form as the page gave it: where it posts and its hidden fields (antiforgery token, version, one-time key).
    /// Posting the same one twice is what a double click or two users on one stale page do.
    /// </summary>
    public static async Task<PageForm> ReadFormAsync(this HttpClient client, string pageUrl, string formSelector)
    {
        var page = await client.GetPageAsync(pageUrl);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        var hidden = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .ToList();
        var action = form.GetAttribute("action");
        return new PageForm(string.IsNullOrEmpty(action) ? pageUrl : action, hidden);
    }

    /// <summary>Posts <paramref name="form"/> with its hidden fields, <paramref name="fields"/> replacing any of the same name.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, PageForm form, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var given = fields.ToList();
        var values = form.Hidden.Where(v => !given.Any(g => g.Key == v.Key)).Concat(given).ToList();
        return await client.PostAsync(form.Action, new FormUrlEncodedContent(values));
    }

    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string pageUrl)
    {
        var page = await client.GetPageAsync(pageUrl);
        return page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? throw new InvalidOperationException($"No antiforgery token on {pageUrl}.");
    }

    public static async Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password = DemoOptions.Password) =>
        await client.SubmitFormAsync("/account/login", "form[action='/account/login']", [new("Email", email), new("Password", password)]);

    /// <summary>Logs in through the real login form and checks that the portal let the user in.</summary>
    public static async Task LoginAsAsync(this HttpClient client, string email)
    {
        using var response = await client.LoginAsync(email);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"login of {email} answered {(int)response.StatusCode}");
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    /// <summary>Presses the language switch on <paramref name="pageUrl"/>, as a user on that page would.</summary>
    public static async Task<HttpResponseMessage> SwitchLanguageAsync(this HttpClient client, string culture, string pageUrl = "/account/login")
    {
        var token = await client.AntiforgeryTokenAsync(pageUrl);
        return await client.PostAsync(
            $"/culture/set?returnUrl={Uri.EscapeDataString(pageUrl)}",
            new FormUrlEncodedContent([new("culture", culture), new("__RequestVerificationToken", token)]));
    }

    private static string Shorten(string html) => html.Length > 2000 ? html[..2000] : html;
}

public sealed record PageForm(string Action, IReadOnlyList<KeyValuePair<string, string>> Hidden)
{
    public string? Value(string name) => Hidden.FirstOrDefault(h => h.Key == name).Value;
}

/// <summary>What a browser posts for a form as shown: every named input (checkboxes only when checked) and each select's chosen option.</summary>
public static class FormFields
{
    public static List<KeyValuePair<string, string>> Of(IElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case AngleSharp.Html.Dom.IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked)
                    {
                        fields.Add(new(name, box.Value));
                    }

                    break;
                case AngleSharp.Html.Dom.IHtmlInputElement { Type: "file" or "submit" }:
                    break;
                case AngleSharp.Html.Dom.IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case AngleSharp.Html.Dom.IHtmlSelectElement select:
                    var chosen = select.Options.FirstOrDefault(o => o.IsSelected) ?? select.Options.FirstOrDefault();
                    if (chosen is not null)
                    {
                        fields.Add(new(name, chosen.Value));
                    }

                    break;
                case AngleSharp.Html.Dom.IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
            }
        }

        return fields;
    }

    /// <summary>The fields with some replaced (by name) or added.</summary>
    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, params (string Name, string Value)[] changes)
    {
        var result = fields.Where(f => !changes.Any(c => c.Name == f.Key)).ToList();
        result.AddRange(changes.Select(c => new KeyValuePair<string, string>(c.Name, c.Value)));
        return result;
    }
}
