using CsCheck;
using MissionPortal.Core.Domain.B2b;

namespace MissionPortal.UnitTests.Domain;

public class MeetingSchedulerTests
{
    /// <summary>
    /// Random sessions: up to 10 slots, up to 6 tables, up to 12 companies with random breaks, up to 50 requests
    /// (a company asking itself now and then), and random pins, some of them impossible.
    /// </summary>
    private static readonly Gen<SchedulingProblem> Problems =
        from slots in Gen.Int[0, 10]
        from tables in Gen.Int[0, 6]
        from companies in Gen.Int[2, 12]
        from pairs in Gen.Select(Gen.Int[1, companies], Gen.Int[1, companies]).Array[0, 50]
        from breaks in Gen.Int[0, Math.Max(0, slots - 1)].Array[0, 4].Array[companies]
        from pins in Gen.Select(Gen.Int[0, 60], Gen.Int[-1, slots], Gen.Int[0, tables + 1]).Array[0, 6]
        from homes in Gen.Int[0, tables + 1].Array[companies]
        select new SchedulingProblem(
            slots,
            tables,
            pairs.Select((p, i) => new ScheduleRequest(100 + (i * 7 % 101), p.Item1, p.Item2)).DistinctBy(r => r.RequestId).ToList(),
            breaks.Select((b, i) => (Company: i + 1, Slots: (IReadOnlySet<int>)b.Where(_ => slots > 0).ToHashSet()))
                .ToDictionary(x => x.Company, x => x.Slots),
            pins.Select(p => new PinnedMeeting(100 + p.Item1, p.Item2, p.Item3)).DistinctBy(p => p.RequestId).ToList())
        {
            HomeTables = homes.Select((table, i) => (Company: i + 1, Table: table)).Where(x => x.Table > 0).ToDictionary(x => x.Company, x => x.Table),
        };

    [Fact]
    public void No_company_is_in_two_meetings_at_once_and_no_table_is_used_twice_for_any_input()
    {
        Problems.Sample(problem =>
        {
            var schedule = MeetingScheduler.Schedule(problem);
            AssertValid(problem, schedule);
        }, iter: 400, print: Describe);
    }

    [Fact]
    public void The_greedy_baseline_is_valid_too_so_the_comparison_is_fair()
    {
        Problems.Sample(problem => AssertValid(problem, MeetingScheduler.Greedy(problem)), iter: 200);
    }

    [Fact]
    public void The_same_input_gives_the_same_schedule_whatever_order_the_requests_come_in()
    {
        Problems.SelectMany(p => Gen.Int.Select(seed => (Problem: p, Seed: seed))).Sample(x =>
        {
            var shuffled = x.Problem with
            {
                Requests = x.Problem.Requests.OrderBy(_ => Random.Shared.Next()).ToList(),
                Pinned = x.Problem.Pinned.Reverse().ToList(),
            };

            var first = MeetingScheduler.Schedule(x.Problem);
            var again = MeetingScheduler.Schedule(x.Problem);
            var reordered = MeetingScheduler.Schedule(shuffled);

            Assert.Equal(first.Placed, again.Placed);
            Assert.Equal(first.Unplaced, again.Unplaced);
            Assert.Equal(first.Placed, reordered.Placed);
            Assert.Equal(first.Unplaced, reordered.Unplaced);
        }, iter: 200);
    }

    [Fact]
    public void It_never_places_fewer_meetings_than_the_greedy_baseline()
    {
        Problems.Sample(problem =>
            Assert.True(MeetingScheduler.Schedule(problem).Placed.Count >= MeetingScheduler.Greedy(problem).Placed.Count), iter: 400);
    }

    [Fact]
    public void It_beats_greedy_when_the_first_request_takes_the_only_slot_another_company_has()
    {
        // Companies 1 and 2 meet (request 1), then 3 wants to meet 2 (request 2), but company 3 is free only in slot 0.
        // Greedy puts request 1 into slot 0 and leaves request 2 without a slot; the scheduler moves request 1 to slot 1.
        var problem = new SchedulingProblem(
            SlotCount: 2,
            TableCount: 1,
            Requests: [new(1, 1, 2), new(2, 3, 2)],
            UnavailableSlots: new Dictionary<int, IReadOnlySet<int>> { [3] = new HashSet<int> { 1 } },
            Pinned: []);

        var greedy = MeetingScheduler.Greedy(problem);
        var schedule = MeetingScheduler.Schedule(problem);

        Assert.Single(greedy.Placed);
        Assert.Equal([new PlacedMeeting(2, 0, 1), new PlacedMeeting(1, 1, 1)], schedule.Placed);
        Assert.Empty(schedule.Unplaced);
    }

    [Fact]
    public void A_chain_of_moves_frees_a_slot_greedy_would_leave_blocked()
    {
        // Three slots, one table each. Greedy fills slot 0 with 1–2 and slot 1 with 3–4, then 2–3 goes to slot 2;
        // 5 is free only in slot 0 and wants to meet 1: a chain must move 1–2 out of slot 0 (to slot 1, which needs 3–4 moved on).
        var problem = new SchedulingProblem(
            SlotCount: 3,
            TableCount: 1,
            Requests: [new(1, 1, 2), new(2, 3, 4), new(3, 5, 1)],
            UnavailableSlots: new Dictionary<int, IReadOnlySet<int>> { [5] = new HashSet<int> { 1, 2 } },
            Pinned: []);

        Assert.Equal(2, MeetingScheduler.Greedy(problem).Placed.Count);
        var schedule = MeetingScheduler.Schedule(problem);
        Assert.Equal(3, schedule.Placed.Count);
        Assert.Contains(new PlacedMeeting(3, 0, 1), schedule.Placed);
        AssertValid(problem, schedule);
    }

