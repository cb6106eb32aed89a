using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.UnitTests.Domain;

public class MissionTests
{
    private static Mission NewMission() =>
        new(MissionKind.TradeEconomic, "Миссия", 1, 2, new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 11));

    [Fact]
    public void A_mission_runs_through_its_statuses_in_order()
    {
        var mission = NewMission();
        Assert.Equal(MissionStatus.Draft, mission.Status);

        foreach (var next in new[] { MissionStatus.Submitted, MissionStatus.Approved, MissionStatus.Running, MissionStatus.Completed })
        {
            mission.ChangeStatus(next);
            Assert.Equal(next, mission.Status);
        }

        Assert.False(mission.CanMoveTo(MissionStatus.Cancelled));
        Assert.Throws<InvalidOperationException>(() => mission.ChangeStatus(MissionStatus.Draft));
    }

    [Fact]
    public void A_draft_cannot_skip_approval_but_can_be_cancelled()
    {
        var mission = NewMission();
        Assert.Throws<InvalidOperationException>(() => mission.ChangeStatus(MissionStatus.Approved));
        Assert.Throws<InvalidOperationException>(() => mission.ChangeStatus(MissionStatus.Running));

        mission.ChangeStatus(MissionStatus.Cancelled);

        Assert.Equal(MissionStatus.Cancelled, mission.Status);
        Assert.False(mission.CanMoveTo(MissionStatus.Submitted));
    }

    [Fact]
    public void The_days_of_a_mission_are_its_calendar_days_inclusive()
    {
        Assert.Equal([new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 11)], NewMission().Days);
        Assert.Throws<ArgumentException>(() =>
            new Mission(MissionKind.TradeEconomic, "Назад", 1, 2, new DateOnly(2026, 12, 11), new DateOnly(2026, 12, 10)));
    }

    [Fact]
    public void A_programme_item_must_end_after_it_starts()
    {
        var mission = NewMission();
        Assert.Throws<ArgumentException>(() =>
            mission.AddItem(new DateOnly(2026, 12, 10), new TimeOnly(10, 0), new TimeOnly(10, 0), ProgrammeItemKind.Meeting, "Встреча", null));

        var item = mission.AddItem(new DateOnly(2026, 12, 10), new TimeOnly(10, 0), new TimeOnly(11, 30), ProgrammeItemKind.Meeting, "Встреча", null);
        Assert.Single(mission.ProgrammeItems);
        Assert.Equal(AttendeeScope.WholeDelegation, item.AttendeeScope);
    }

    [Fact]
    public void The_head_is_listed_first_and_members_follow_in_the_order_they_were_added()
    {
        var delegation = NewMission().AddDelegation("Делегация", DelegationSide.Visiting);
        var head = delegation.AddParticipant("Говорунов", "Александр", "Николаевич", "Вице-губернатор", null, DelegationRole.Head);
        var member = delegation.AddParticipant("Козлов", "Дмитрий", "Алексеевич", "Начальник отдела продаж", null);

        Assert.Equal(1, head.ProtocolOrder);
        Assert.Equal(2, member.ProtocolOrder);
        Assert.Equal("Козлов\u00A0Д.\u00A0А.", member.ShortName);
    }

    [Fact]
    public void A_versioned_entity_gets_a_new_version_on_renewal()
    {
        var mission = NewMission();
        var before = mission.Version;

        ((IVersioned)mission).RenewVersion();

        Assert.NotEqual(before, mission.Version);
        Assert.NotEqual(Guid.Empty, mission.Version);
    }

    [Fact]
    public void Krasnoyarsk_time_is_seven_hours_ahead_of_UTC()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 9, 18, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 12, 10), HostCalendar.Today(clock));
        Assert.Equal(TimeSpan.FromHours(7), HostCalendar.Now(clock).Offset);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
