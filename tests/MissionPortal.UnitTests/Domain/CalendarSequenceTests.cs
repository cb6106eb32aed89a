using MissionPortal.Core.Domain.B2b;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.UnitTests.Domain;

/// <summary>The SEQUENCE a calendar event carries grows with every change people's calendars must take.</summary>
public class CalendarSequenceTests
{
    [Fact]
    public void A_programme_item_counts_each_saved_change_with_its_new_version()
    {
        var mission = new Mission(MissionKind.BusinessMission, "Миссия", 1, 2, new DateOnly(2027, 3, 10), new DateOnly(2027, 3, 11));
        var item = mission.AddItem(new DateOnly(2027, 3, 10), new TimeOnly(10, 0), new TimeOnly(11, 0), ProgrammeItemKind.Meeting, "Встреча", null);
        var first = item.Version;

        Assert.Equal(0, item.Sequence);
        item.RenewVersion();
        item.RenewVersion();

        Assert.Equal(2, item.Sequence);
        Assert.NotEqual(first, item.Version);
    }

    [Fact]
    public void A_meeting_counts_a_change_of_time_or_table_and_not_a_placement_where_it_already_is()
    {
        var meeting = new B2bMeeting(1, 1, new TimeOnly(10, 0), new TimeOnly(10, 20), 1, pinned: false);

        meeting.Place(new TimeOnly(10, 0), new TimeOnly(10, 20), 1, pinned: true);
        Assert.Equal(0, meeting.Sequence);
        meeting.MoveTo(new TimeOnly(10, 40), new TimeOnly(11, 0), 1);
        meeting.Place(new TimeOnly(10, 40), new TimeOnly(11, 0), 2, pinned: true);

        Assert.Equal(2, meeting.Sequence);
    }
}
