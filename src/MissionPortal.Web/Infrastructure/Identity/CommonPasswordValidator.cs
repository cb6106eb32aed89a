using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Domain.Identity;

namespace MissionPortal.Web.Infrastructure.Identity;

/// <summary>
/// Refuses passwords found in a list of passwords people actually use (see CommonPasswords/NOTICE.md),
/// compared without regard to case: an attacker tries those first whatever their length. Russian ones too
/// («пароль123456», «йцукенгшщзхъ»), and either list typed in the other keyboard layout: «gfhjkm123456» is
/// «пароль123456» typed with the Latin layout on, «йцукенгшщз123» is «qwertyuiop123» with the Russian one.
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> l) : IPasswordValidator<PortalUser>
{
    public const string ResourceName = "MissionPortal.Web.CommonPasswords.txt";

    public const string RussianResourceName = "MissionPortal.Web.CommonPasswords.ru.txt";

    /// <summary>The keys of the Russian ЙЦУКЕН layout, in the order of the Latin QWERTY keys below them.</summary>
    private const string RussianKeys = "ёйцукенгшщзхъфывапролджэячсмитьбю.";

    private const string LatinKeys = "`qwertyuiop[]asdfghjkl;'zxcvbnm,./";

    private static readonly Lazy<FrozenSet<string>> List = new(() => Load(ResourceName));

    private static readonly Lazy<FrozenSet<string>> RussianList = new(() => Load(RussianResourceName));

    public static int Count => List.Value.Count;

    public static int RussianCount => RussianList.Value.Count;

    public static bool IsCommon(string password)
    {
        var typed = password.Trim().ToLowerInvariant();
        return List.Value.Contains(typed) || RussianList.Value.Contains(typed)
            || List.Value.Contains(Retype(typed, RussianKeys, LatinKeys))
            || RussianList.Value.Contains(Retype(typed, LatinKeys, RussianKeys));
    }

    /// <summary>The text as the same keys give it in the other layout (characters on no such key stay).</summary>
    private static string Retype(string text, string from, string to) =>
        string.Create(text.Length, text, (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var key = from.IndexOf(source[i], StringComparison.Ordinal);
                chars[i] = key >= 0 ? to[key] : source[i];
            }
        });

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

    private static FrozenSet<string> Load(string resourceName)
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The embedded resource {resourceName} is missing.");
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
