using MissionPortal.Web.Features.Programme;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.UnitTests.Programme;

/// <summary>Where the programme's time grid puts items: the shared hour axis, heights by duration, lanes for overlaps.</summary>
public class ProgrammeGridTests
{
    private static readonly DateOnly Day1 = new(2026, 12, 10);
    private static readonly DateOnly Day2 = new(2026, 12, 11);

    private static ProgrammeItemViewModel Item(int id, DateOnly date, int startHour, int startMinute, int endHour, int endMinute) => new()
    {
        Id = id,
        Date = date,
        Start = new TimeOnly(startHour, startMinute),
        End = new TimeOnly(endHour, endMinute),
        Title = "Пункт " + id,
    };

    [Fact]
    public void An_hour_is_twelve_rows_on_every_day_from_the_earliest_start_to_an_hour_past_the_latest_end()
    {
        var grid = ProgrammeGrid.Of(
        [
            new ProgrammeDayViewModel(Day1, [Item(1, Day1, 9, 30, 10, 30), Item(2, Day1, 14, 0, 15, 0)]),
            new ProgrammeDayViewModel(Day2, [Item(3, Day2, 14, 0, 16, 0), Item(4, Day2, 17, 10, 18, 20)]),
        ]);

        Assert.Equal((9, 20), (grid.FirstHour, grid.LastHour));
        Assert.Equal(11 * 12, grid.Rows);
        Assert.Equal(grid.Of(2).Row, grid.Of(3).Row);
        Assert.Equal(((14 - 9) * 12) + 1, grid.Of(2).Row);
        Assert.Equal(2 * grid.Of(2).Rows, grid.Of(3).Rows);
        Assert.Equal((7, 12), (grid.Of(1).Row, grid.Of(1).Rows));
        Assert.Equal((((17 - 9) * 12) + 3, 14), (grid.Of(4).Row, grid.Of(4).Rows));
        Assert.All([1, 2, 3, 4], id => Assert.Equal((1, ProgrammeGrid.Columns), (grid.Of(id).Column, grid.Of(id).Columns)));
        Assert.Equal("tg-r61 tg-h12 tg-c1 tg-w60", grid.Of(2).Classes);
    }

    [Fact]
    public void Overlapping_items_of_a_day_share_its_width_in_lanes_and_the_next_item_has_the_whole_width_again()
    {
        var grid = ProgrammeGrid.Of(
        [
            new ProgrammeDayViewModel(Day1,
            [
                Item(1, Day1, 10, 0, 12, 0), Item(2, Day1, 10, 30, 11, 0), Item(3, Day1, 11, 0, 11, 30), Item(4, Day1, 11, 15, 11, 45),
                Item(5, Day1, 12, 0, 13, 0),
            ]),
        ]);

        // 10:00–12:00 beside 10:30–11:00 and 11:00–11:30, which reuse one lane; 11:15–11:45 needs a third.
        Assert.Equal((1, 20), (grid.Of(1).Column, grid.Of(1).Columns));
        Assert.Equal((21, 20), (grid.Of(2).Column, grid.Of(2).Columns));
        Assert.Equal((21, 20), (grid.Of(3).Column, grid.Of(3).Columns));
        Assert.Equal((41, 20), (grid.Of(4).Column, grid.Of(4).Columns));
        Assert.Equal((1, 60), (grid.Of(5).Column, grid.Of(5).Columns));
    }

    [Fact]
    public void A_short_item_is_drawn_a_quarter_of_an_hour_tall_and_an_empty_programme_shows_the_working_day()
    {
        var grid = ProgrammeGrid.Of([new ProgrammeDayViewModel(Day1, [Item(1, Day1, 12, 0, 12, 5), Item(2, Day1, 12, 10, 12, 30)])]);
        Assert.Equal(ProgrammeGrid.MinimumRows, grid.Of(1).Rows);
        Assert.Equal((1, 30), (grid.Of(1).Column, grid.Of(1).Columns));
        Assert.Equal((12, 20), (grid.FirstHour, grid.LastHour));

        var empty = ProgrammeGrid.Of([new ProgrammeDayViewModel(Day1, [])]);
        Assert.Equal((9, 18), (empty.FirstHour, empty.LastHour));
    }
}
