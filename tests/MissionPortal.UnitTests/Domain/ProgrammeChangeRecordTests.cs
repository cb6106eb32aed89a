using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.UnitTests.Domain;

/// <summary>What an approved programme's change log writes for an edit, and what an acceptance of a conflict covers.</summary>
public class ProgrammeChangeRecordTests
{
    private static readonly DateOnly Day = new(2026, 12, 10);

    private static ProgrammeItemFacts Facts(
        string title = "Презентация компаний",
        int startHour = 10,
        string? venue = "Бизнес-инкубатор",
        string? attendees = "Делегация Калужской области",
        string? host = null,
        string? description = null) =>
        new(title, Day, new TimeOnly(startHour, 0), new TimeOnly(startHour + 1, 0), venue, attendees, host, description);

    [Fact]
    public void An_edit_that_changes_nothing_records_nothing()
    {
        Assert.Empty(Facts().ChangesTo(Facts()));
        Assert.Empty(Facts(description: "  ").ChangesTo(Facts(description: null)));
    }

    [Fact]
    public void Each_changed_field_is_recorded_with_what_it_was_and_what_it_is()
    {
        var changes = Facts().ChangesTo(Facts(title: "Презентации и B2B", startHour: 11, venue: "Конгресс-холл", attendees: "Иванов И. И., Петрова М. С.", host: "АО «ИСС»"));

        Assert.Equal(
            [
                new FieldChange(ProgrammeChangeKind.Renamed, "Презентация компаний", "Презентации и B2B"),
                new FieldChange(ProgrammeChangeKind.Moved, "10.12.2026 10:00–11:00", "10.12.2026 11:00–12:00"),
                new FieldChange(ProgrammeChangeKind.VenueChanged, "Бизнес-инкубатор", "Конгресс-холл"),
                new FieldChange(ProgrammeChangeKind.AttendeesChanged, "Делегация Калужской области", "Иванов И. И., Петрова М. С."),
                new FieldChange(ProgrammeChangeKind.HostChanged, null, "АО «ИСС»"),
            ],
            changes);
        Assert.All(changes, c => Assert.NotEqual(c.Before, c.After));
    }

    [Fact]
    public void A_title_change_alone_is_one_record_and_never_identical()
    {
        var change = Assert.Single(Facts().ChangesTo(Facts(title: "Презентация компаний Калужской области")));

        Assert.Equal(ProgrammeChangeKind.Renamed, change.Kind);
        Assert.Equal("Презентация компаний", change.Before);
        Assert.Equal("Презентация компаний Калужской области", change.After);
    }

    private static readonly Dictionary<int, AcceptedItem> Items = new()
    {
        [1] = new AcceptedItem("Встреча с губернатором", Day, new TimeOnly(10, 0), new TimeOnly(11, 0), "Администрация"),
        [2] = new AcceptedItem("Подписание соглашения", Day, new TimeOnly(10, 30), new TimeOnly(11, 30), "Администрация"),
    };

    private static string Person(int id) => id switch { 7 => "Говорунов А. Н.", 8 => "Толоконский В. А.", _ => "#" + id };

    private static string Describe(ScheduleConflict conflict, Dictionary<int, AcceptedItem>? items = null) =>
        ConflictAcceptance.Describe(conflict, id => (items ?? Items).GetValueOrDefault(id), Person);

    [Fact]
    public void An_acceptance_records_the_items_their_times_and_the_people()
    {
        var conflict = new ScheduleConflict(ConflictKind.PersonDoubleBooked, "people:1:2", [1, 2]) { PersonIds = [7] };

        Assert.Equal(
            "«Встреча с губернатором» 10.12.2026 10:00–11:00, Администрация; «Подписание соглашения» 10.12.2026 10:30–11:30, Администрация · Говорунов А. Н.",
            Describe(conflict));
    }

    [Fact]
    public void An_acceptance_stops_covering_the_conflict_when_its_times_people_or_gap_change()
    {
        var conflict = new ScheduleConflict(ConflictKind.PersonDoubleBooked, "people:1:2", [1, 2]) { PersonIds = [7] };
        var acceptance = new ConflictAcknowledgement(1, conflict.Key, Describe(conflict), "Губернатор уходит раньше", "Агентство", DateTime.UtcNow);

        Assert.True(acceptance.Covers(Describe(conflict)));
        Assert.False(acceptance.Covers(Describe(conflict with { PersonIds = [7, 8] })));
        var moved = new Dictionary<int, AcceptedItem>(Items) { [2] = Items[2] with { Start = new TimeOnly(10, 45) } };
        Assert.False(acceptance.Covers(Describe(conflict, moved)));

        var travel = new ScheduleConflict(ConflictKind.NotEnoughTravelTime, "travel:1:2", [1, 2]) { PersonIds = [7], AvailableMinutes = 40, RequiredMinutes = 60 };
        var travelAccepted = new ConflictAcknowledgement(1, travel.Key, Describe(travel), "Едем без пробок", "Агентство", DateTime.UtcNow);
        Assert.True(travelAccepted.Covers(Describe(travel)));
        Assert.False(travelAccepted.Covers(Describe(travel with { AvailableMinutes = 20 })));
    }

    [Fact]
    public void An_acceptance_recorded_before_what_it_accepted_was_kept_still_covers()
    {
        Assert.True(ConflictAcknowledgement.Covers(null, "anything"));
    }
}
