using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.UnitTests.Domain;

/// <summary>The programme's rules held by the mission: its approval and moving its items.</summary>
public class ProgrammeWorkflowTests
{
    private static readonly DateTime At = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    private static Mission NewMission() =>
        new(MissionKind.TradeEconomic, "Миссия", 1, 2, new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 11));

    private static Mission InStatus(params MissionStatus[] path)
    {
        var mission = NewMission();
        foreach (var status in path)
        {
            mission.ChangeStatus(status);
        }

        return mission;
    }

    [Theory]
    [InlineData("2026-12-09", false)]
    [InlineData("2026-12-10", true)]
    [InlineData("2026-12-11", true)]
    [InlineData("2026-12-12", false)]
    public void A_date_is_within_the_mission_from_its_first_day_to_its_last_inclusive(string date, bool within)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(within, NewMission().IsWithinDates(day));
        Assert.Equal(within, Mission.IsWithinDates(day, new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 11)));
    }

    [Fact]
    public void A_draft_is_submitted_and_the_review_is_recorded_with_its_comment_trimmed()
    {
        var mission = NewMission();

        var step = mission.ReviewProgramme(ReviewDecision.Submitted, "  Готово  ", changedSinceApproval: false, "Агентство", At);

        Assert.False(step.IsRefused);
        Assert.Equal(MissionStatus.Submitted, mission.Status);
        Assert.Equal(ReviewDecision.Submitted, step.Change!.Decision);
        Assert.Equal("Готово", step.Change.Comment);
        Assert.Equal("Агентство", step.Change.By);
        Assert.Equal(At, step.Change.AtUtc);
    }

    [Fact]
    public void Only_a_draft_is_submitted()
    {
        var mission = InStatus(MissionStatus.Submitted);

        var step = mission.ReviewProgramme(ReviewDecision.Submitted, null, changedSinceApproval: false, "Агентство", At);

        Assert.Equal(ProgrammeRefusal.CannotSubmit, step.Refusal);
        Assert.Null(step.Change);
        Assert.Equal(MissionStatus.Submitted, mission.Status);
    }

    [Fact]
    public void A_submitted_programme_is_approved_and_a_blank_comment_is_none()
    {
        var mission = InStatus(MissionStatus.Submitted);

        var step = mission.ReviewProgramme(ReviewDecision.Approved, "   ", changedSinceApproval: false, "Министерство", At);

        Assert.Equal(MissionStatus.Approved, mission.Status);
        Assert.Null(step.Change!.Comment);
    }

    [Fact]
    public void An_approved_programme_is_approved_again_only_after_a_change_and_stays_approved()
    {
        Assert.Equal(ProgrammeRefusal.CannotApprove,
            InStatus(MissionStatus.Submitted, MissionStatus.Approved).ReviewProgramme(ReviewDecision.Approved, null, changedSinceApproval: false, "Министерство", At).Refusal);

        var mission = InStatus(MissionStatus.Submitted, MissionStatus.Approved);
        var step = mission.ReviewProgramme(ReviewDecision.Approved, null, changedSinceApproval: true, "Министерство", At);

        Assert.False(step.IsRefused);
        Assert.Equal(MissionStatus.Approved, mission.Status);
    }

    [Fact]
    public void A_draft_is_not_approved()
    {
        var mission = NewMission();

        Assert.Equal(ProgrammeRefusal.CannotApprove, mission.ReviewProgramme(ReviewDecision.Approved, null, changedSinceApproval: true, "Министерство", At).Refusal);
        Assert.Equal(MissionStatus.Draft, mission.Status);
    }

    [Fact]
    public void A_return_says_what_to_correct_within_the_comment_length()
    {
        var mission = InStatus(MissionStatus.Submitted);

        Assert.Equal(ProgrammeRefusal.ReturnWithoutComment, mission.ReviewProgramme(ReviewDecision.Returned, " ", false, "Министерство", At).Refusal);
        Assert.Equal(ProgrammeRefusal.CommentTooLong,
            mission.ReviewProgramme(ReviewDecision.Returned, new string('я', Mission.ReviewCommentLength + 1), false, "Министерство", At).Refusal);
        Assert.Equal(MissionStatus.Submitted, mission.Status);
    }

    [Fact]
    public void A_returned_submission_goes_back_to_draft()
    {
        var mission = InStatus(MissionStatus.Submitted);

        var step = mission.ReviewProgramme(ReviewDecision.Returned, new string('я', Mission.ReviewCommentLength), false, "Министерство", At);

        Assert.False(step.IsRefused);
        Assert.Equal(MissionStatus.Draft, mission.Status);
        Assert.Equal(ReviewDecision.Returned, step.Change!.Decision);
    }

    [Fact]
    public void A_returned_approved_programme_stays_approved_and_a_draft_is_not_returned()
    {
        var approved = InStatus(MissionStatus.Submitted, MissionStatus.Approved);
        Assert.False(approved.ReviewProgramme(ReviewDecision.Returned, "Исправьте", false, "Министерство", At).IsRefused);
        Assert.Equal(MissionStatus.Approved, approved.Status);

        var draft = NewMission();
        Assert.Equal(ProgrammeRefusal.CannotReturn, draft.ReviewProgramme(ReviewDecision.Returned, "Исправьте", false, "Министерство", At).Refusal);
        Assert.Equal(MissionStatus.Draft, draft.Status);
    }

    [Fact]
    public void A_missing_comment_is_refused_before_the_status_is_looked_at()
    {
        Assert.Equal(ProgrammeRefusal.ReturnWithoutComment, NewMission().ReviewProgramme(ReviewDecision.Returned, null, false, "Министерство", At).Refusal);
    }

    [Fact]
    public void An_item_moves_to_another_day_and_time_keeping_its_length()
    {
        var mission = NewMission();
        var item = mission.AddItem(new DateOnly(2026, 12, 10), new TimeOnly(10, 0), new TimeOnly(11, 30), ProgrammeItemKind.Meeting, "Встреча", null);

        var step = mission.MoveItem(item, new DateOnly(2026, 12, 11), new TimeOnly(15, 0));

        Assert.Same(item, step.Change);
        Assert.Equal(new DateOnly(2026, 12, 11), item.Date);
        Assert.Equal(new TimeOnly(15, 0), item.Start);
        Assert.Equal(new TimeOnly(16, 30), item.End);
    }

    [Fact]
    public void An_item_does_not_move_outside_the_mission_or_past_midnight()
    {
        var mission = NewMission();
        var item = mission.AddItem(new DateOnly(2026, 12, 10), new TimeOnly(10, 0), new TimeOnly(11, 30), ProgrammeItemKind.Meeting, "Встреча", null);

        Assert.Equal(ProgrammeRefusal.OutsideMissionDates, mission.MoveItem(item, new DateOnly(2026, 12, 12), new TimeOnly(10, 0)).Refusal);
        Assert.Equal(ProgrammeRefusal.RunsPastMidnight, mission.MoveItem(item, new DateOnly(2026, 12, 11), new TimeOnly(23, 0)).Refusal);
        Assert.Equal(ProgrammeRefusal.OutsideMissionDates, mission.MoveItem(item, new DateOnly(2026, 12, 9), new TimeOnly(23, 0)).Refusal);

        Assert.Equal(new DateOnly(2026, 12, 10), item.Date);
        Assert.Equal(new TimeOnly(10, 0), item.Start);
        Assert.Equal(new TimeOnly(11, 30), item.End);
    }
}
