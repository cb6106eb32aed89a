using Microsoft.AspNetCore.Identity;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Identity;

namespace MissionPortal.Web.Infrastructure.Identity;

public static class IdentityExtensions
{
    /// <summary>PBKDF2 iterations: OWASP's figure for PBKDF2-HMAC-SHA256 (the Identity default is 100,000).</summary>
    public const int PasswordHashIterations = 210_000;

    /// <summary>How long a password-recovery or e-mail confirmation link works: once, and for this long.</summary>
    public static readonly TimeSpan AccountLinkLifetime = TimeSpan.FromHours(2);

    public static WebApplicationBuilder AddPortalIdentity(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<PortalUser, IdentityRole>(options =>
            {
                // Length over composition: at least 12 characters, no character-class rules.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                // An account signs in once its address is confirmed (sign-up sends the link; staff and demo users are confirmed).
                options.SignIn.RequireConfirmedEmail = true;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddUserManager<PortalUserManager>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<RussianIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>();

        builder.Services.Configure<PasswordHasherOptions>(o => o.IterationCount = PasswordHashIterations);

        // Links for a password reset or a new address work for two hours (and once: using one renews the security stamp).
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = AccountLinkLifetime);

        // Roles and claims in open sessions are reloaded every minute; a changed security stamp is refused
        // at once by the session check (Infrastructure/Security/SessionCookies).
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        return builder;
    }
}
