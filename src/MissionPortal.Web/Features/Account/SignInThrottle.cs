using System.Collections.Concurrent;

namespace MissionPortal.Web.Features.Account;

/// <summary>
/// Slows password guessing without handing anyone a way to lock an account out. Failed sign-ins are counted per client
/// address and typed e-mail (known or not, so the counting itself tells nothing): the first
/// <see cref="FreeFailures"/> cost nothing, then each further one makes that pair wait twice as long as the last time,
/// from 1 second up to <see cref="MaxDelay"/>. The account's owner from any other address is not slowed at all, and a
/// success clears the count. Together with the per-address limit on the login form (RateLimiting:Login) this is the
/// anti-automation control of OWASP ASVS 2.2.1 instead of Identity's hard lockout.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FreeFailures = 3;
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    /// <summary>A pair's count is forgotten this long after its last failure.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    private const int MaxTracked = 100_000;

    private readonly ConcurrentDictionary<string, Entry> _failures = new(StringComparer.Ordinal);

    /// <summary>How long this client must still wait before trying this address again; zero when it may try now.</summary>
    public TimeSpan Wait(string? client, string email)
    {
        if (!_failures.TryGetValue(Key(client, email), out var entry))
        {
            return TimeSpan.Zero;
        }

        var left = entry.NotBefore - clock.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    public void Failed(string? client, string email)
    {
        var now = clock.GetUtcNow();
        if (_failures.Count >= MaxTracked)
        {
            Forget(now);
        }

        _failures.AddOrUpdate(
            Key(client, email),
            _ => new Entry(1, now, now),
            (_, old) =>
            {
                var failures = now - old.LastFailure > Memory ? 1 : old.Failures + 1;
                return new Entry(failures, now, now + Delay(failures));
            });
    }

    public void Succeeded(string? client, string email) => _failures.TryRemove(Key(client, email), out _);

    /// <summary>The wait after the given number of failures in a row: none for the first few, then 1 s, 2 s, 4 s… up to the cap.</summary>
    public static TimeSpan Delay(int failures)
    {
        if (failures <= FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var seconds = Math.Pow(2, Math.Min(failures - FreeFailures - 1, 20));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxDelay.TotalSeconds));
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, entry) in _failures)
        {
            if (now - entry.LastFailure > Memory || entry.NotBefore <= now)
            {
                _failures.TryRemove(key, out _);
            }
        }
    }

    private static string Key(string? client, string email) => $"{client ?? "unknown"}\n{email.Trim().ToUpperInvariant()}";

    private sealed record Entry(int Failures, DateTimeOffset LastFailure, DateTimeOffset NotBefore);
}
