namespace MissionPortal.Web.Infrastructure.Security;

/// <summary>
/// The headers every response carries. Scripts and styles come only from the portal's own files
/// (no inline script, no style attribute, no CDN), so the policy needs no 'unsafe-inline'.
/// </summary>
internal static class SecurityHeaders
{
    public const int HstsMaxAgeSeconds = 365 * 24 * 60 * 60;

    public static WebApplicationBuilder AddPortalSecurityHeaders(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSecurityHeaderPolicies().SetDefaultPolicy(policy =>
        {
            policy
                .AddContentTypeOptionsNoSniff()
                .AddReferrerPolicyStrictOriginWhenCrossOrigin()
                .AddCustomHeader("X-Frame-Options", "DENY")
                .AddCrossOriginOpenerPolicy(p => p.SameOrigin())
                .AddPermissionsPolicy(p =>
                {
                    p.AddCamera().None();
                    p.AddMicrophone().None();
                    p.AddGeolocation().None();
                    p.AddPayment().None();
                    p.AddUsb().None();
                })
                .AddContentSecurityPolicy(csp =>
                {
                    csp.AddDefaultSrc().Self();
                    csp.AddScriptSrc().Self();
                    csp.AddStyleSrc().Self();
                    // Bootstrap draws its icons (menu, checkboxes) as data: SVG in its CSS.
                    csp.AddImgSrc().Self().Data();
                    csp.AddFontSrc().Self();
                    csp.AddConnectSrc().Self();
                    csp.AddObjectSrc().None();
                    csp.AddBaseUri().Self();
                    csp.AddFormAction().Self();
                    csp.AddFrameAncestors().None();
                })
                .RemoveServerHeader();
            if (!development)
            {
                policy.AddStrictTransportSecurityMaxAgeIncludeSubDomains(HstsMaxAgeSeconds);
            }
        });
        return builder;
    }
}
