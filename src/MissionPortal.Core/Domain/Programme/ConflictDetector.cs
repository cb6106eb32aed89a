namespace MissionPortal.Core.Domain.Programme;

public enum ConflictKind
{
    /// <summary>Two items at one venue at the same time.</summary>
    VenueDoubleBooked = 1,

    /// <summary>A participant or staff member in two items at the same time.</summary>
    PersonDoubleBooked = 2,

    /// <summary>An item on a day outside the mission's dates.</summary>
    OutsideMissionDates = 3,

    /// <summary>Too little time to get from one city to the next item's city.</summary>
    NotEnoughTravelTime = 4,

    /// <summary>More people than the venue holds.</summary>
    OverCapacity = 5,
}

/// <summary>
/// An item as the conflict rules see it: when, where, and every person involved (attendees, the responsible
/// staff member, accompanying officials, moderator and speakers).
/// </summary>
public sealed record ScheduledItem(
    int Id,
    DateOnly Date,
    TimeOnly Start,
    TimeOnly End,
    ProgrammeItemKind Kind,
    int? VenueId,
    string? City,
    int? Capacity,
    IReadOnlySet<int> People)
{
    public bool Overlaps(ScheduledItem other) => Date == other.Date && Start < other.End && other.Start < End;
}

/// <summary>One conflict. <see cref="Key"/> names it stably, so an acknowledgement finds it again.</summary>
public sealed record ScheduleConflict(ConflictKind Kind, string Key, IReadOnlyList<int> ItemIds)
{
    public IReadOnlyList<int> PersonIds { get; init; } = [];

    public int? RequiredMinutes { get; init; }

    public int? AvailableMinutes { get; init; }

    public int? People { get; init; }

    public int? Capacity { get; init; }
}

/// <summary>Travel minutes between two cities, whichever way round they are asked; null when the pair is unknown.</summary>
public delegate int? TravelMinutes(string fromCity, string toCity);

/// <summary>
/// The scheduling rules as a pure function over a mission's items: nothing is read or written here,
/// so every rule is tested directly and the programme page and the editor share one verdict.
/// </summary>
public static class ConflictDetector
{
    public static IReadOnlyList<ScheduleConflict> Detect(
        DateOnly missionStart,
        DateOnly missionEnd,
        IReadOnlyList<ScheduledItem> items,
        TravelMinutes travel)
    {
        var conflicts = new List<ScheduleConflict>();
        var ordered = items.OrderBy(i => i.Date).ThenBy(i => i.Start).ThenBy(i => i.Id).ToList();

        foreach (var item in ordered)
        {
            if (item.Date < missionStart || item.Date > missionEnd)
            {
                conflicts.Add(new ScheduleConflict(ConflictKind.OutsideMissionDates, $"dates:{item.Id}", [item.Id]));
            }

            if (item.Capacity is { } capacity && item.People.Count > capacity)
            {
                conflicts.Add(new ScheduleConflict(ConflictKind.OverCapacity, $"capacity:{item.Id}", [item.Id])
                {
                    People = item.People.Count,
                    Capacity = capacity,
                });
            }
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            for (var j = i + 1; j < ordered.Count && ordered[j].Date == ordered[i].Date && ordered[j].Start < ordered[i].End; j++)
            {
                var (a, b) = (ordered[i], ordered[j]);
                if (!a.Overlaps(b))
                {
                    continue;
                }

                if (a.VenueId is not null && a.VenueId == b.VenueId)
                {
                    conflicts.Add(new ScheduleConflict(ConflictKind.VenueDoubleBooked, $"venue:{a.Id}:{b.Id}", [a.Id, b.Id]));
                }

                var shared = a.People.Intersect(b.People).Order().ToList();
                if (shared.Count > 0)
                {
                    conflicts.Add(new ScheduleConflict(ConflictKind.PersonDoubleBooked, $"people:{a.Id}:{b.Id}", [a.Id, b.Id]) { PersonIds = shared });
                }
            }
        }

        conflicts.AddRange(TravelConflicts(ordered, travel));
        return conflicts;
    }

    /// <summary>
    /// For each person, consecutive items of a day in different cities need the road time between them.
    /// A transfer is the journey itself: the time counts from its start.
    /// </summary>
    private static IEnumerable<ScheduleConflict> TravelConflicts(IReadOnlyList<ScheduledItem> ordered, TravelMinutes travel)
    {
        var found = new Dictionary<(int, int), (ScheduleConflict Conflict, SortedSet<int> People)>();
        var people = ordered.SelectMany(i => i.People).Distinct();
        foreach (var person in people)
        {
            foreach (var day in ordered.Where(i => i.People.Contains(person) && i.City is not null).GroupBy(i => i.Date))
            {
                var sequence = day.ToList();
                for (var k = 1; k < sequence.Count; k++)
                {
                    var (from, to) = (sequence[k - 1], sequence[k]);
                    if (string.Equals(from.City, to.City, StringComparison.OrdinalIgnoreCase) || from.Overlaps(to))
                    {
                        continue;
                    }

                    if (travel(from.City!, to.City!) is not { } required)
                    {
                        continue;
                    }

                    var leaves = from.Kind == ProgrammeItemKind.Transfer ? from.Start : from.End;
                    var available = (int)(to.Start - leaves).TotalMinutes;
                    if (available >= required)
                    {
                        continue;
                    }

                    if (!found.TryGetValue((from.Id, to.Id), out var entry))
                    {
                        entry = (new ScheduleConflict(ConflictKind.NotEnoughTravelTime, $"travel:{from.Id}:{to.Id}", [from.Id, to.Id])
                        {
                            RequiredMinutes = required,
                            AvailableMinutes = available,
                        }, []);
                        found[(from.Id, to.Id)] = entry;
                    }

                    entry.People.Add(person);
                }
            }
        }

        return found.Values.Select(v => v.Conflict with { PersonIds = [.. v.People] });
    }
}
