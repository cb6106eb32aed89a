using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Programme;

/// <summary>
/// Where each item stands in the programme's time grid: one column per day, rows of five minutes on an hour axis
/// shared by every day, so 14:00 is at the same height on each day and an item is as tall as it lasts. Items of one day
/// that overlap stand side by side in lanes. Computed on the server and written as classes of programme-grid.css
/// (the security policy allows no style attribute), so the grid is laid out without a script.
/// </summary>
public sealed class ProgrammeGrid
{
    /// <summary>One row of the grid is this many minutes; positions and lengths are rounded to it.</summary>
    public const int MinutesPerRow = 5;

    /// <summary>A day is 60 columns wide: two, three, four, five or six lanes divide it evenly.</summary>
    public const int Columns = 60;

    /// <summary>The shortest an item is drawn (15 minutes), so its time can still be read.</summary>
    public const int MinimumRows = 3;

    private const int RowsPerHour = 60 / MinutesPerRow;

    private ProgrammeGrid(int firstHour, int lastHour, IReadOnlyDictionary<int, GridPlacement> placements)
    {
        FirstHour = firstHour;
        LastHour = lastHour;
        Placements = placements;
    }

    /// <summary>The hour the axis starts at.</summary>
    public int FirstHour { get; }

    /// <summary>The hour the axis ends at (24 at most).</summary>
    public int LastHour { get; }

    /// <summary>The rows of the axis, one per five minutes.</summary>
    public int Rows => (LastHour - FirstHour) * RowsPerHour;

    /// <summary>The hours labelled on the axis, each with the row it starts at.</summary>
    public IEnumerable<(int Hour, int Row)> Hours =>
        Enumerable.Range(FirstHour, LastHour - FirstHour).Select(h => (h, ((h - FirstHour) * RowsPerHour) + 1));

    public IReadOnlyDictionary<int, GridPlacement> Placements { get; }

    public GridPlacement Of(int itemId) => Placements[itemId];

    /// <summary>
    /// The axis runs from the hour of the earliest start to an hour past the latest end over all days (room to drag an
    /// item later), and spans at least eight hours; 09:00–18:00 for an empty programme.
    /// </summary>
    public static ProgrammeGrid Of(IReadOnlyList<ProgrammeDayViewModel> days)
    {
        var items = days.SelectMany(d => d.Items).ToList();
        int first, last;
        if (items.Count == 0)
        {
            (first, last) = (9, 18);
        }
        else
        {
            first = items.Min(i => StartMinute(i)) / 60;
            last = Math.Min(24, ((items.Max(i => EndMinute(i)) + 59) / 60) + 1);
            while (last - first < 8)
            {
                if (last < 24)
                {
                    last++;
                }
                else
                {
                    first--;
                }
            }
        }

        var placements = new Dictionary<int, GridPlacement>();
        foreach (var day in days)
        {
            Place(day.Items, first, placements);
        }

        return new ProgrammeGrid(first, last, placements);
    }

    private static int StartMinute(ProgrammeItemViewModel item) => (item.Start.Hour * 60) + item.Start.Minute;

    /// <summary>An end at or before the start (midnight) is read as the end of the day.</summary>
    private static int EndMinute(ProgrammeItemViewModel item)
    {
        var end = (item.End.Hour * 60) + item.End.Minute;
        return end <= StartMinute(item) ? 24 * 60 : end;
    }

    /// <summary>Rows from the start of the axis; items that overlap (as drawn) share their cluster's width in lanes.</summary>
    private static void Place(IReadOnlyList<ProgrammeItemViewModel> items, int firstHour, Dictionary<int, GridPlacement> placements)
    {
        var drawn = items
            .Select(i =>
            {
                var row = (int)Math.Round((StartMinute(i) - (firstHour * 60)) / (double)MinutesPerRow, MidpointRounding.AwayFromZero) + 1;
                var rows = Math.Max(MinimumRows, (int)Math.Round((EndMinute(i) - StartMinute(i)) / (double)MinutesPerRow, MidpointRounding.AwayFromZero));
                return (Item: i, Row: row, End: row + rows);
            })
            .OrderBy(x => x.Row).ThenByDescending(x => x.End).ThenBy(x => x.Item.Id)
            .ToList();

        var cluster = new List<(ProgrammeItemViewModel Item, int Row, int End, int Lane)>();
        var laneEnds = new List<int>();
        var clusterEnd = 0;

        void Close()
        {
            var lanes = Math.Min(laneEnds.Count, Columns);
            foreach (var (item, row, end, lane) in cluster)
            {
                var from = lane * Columns / lanes;
                var to = (lane + 1) * Columns / lanes;
                placements[item.Id] = new GridPlacement(row, end - row, from + 1, to - from);
            }

            cluster.Clear();
            laneEnds.Clear();
        }

        foreach (var (item, row, end) in drawn)
        {
            if (cluster.Count > 0 && row >= clusterEnd)
            {
                Close();
            }

            var lane = laneEnds.FindIndex(e => e <= row);
            if (lane < 0 || lane >= Columns)
            {
                lane = Math.Min(laneEnds.Count, Columns - 1);
                if (lane == laneEnds.Count)
                {
                    laneEnds.Add(end);
                }
            }

            laneEnds[lane] = Math.Max(laneEnds[lane], end);
            clusterEnd = cluster.Count == 0 ? end : Math.Max(clusterEnd, end);
            cluster.Add((item, row, end, lane));
        }

        if (cluster.Count > 0)
        {
            Close();
        }
    }
}

/// <summary>An item's cell: first row and number of rows, first column and number of columns (all from 1).</summary>
public sealed record GridPlacement(int Row, int Rows, int Column, int Columns)
{
    /// <summary>The classes of programme-grid.css that put the item there.</summary>
    public string Classes => $"tg-r{Row} tg-h{Rows} tg-c{Column} tg-w{Columns}";
}