    [Fact]
    public void Pinned_meetings_stay_where_the_agency_put_them()
    {
        var problem = new SchedulingProblem(3, 2, [new(1, 1, 2), new(2, 1, 3), new(3, 2, 3)],
            new Dictionary<int, IReadOnlySet<int>>(), [new PinnedMeeting(2, 2, 2)]);

        var schedule = MeetingScheduler.Schedule(problem);

        Assert.Contains(new PlacedMeeting(2, 2, 2), schedule.Placed);
        Assert.Equal(3, schedule.Placed.Count);
        AssertValid(problem, schedule);
    }

    [Fact]
    public void Each_request_left_out_says_why()
    {
        var problem = new SchedulingProblem(
            SlotCount: 2,
            TableCount: 1,
            Requests:
            [
                new(1, 1, 2),   // placed in slot 0
                new(2, 3, 4),   // placed in slot 1
                new(3, 5, 6),   // both free in both slots, but each slot's only table is taken
                new(4, 7, 8),   // 7 takes every slot as a break
                new(5, 9, 10),  // 9 is free only in slot 0, 10 only in slot 1
                new(6, 11, 11), // a company asking itself
            ],
            UnavailableSlots: new Dictionary<int, IReadOnlySet<int>>
            {
                [7] = new HashSet<int> { 0, 1 },
                [9] = new HashSet<int> { 1 },
                [10] = new HashSet<int> { 0 },
            },
            Pinned: []);

        var reasons = MeetingScheduler.Schedule(problem).Unplaced.ToDictionary(u => u.RequestId);

        Assert.Equal(UnplacedReason.NoFreeTable, reasons[3].Reason);
        Assert.Equal((UnplacedReason.CompanyUnavailable, (int?)7), (reasons[4].Reason, reasons[4].CompanyId));
        Assert.Equal(UnplacedReason.NoCommonSlot, reasons[5].Reason);
        Assert.Equal(UnplacedReason.SameCompany, reasons[6].Reason);
    }

    [Fact]
    public void A_company_with_a_full_day_is_named_as_the_reason()
    {
        var problem = new SchedulingProblem(2, 5, [new(1, 1, 2), new(2, 1, 3), new(3, 1, 4)]);

        var schedule = MeetingScheduler.Schedule(problem);

        var unplaced = Assert.Single(schedule.Unplaced);
        Assert.Equal((UnplacedReason.CompanyFullyBooked, (int?)1), (unplaced.Reason, unplaced.CompanyId));
    }

    [Fact]
    public void A_host_keeps_its_home_table_from_slot_to_slot_when_it_is_free()
    {
        // Host 10 sits at table 3; its two guests come to it in turn.
        var problem = new SchedulingProblem(2, 3, [new(1, 1, 10), new(2, 2, 10), new(3, 1, 11)])
        {
            HomeTables = new Dictionary<int, int> { [10] = 3, [11] = 1 },
        };

        var schedule = MeetingScheduler.Schedule(problem);

        Assert.All(schedule.Placed.Where(p => p.RequestId is 1 or 2), p => Assert.Equal(3, p.Table));
        Assert.Equal(1, schedule.Placed.Single(p => p.RequestId == 3).Table);
    }

    [Fact]
    public void A_session_without_slots_places_nothing_and_says_so()
    {
        var schedule = MeetingScheduler.Schedule(new SchedulingProblem(0, 10, [new(1, 1, 2)]));

        Assert.Empty(schedule.Placed);
        Assert.Equal(UnplacedReason.NoSlots, Assert.Single(schedule.Unplaced).Reason);
    }

    private static string Describe(SchedulingProblem p) =>
        $"{p.SlotCount} slots, {p.TableCount} tables; requests {string.Join(' ', p.Requests.Select(r => $"{r.RequestId}:{r.FirstCompanyId}-{r.SecondCompanyId}"))}; "
        + $"breaks {string.Join(' ', p.UnavailableSlots.Where(b => b.Value.Count > 0).Select(b => $"{b.Key}:[{string.Join(',', b.Value)}]"))}; "
        + $"pins {string.Join(' ', p.Pinned.Select(x => $"{x.RequestId}@{x.Slot}/{x.Table}"))}";

    private static void AssertValid(SchedulingProblem problem, MeetingSchedule schedule)
    {
        var requests = problem.Requests.ToDictionary(r => r.RequestId);
        var placedIds = schedule.Placed.Select(p => p.RequestId).ToList();
        Assert.Equal(placedIds.Count, placedIds.Distinct().Count());
        Assert.Equal(
            requests.Keys.Order(),
            placedIds.Concat(schedule.Unplaced.Select(u => u.RequestId)).Order());

        foreach (var meeting in schedule.Placed)
        {
            var request = requests[meeting.RequestId];
            Assert.InRange(meeting.Slot, 0, problem.SlotCount - 1);
            Assert.InRange(meeting.Table, 1, problem.TableCount);
            Assert.NotEqual(request.FirstCompanyId, request.SecondCompanyId);
            foreach (var company in new[] { request.FirstCompanyId, request.SecondCompanyId })
            {
                Assert.False(
                    problem.UnavailableSlots.TryGetValue(company, out var breaks) && breaks.Contains(meeting.Slot),
                    $"company {company} meets in slot {meeting.Slot}, its break");
            }
        }

        Assert.Equal(schedule.Placed.Count, schedule.Placed.Select(p => (p.Slot, p.Table)).Distinct().Count());
        var companySlots = schedule.Placed
            .SelectMany(p => new[] { (requests[p.RequestId].FirstCompanyId, p.Slot), (requests[p.RequestId].SecondCompanyId, p.Slot) })
            .ToList();
        Assert.Equal(companySlots.Count, companySlots.Distinct().Count());
    }
}
