using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;

namespace MissionPortal.Web.Infrastructure.Localization;

public static class LocalizationExtensions
{
    public static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    public static readonly IReadOnlyList<CultureInfo> Supported = [Russian, English];

    public const string CultureCookieName = "__Host-MissionPortal.Culture";

    public static WebApplicationBuilder AddPortalLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddTransient<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>, TypesetLocalizer>();
        // Times shown outside a mission (the audit log, dashboards) are in the agency's own zone; a mission's in its host region's.
        Core.Domain.Common.HostCalendar.UseDefault(builder.Configuration["Portal:TimeZone"]);
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Russian);
            options.SupportedCultures = [.. Supported];
            options.SupportedUICultures = [.. Supported];
            // Russian is the portal's first language: only the user's own choice (the cookie) changes it,
            // not the browser's Accept-Language.
            options.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = CultureCookieName }];
        });

        // Russian text goes out as UTF-8, not as &#x...; entities; Razor still HTML-encodes markup characters.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return builder;
    }
}
