using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Domain.Identity;

namespace MissionPortal.Web.Infrastructure.Identity;

/// <summary>
/// Refuses passwords found in a list of passwords people actually use (see CommonPasswords/NOTICE.md),
/// compared without regard to case: an attacker tries those first whatever their length.
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> l) : IPasswordValidator<PortalUser>
{
    public const string ResourceName = "MissionPortal.Web.CommonPasswords.txt";

    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    public static int Count => List.Value.Count;

    public static bool IsCommon(string password) =>
        List.Value.Contains(password.Trim().ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (password is not null && IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = l["Этот пароль слишком распространён: его подбирают первым. Придумайте другой."],
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
