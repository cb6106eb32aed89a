using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MissionPortal.Core.Domain.Mail;
using MissionPortal.Web.Infrastructure.Localization;

namespace MissionPortal.Web.Infrastructure.Mail;

/// <summary>What a message says, before it becomes text and HTML.</summary>
public sealed record MailContent(string Subject, string Greeting, IReadOnlyList<string> Paragraphs, MailAction? Action = null, string? Footnote = null);

/// <summary>The one link a message leads to, shown as a button in HTML and as the address itself in text.</summary>
public sealed record MailAction(string Text, string Url);

/// <summary>
/// Writes messages in the recipient's language: the content is built while the recipient's culture is the current
/// one, so every localized string, date and number comes out as they read them; then rendered as plain text and as HTML
/// with every value encoded.
/// </summary>
public sealed class MailComposer(IStringLocalizer<SharedResource> l, PortalLinks links, TimeProvider clock)
{
    /// <summary>Encodes markup but leaves Cyrillic as it is: the HTML part stays readable and small.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public IStringLocalizer<SharedResource> Localizer => l;

    public PortalLinks Links => links;

    /// <summary>The culture of a stored language code (ru, en); Russian when unknown.</summary>
    public static CultureInfo CultureOf(string? language) =>
        LocalizationExtensions.Supported.FirstOrDefault(c => string.Equals(c.TwoLetterISOLanguageName, language, StringComparison.OrdinalIgnoreCase))
        ?? LocalizationExtensions.Russian;

    public OutboxMessage Compose(string kind, string? language, string toAddress, string? toName, Func<IStringLocalizer, MailContent> build)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var culture = CultureOf(language);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var content = build(l);
            var footer = l["Это письмо отправлено порталом бизнес-миссий автоматически; отвечать на него не нужно."].Value;
            return new OutboxMessage(kind, toAddress, toName, content.Subject, Text(content, footer), Html(content, footer, culture), clock.GetUtcNow().UtcDateTime);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }

    private static string Text(MailContent content, string footer)
    {
        var text = new StringBuilder();
        text.Append(content.Greeting).Append("\n\n");
        foreach (var paragraph in content.Paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }

        if (content.Action is { } action)
        {
            text.Append(action.Text).Append(":\n").Append(action.Url).Append("\n\n");
        }

        if (content.Footnote is { } footnote)
        {
            text.Append(footnote).Append("\n\n");
        }

        text.Append("-- \n").Append(footer).Append('\n');
        return text.ToString();
    }

    private static string Html(MailContent content, string footer, CultureInfo culture)
    {
        var e = Encoder;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(culture.TwoLetterISOLanguageName).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(e.Encode(content.Subject)).Append("</title></head>\n")
            .Append("<body style=\"margin:0;padding:24px;background:#f4f6f8;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2933\">\n")
            .Append("<div style=\"max-width:600px;margin:0 auto;background:#ffffff;border-radius:6px;padding:24px\">\n")
            .Append("<p style=\"margin:0 0 16px\">").Append(e.Encode(content.Greeting)).Append("</p>\n");
        foreach (var paragraph in content.Paragraphs)
        {
            html.Append("<p style=\"margin:0 0 16px\">").Append(e.Encode(paragraph).Replace("&#xA;", "<br>", StringComparison.Ordinal)).Append("</p>\n");
        }

        if (content.Action is { } action)
        {
            html.Append("<p style=\"margin:24px 0\"><a href=\"").Append(e.Encode(action.Url))
                .Append("\" style=\"display:inline-block;background:#0d6efd;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:4px\">")
                .Append(e.Encode(action.Text)).Append("</a></p>\n")
                .Append("<p style=\"margin:0 0 16px;font-size:13px;color:#52606d;word-break:break-all\">").Append(e.Encode(action.Url)).Append("</p>\n");
        }

        if (content.Footnote is { } footnote)
        {
            html.Append("<p style=\"margin:0 0 16px;font-size:13px;color:#52606d\">").Append(e.Encode(footnote)).Append("</p>\n");
        }

        html.Append("<hr style=\"border:none;border-top:1px solid #e4e7eb;margin:24px 0 12px\">\n")
            .Append("<p style=\"margin:0;font-size:12px;color:#7b8794\">").Append(e.Encode(footer)).Append("</p>\n")
            .Append("</div>\n</body></html>\n");
        return html.ToString();
    }
}

/// <summary>
/// Absolute addresses for links in messages: Mail:PortalUrl, else the portal's public address (Portal:PublicUrl), else
/// the address the current request came to.
/// </summary>
public sealed class PortalLinks(IOptions<MailOptions> options, IOptions<Security.PortalOptions> portal, IHttpContextAccessor http)
{
    public string Absolute(string pathAndQuery)
    {
        var configured = string.IsNullOrWhiteSpace(options.Value.PortalUrl) ? portal.Value.PublicUrl : options.Value.PortalUrl;
        string root;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            root = configured.TrimEnd('/');
        }
        else if (http.HttpContext?.Request is { } request)
        {
            root = $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
        else
        {
            root = "http://localhost:5000";
        }

        return root + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery);
    }
}
