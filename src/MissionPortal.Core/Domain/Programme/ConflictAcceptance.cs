using System.Globalization;

namespace MissionPortal.Core.Domain.Programme;

/// <summary>An item of a conflict as its acceptance records it: its title, when and where.</summary>
public sealed record AcceptedItem(string Title, DateOnly Date, TimeOnly Start, TimeOnly End, string? Venue);

/// <summary>
/// What accepting a conflict accepts, written down: the items with their day, hours and venue, the people involved,
/// and the figures of the rule (the gap against the road time, the people against the seats). Two descriptions are
/// equal exactly when the conflict is the same as accepted, so a changed gap, time or set of people reopens it.
/// </summary>
public static class ConflictAcceptance
{
    public static string Describe(ScheduleConflict conflict, Func<int, AcceptedItem?> item, Func<int, string> person)
    {
        var parts = new List<string>
        {
            string.Join("; ", conflict.ItemIds.Select(id => item(id) is { } i
                ? string.Create(CultureInfo.InvariantCulture, $"«{i.Title}» {i.Date:dd.MM.yyyy} {i.Start:HH\\:mm}–{i.End:HH\\:mm}") + (i.Venue is null ? string.Empty : ", " + i.Venue)
                : "#" + id.ToString(CultureInfo.InvariantCulture))),
        };
        if (conflict.PersonIds.Count > 0)
        {
            parts.Add(string.Join(", ", conflict.PersonIds.Select(person)));
        }

        if (conflict.AvailableMinutes is { } available && conflict.RequiredMinutes is { } required)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{available} мин из {required}"));
        }

        if (conflict.People is { } people && conflict.Capacity is { } capacity)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{people} чел. на {capacity} мест"));
        }

        return Fit(string.Join(" · ", parts));
    }

    /// <summary>The description as stored: long lists are cut to the column's length the same way every time.</summary>
    public static string Fit(string accepted) =>
        accepted.Length <= ConflictAcknowledgement.AcceptedLength ? accepted : accepted[..(ConflictAcknowledgement.AcceptedLength - 1)] + "…";
}
