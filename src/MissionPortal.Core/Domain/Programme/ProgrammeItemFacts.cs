using System.Globalization;

namespace MissionPortal.Core.Domain.Programme;

/// <summary>One field of an approved programme's item that changed, as the ministry reads it: what it was and what it is.</summary>
public sealed record FieldChange(ProgrammeChangeKind Kind, string? Before, string? After);

/// <summary>
/// The fields of an item the ministry approves, in words: title, day and hours, venue, who attends, the host of a
/// visit, the description. Comparing two of them gives the changes to record, one per field that really changed.
/// </summary>
public sealed record ProgrammeItemFacts(string Title, DateOnly Date, TimeOnly Start, TimeOnly End, string? Venue, string? Attendees, string? Host, string? Description)
{
    public const int TextLength = 600;

    /// <summary>«10.12.2026 09:00–10:00».</summary>
    public string When => Slot(Date, Start, End);

    public static string Slot(DateOnly date, TimeOnly start, TimeOnly end) =>
        string.Create(CultureInfo.InvariantCulture, $"{date:dd.MM.yyyy} {start:HH\\:mm}–{end:HH\\:mm}");

    /// <summary>Where and when, as an added or removed item is written down.</summary>
    public string Slot() => When + (Venue is null ? string.Empty : ", " + Venue);

    /// <summary>Each field that differs in <paramref name="after"/>, before and after; nothing when nothing changed.</summary>
    public IReadOnlyList<FieldChange> ChangesTo(ProgrammeItemFacts after)
    {
        var changes = new List<FieldChange>();
        void Compare(ProgrammeChangeKind kind, string? before, string? now)
        {
            before = Fit(before);
            now = Fit(now);
            if (!string.Equals(before, now, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(kind, before, now));
            }
        }

        Compare(ProgrammeChangeKind.Renamed, Title, after.Title);
        Compare(ProgrammeChangeKind.Moved, When, after.When);
        Compare(ProgrammeChangeKind.VenueChanged, Venue, after.Venue);
        Compare(ProgrammeChangeKind.AttendeesChanged, Attendees, after.Attendees);
        Compare(ProgrammeChangeKind.HostChanged, Host, after.Host);
        Compare(ProgrammeChangeKind.DescriptionChanged, Description, after.Description);
        return changes;
    }

    private static string? Fit(string? text)
    {
        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        return text is null || text.Length <= TextLength ? text : text[..(TextLength - 1)] + "…";
    }
}
