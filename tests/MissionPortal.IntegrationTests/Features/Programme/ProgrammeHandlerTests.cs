using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web;
using MissionPortal.Web.Features.Programme;

namespace MissionPortal.IntegrationTests.Features.Programme;

/// <summary>The programme's commands below HTTP, on a real database.</summary>
public class ProgrammeHandlerTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<T> WithAsync<THandler, T>(Func<THandler, IStringLocalizer<SharedResource>, Task<T>> act)
        where THandler : notnull
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<THandler>(), scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>());
    }

    private static ProgrammeItemInput Lunch(string title, ProgrammeItemKind kind = ProgrammeItemKind.Break, int? agreementId = null) => new()
    {
        Start = new TimeOnly(13, 0),
        End = new TimeOnly(14, 0),
        Kind = kind,
        Title = title,
        AgreementId = agreementId,
    };

    [Fact]
    public async Task An_item_added_to_several_days_is_one_item_a_day_in_order()
    {
        var s = await Scenario.CreateAsync(factory, "Обеды " + Guid.NewGuid().ToString("N")[..6]);

        var items = await WithAsync<AddItem.Handler, IReadOnlyList<ProgrammeItem>>((add, _) =>
            add.HandleAsync(s.MissionId, Lunch("Обед"), [Scenario.Day1, Scenario.Day2], "Агентство", CancellationToken.None));

        Assert.Equal([Scenario.Day1, Scenario.Day2], items.Select(i => i.Date));
        var stored = await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.MissionId == s.MissionId && i.Title == "Обед").OrderBy(i => i.Date).Select(i => i.Date).ToListAsync());
        Assert.Equal([Scenario.Day1, Scenario.Day2], stored);
    }

    [Fact]
    public async Task An_add_is_one_transaction_so_a_failure_after_the_items_are_written_leaves_nothing()
    {
        var s = await Scenario.CreateAsync(factory, "Подписание " + Guid.NewGuid().ToString("N")[..6]);

        // An agreement that isn't there (the validator would have refused it) fails the link after the items' insert.
        await Assert.ThrowsAsync<InvalidOperationException>(() => WithAsync<AddItem.Handler, IReadOnlyList<ProgrammeItem>>((add, _) =>
            add.HandleAsync(s.MissionId, Lunch("Подписание", ProgrammeItemKind.Signing, agreementId: int.MaxValue), [Scenario.Day1, Scenario.Day2], "Агентство", CancellationToken.None)));

        Assert.False(await factory.QueryAsync(db => db.ProgrammeItems.IgnoreQueryFilters().AnyAsync(i => i.MissionId == s.MissionId && i.Title == "Подписание")));
    }

    [Fact]
    public async Task A_move_outside_the_mission_is_refused_with_the_item_forms_words_and_nothing_moves()
    {
        var s = await Scenario.CreateAsync(factory, "Перенос " + Guid.NewGuid().ToString("N")[..6]);
        var outside = Scenario.Day2.AddDays(1);

        var (result, expected) = await WithAsync<MoveItem.Handler, (MoveItem.Result, string)>(async (move, l) =>
            (await move.HandleAsync(s.MorningItemId, new MoveItem.Input { Date = outside, Start = new TimeOnly(9, 0) }, null, "Агентство", CancellationToken.None),
             ProgrammeMessages.OutsideMissionDates(l, outside, Scenario.Day1, Scenario.Day2)));

        Assert.Equal(MoveItem.Outcome.Refused, result.Outcome);
        Assert.Equal(expected, result.Message);
        Assert.Equal(Scenario.Day1, await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.Id == s.MorningItemId).Select(i => i.Date).SingleAsync()));
    }

    [Fact]
    public async Task A_move_without_a_day_is_refused_as_the_item_form_refuses_it()
    {
        var s = await Scenario.CreateAsync(factory, "Без дня " + Guid.NewGuid().ToString("N")[..6]);

        var (result, expected) = await WithAsync<MoveItem.Handler, (MoveItem.Result, string)>(async (move, l) =>
            (await move.HandleAsync(s.MorningItemId, new MoveItem.Input { Start = new TimeOnly(9, 0) }, null, "Агентство", CancellationToken.None), ProgrammeMessages.DateRequired(l)));

        Assert.Equal(MoveItem.Outcome.Refused, result.Outcome);
        Assert.Equal(expected, result.Message);
    }

    [Fact]
    public async Task A_review_refused_by_the_mission_records_nothing_and_an_accepted_one_records_the_step()
    {
        var s = await Scenario.CreateAsync(factory, "Ревизия " + Guid.NewGuid().ToString("N")[..6]);

        var (refused, refusal) = await WithAsync<ReviewProgramme.Handler, (ReviewProgramme.Result, string)>(async (review, l) =>
            (await review.HandleAsync(s.MissionId, ReviewDecision.Approved, new ReviewProgramme.Input(), "Министерство", CancellationToken.None),
             l["Согласовать можно программу, отправленную на согласование или изменённую после согласования."]));
        Assert.Equal((ReviewProgramme.Outcome.Refused, refusal), (refused.Outcome, refused.Message));
        Assert.False(await factory.QueryAsync(db => db.ProgrammeReviews.AnyAsync(r => r.MissionId == s.MissionId)));

        var submitted = await WithAsync<ReviewProgramme.Handler, ReviewProgramme.Result>((review, _) =>
            review.HandleAsync(s.MissionId, ReviewDecision.Submitted, new ReviewProgramme.Input { Comment = " Готово " }, "Агентство", CancellationToken.None));
        Assert.Equal(ReviewProgramme.Outcome.Done, submitted.Outcome);
        Assert.Equal(MissionStatus.Submitted, await factory.QueryAsync(db => db.Missions.Where(m => m.Id == s.MissionId).Select(m => m.Status).SingleAsync()));
        Assert.Equal("Готово", await factory.QueryAsync(db => db.ProgrammeReviews.Where(r => r.MissionId == s.MissionId).Select(r => r.Comment).SingleAsync()));
    }
}
