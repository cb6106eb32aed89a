using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace MissionPortal.Web.Features.Shared;

/// <summary>
/// The check-in link on a badge: participant and mission ids signed (and encrypted) with ASP.NET Data
/// Protection, so a forged or altered link does not open, and one person's badge cannot name another.
/// A link works from the day its badge is printed (people are registered as they arrive, and badges are tried
/// before the first day) until the end of the day after the mission's last day in its host region: a day's grace
/// for marks entered late, then a lost badge opens nothing.
/// </summary>
public sealed class CheckInLinks(IDataProtectionProvider protection)
{
    /// <summary>How long after the mission's last day, in its host region, a link still opens.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    /// <summary>The moment a link of a mission ending on <paramref name="endDate"/> in <paramref name="zone"/> stops working.</summary>
    public static DateTimeOffset ExpiresAt(DateOnly endDate, TimeZoneInfo zone)
    {
        var local = endDate.AddDays(1).ToDateTime(TimeOnly.MinValue) + Grace;
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static bool Expired(DateOnly endDate, TimeZoneInfo zone, TimeProvider clock) => clock.GetUtcNow() >= ExpiresAt(endDate, zone);

    private readonly IDataProtector _protector = protection.CreateProtector("MissionPortal.CheckIn.v1");

    public string Token(int participantId, int missionId) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{participantId}:{missionId}"));

    public CheckInTicket? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }

        string text;
        try
        {
            text = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = text.Split(':');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var participantId)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var missionId)
                ? new CheckInTicket(participantId, missionId)
                : null;
    }
}

public sealed record CheckInTicket(int ParticipantId, int MissionId);
