using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MissionPortal.Web.Infrastructure.Security;

/// <summary>
/// Named rate-limit policies, each partitioned by client IP. An action opts in with one attribute:
/// <c>[EnableRateLimiting(RateLimitPolicies.Login)]</c>. A refused request gets 429 and the portal's 429 page.
/// </summary>
public static class RateLimitPolicies
{
    /// <summary>Sign-in attempts (the login POST).</summary>
    public const string Login = nameof(Login);

    /// <summary>Self-registration of companies and their people.</summary>
    public const string SignUp = nameof(SignUp);

    /// <summary>File uploads.</summary>
    public const string Uploads = nameof(Uploads);

    internal static WebApplicationBuilder AddPortalRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.Section));
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Login, context => Partition(context, Login, o => o.Login));
            options.AddPolicy(SignUp, context => Partition(context, SignUp, o => o.SignUp));
            options.AddPolicy(Uploads, context => Partition(context, Uploads, o => o.Uploads));
            options.OnRejected = (context, _) =>
            {
                var http = context.HttpContext;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitPolicies))
                    .LogWarning("Rate limit refused {Method} {Path} from {ClientIp}", http.Request.Method, http.Request.Path, ClientIp(http));
                // The body stays empty: the status-code pages render the portal's 429 page.
                return ValueTask.CompletedTask;
            };
        });
        return builder;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, string policy, Func<RateLimitOptions, RateLimitRule> rule)
    {
        var limits = rule(context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue);
        return RateLimitPartition.GetFixedWindowLimiter($"{policy}:{ClientIp(context)}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limits.PermitLimit),
            Window = TimeSpan.FromSeconds(Math.Max(1, limits.WindowSeconds)),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static string ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

/// <summary>Bound from the "RateLimiting" section: requests allowed per client IP in each window.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    public RateLimitRule Login { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    public RateLimitRule SignUp { get; set; } = new() { PermitLimit = 5, WindowSeconds = 600 };

    public RateLimitRule Uploads { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };
}

public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }
}
