using System.Diagnostics;
using System.Globalization;
using System.Text;
using MissionPortal.Core.Domain.B2b;

namespace MissionPortal.Bench;

/// <summary>
/// Times the B2B scheduler on a 40-company session with 150 accepted requests (20 hosts, 20 guests, seeded random
/// pairs, every fifth company away for two slots), once on a full day's grid and once on a tight morning grid; beside it,
/// the greedy baseline on the same input. Checks every schedule for conflicts. Prints a Markdown section and, with
/// --results FILE, puts it into that file in place of an earlier B2B section.
/// </summary>
public static class B2bBench
{
    private const string Heading = "## B2B meeting scheduler";

    public static int Run(string[] args)
    {
        var results = args.SkipWhile(a => a != "--results").Skip(1).FirstOrDefault();
        var cases = new[]
        {
            ("full day 10:00–17:00, 20 + 5 min, lunch 13:00–14:00", SessionSettings.SlotsOf(new TimeOnly(10, 0), new TimeOnly(17, 0), 20, 5, [new TimePeriod(new TimeOnly(13, 0), new TimeOnly(14, 0))]).Count, 20),
            ("morning 10:00–13:00, 20 + 5 min", SessionSettings.SlotsOf(new TimeOnly(10, 0), new TimeOnly(13, 0), 20, 5, []).Count, 12),
            ("morning 10:00–13:00, 20 + 5 min, more tables", SessionSettings.SlotsOf(new TimeOnly(10, 0), new TimeOnly(13, 0), 20, 5, []).Count, 20),
        };

        var text = new StringBuilder();
        text.AppendLine(Heading).AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"`dotnet run -c Release --project bench/MissionPortal.Bench -- b2b` on {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}. ");
        text.AppendLine("40 companies (20 hosts, 20 guests), 150 accepted requests between distinct host–guest pairs (seed 2026), every fifth company away for two slots, hosts keep home tables. ");
        text.AppendLine("Times are the median and the slowest of 30 runs after 5 warm-up runs, in one process; conflicts counts double-booked companies, reused tables and meetings in breaks.").AppendLine();
        text.AppendLine("| grid | slots × tables | placed | greedy placed | median ms | max ms | greedy median ms | conflicts |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");

        var ok = true;
        foreach (var (name, slots, tables) in cases)
        {
            var problem = Problem(slots, tables);
            var (schedule, median, max) = Time(() => MeetingScheduler.Schedule(problem));
            var (greedy, greedyMedian, _) = Time(() => MeetingScheduler.Greedy(problem));
            var conflicts = Conflicts(problem, schedule);
            ok &= conflicts == 0 && schedule.Placed.Count >= greedy.Placed.Count;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {slots} × {tables} | {schedule.Placed.Count} / {problem.Requests.Count} | {greedy.Placed.Count} | {median:F2} | {max:F2} | {greedyMedian:F2} | {conflicts} |");
        }

        var section = text.ToString();
        Console.Write(section);
        if (results is not null)
        {
            var existing = File.Exists(results) ? File.ReadAllText(results) : string.Empty;
            var start = existing.IndexOf(Heading, StringComparison.Ordinal);
            if (start >= 0)
            {
                var end = existing.IndexOf("\n## ", start + Heading.Length, StringComparison.Ordinal);
                existing = existing[..start] + (end < 0 ? string.Empty : existing[(end + 1)..]);
            }

            File.WriteAllText(results, existing.TrimEnd() + "\n\n" + section);
        }

        return ok ? 0 : 1;
    }

    private static SchedulingProblem Problem(int slots, int tables)
    {
        var random = new Random(2026);
        var pairs = Enumerable.Range(1, 20).SelectMany(host => Enumerable.Range(21, 20).Select(guest => (host, guest)))
            .OrderBy(_ => random.Next()).Take(150).ToList();
        var away = Enumerable.Range(1, 40).Where(c => c % 5 == 0)
            .ToDictionary(c => c, c => (IReadOnlySet<int>)new HashSet<int> { random.Next(slots), random.Next(slots) });
        return new SchedulingProblem(slots, tables, [.. pairs.Select((p, i) => new ScheduleRequest(i + 1, p.guest, p.host))], away, [])
        {
            HomeTables = Enumerable.Range(1, 20).ToDictionary(h => h, h => h),
        };
    }

    private static (MeetingSchedule Result, double MedianMs, double MaxMs) Time(Func<MeetingSchedule> run)
    {
        for (var i = 0; i < 5; i++)
        {
            run();
        }

        var times = new List<double>();
        MeetingSchedule result = null!;
        for (var i = 0; i < 30; i++)
        {
            var watch = Stopwatch.StartNew();
            result = run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (result, (times[14] + times[15]) / 2, times[^1]);
    }

    private static int Conflicts(SchedulingProblem problem, MeetingSchedule schedule)
    {
        var requests = problem.Requests.ToDictionary(r => r.RequestId);
        var companySlots = schedule.Placed
            .SelectMany(p => new[] { (requests[p.RequestId].FirstCompanyId, p.Slot), (requests[p.RequestId].SecondCompanyId, p.Slot) })
            .ToList();
        var doubleBooked = companySlots.Count - companySlots.Distinct().Count();
        var tablesReused = schedule.Placed.Count - schedule.Placed.Select(p => (p.Slot, p.Table)).Distinct().Count();
        var inBreaks = companySlots.Count(x => problem.UnavailableSlots.TryGetValue(x.Item1, out var away) && away.Contains(x.Slot));
        return doubleBooked + tablesReused + inBreaks;
    }
}
