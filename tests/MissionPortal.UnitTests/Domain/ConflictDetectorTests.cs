using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.UnitTests.Domain;

public class ConflictDetectorTests
{
    private static readonly DateOnly Day1 = new(2026, 12, 10);
    private static readonly DateOnly Day2 = new(2026, 12, 11);

    private static ScheduledItem Item(
        int id,
        DateOnly date,
        string start,
        string end,
        int? venue = null,
        string? city = null,
        int? capacity = null,
        ProgrammeItemKind kind = ProgrammeItemKind.Meeting,
        params int[] people) =>
        new(id, date, TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), kind, venue, city, capacity, people.ToHashSet());

    private static int? Roads(string from, string to) =>
        (from, to) is ("Красноярск", "Железногорск") or ("Железногорск", "Красноярск") ? 60 : null;

    private static IReadOnlyList<ScheduleConflict> Detect(params ScheduledItem[] items) =>
        ConflictDetector.Detect(Day1, Day2, items, Roads);

    [Fact]
    public void Two_items_at_one_venue_at_the_same_time_conflict()
    {
        var conflicts = Detect(
            Item(1, Day1, "10:00", "11:00", venue: 7, people: 1),
            Item(2, Day1, "10:30", "12:00", venue: 7, people: 2));

        var conflict = Assert.Single(conflicts);
        Assert.Equal(ConflictKind.VenueDoubleBooked, conflict.Kind);
        Assert.Equal([1, 2], conflict.ItemIds);
        Assert.Equal("venue:1:2", conflict.Key);
    }

    [Fact]
    public void Back_to_back_items_and_items_on_other_days_do_not_conflict()
    {
        Assert.Empty(Detect(
            Item(1, Day1, "10:00", "11:00", venue: 7, people: [1, 2]),
            Item(2, Day1, "11:00", "12:00", venue: 7, people: [1, 2]),
            Item(3, Day2, "10:00", "11:00", venue: 7, people: [1, 2])));
    }

    [Fact]
    public void A_person_in_two_overlapping_items_conflicts_and_is_named()
    {
        var conflict = Assert.Single(Detect(
            Item(1, Day1, "10:00", "11:00", venue: 1, people: [5, 6]),
            Item(2, Day1, "10:45", "11:30", venue: 2, people: [6, 7])));

        Assert.Equal(ConflictKind.PersonDoubleBooked, conflict.Kind);
        Assert.Equal([6], conflict.PersonIds);
    }

    [Fact]
    public void Disjoint_groups_may_meet_in_parallel()
    {
        Assert.Empty(Detect(
            Item(1, Day1, "16:00", "17:30", venue: 1, people: [1, 2, 3]),
            Item(2, Day1, "16:00", "17:30", venue: 2, people: [4, 5]),
            Item(3, Day1, "16:00", "17:30", venue: 3, people: [6])));
    }

    [Fact]
    public void An_item_outside_the_missions_dates_conflicts()
    {
        var conflict = Assert.Single(Detect(Item(9, new DateOnly(2026, 12, 12), "10:00", "11:00")));

        Assert.Equal(ConflictKind.OutsideMissionDates, conflict.Kind);
        Assert.Equal("dates:9", conflict.Key);
    }

    [Fact]
    public void Too_little_road_time_between_cities_conflicts_for_the_people_who_travel()
    {
        var conflict = Assert.Single(Detect(
            Item(1, Day2, "09:00", "10:00", venue: 1, city: "Красноярск", people: [1, 2]),
            Item(2, Day2, "10:30", "12:00", venue: 2, city: "Железногорск", people: [1, 2, 3])));

        Assert.Equal(ConflictKind.NotEnoughTravelTime, conflict.Kind);
        Assert.Equal(60, conflict.RequiredMinutes);
        Assert.Equal(30, conflict.AvailableMinutes);
        Assert.Equal([1, 2], conflict.PersonIds);
    }

    [Fact]
    public void An_hour_on_the_road_is_enough_and_a_transfer_counts_as_the_journey()
    {
        Assert.Empty(Detect(
            Item(1, Day2, "07:00", "08:00", venue: 1, city: "Красноярск", people: 1),
            Item(2, Day2, "08:30", "09:30", venue: 3, city: "Красноярск", kind: ProgrammeItemKind.Transfer, people: 1),
            Item(3, Day2, "10:00", "11:45", venue: 2, city: "Железногорск", people: 1),
            Item(4, Day2, "13:00", "14:00", venue: 1, city: "Красноярск", people: 1)));
    }

    [Fact]
    public void Cities_without_a_known_road_time_are_not_judged()
    {
        Assert.Empty(Detect(
            Item(1, Day1, "09:00", "10:00", venue: 1, city: "Красноярск", people: 1),
            Item(2, Day1, "10:00", "11:00", venue: 2, city: "Норильск", people: 1)));
    }

    [Fact]
    public void More_people_than_the_venue_holds_conflicts()
    {
        var conflict = Assert.Single(Detect(Item(1, Day1, "10:00", "11:00", venue: 1, capacity: 2, people: [1, 2, 3])));

        Assert.Equal(ConflictKind.OverCapacity, conflict.Kind);
        Assert.Equal((3, 2), (conflict.People, conflict.Capacity));
        Assert.Empty(Detect(Item(1, Day1, "10:00", "11:00", venue: 1, capacity: 3, people: [1, 2, 3])));
    }

    [Fact]
    public void The_same_input_gives_the_same_keys_in_the_same_order()
    {
        ScheduledItem[] items =
        [
            Item(3, Day1, "10:00", "11:00", venue: 1, people: [1]),
            Item(1, Day1, "10:00", "11:00", venue: 1, people: [1]),
            Item(2, Day1, "10:30", "11:30", venue: 1, people: [1]),
        ];

        var first = Detect(items).Select(c => c.Key).ToList();
        var second = Detect([.. items.Reverse()]).Select(c => c.Key).ToList();

        Assert.Equal(first, second);
        Assert.Contains("venue:1:3", first);
        Assert.Contains("people:1:2", first);
    }
}
