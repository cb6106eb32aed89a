namespace MissionPortal.Core.Domain.B2b;

/// <summary>An accepted meeting request as the scheduler sees it: two companies that want to meet once.</summary>
public sealed record ScheduleRequest(int RequestId, int FirstCompanyId, int SecondCompanyId);

/// <summary>A meeting the agency placed by hand: the scheduler keeps it where it is.</summary>
public sealed record PinnedMeeting(int RequestId, int Slot, int Table);

/// <summary>
/// What the scheduler is asked: slots numbered 0..SlotCount-1, tables numbered 1..TableCount, the accepted requests,
/// the slots each company has taken as breaks, and meetings pinned by hand.
/// </summary>
public sealed record SchedulingProblem(
    int SlotCount,
    int TableCount,
    IReadOnlyList<ScheduleRequest> Requests,
    IReadOnlyDictionary<int, IReadOnlySet<int>> UnavailableSlots,
    IReadOnlyList<PinnedMeeting> Pinned)
{
    public SchedulingProblem(int slotCount, int tableCount, IReadOnlyList<ScheduleRequest> requests)
        : this(slotCount, tableCount, requests, new Dictionary<int, IReadOnlySet<int>>(), [])
    {
    }

    /// <summary>A table a company would like to keep all session (a host company sits, the guests come to it); a wish, not a rule.</summary>
    public IReadOnlyDictionary<int, int> HomeTables { get; init; } = new Dictionary<int, int>();
}

public sealed record PlacedMeeting(int RequestId, int Slot, int Table);

/// <summary>Why an accepted request got no slot.</summary>
public enum UnplacedReason
{
    /// <summary>The session has no meeting slot at all (window shorter than one meeting, or all of it breaks).</summary>
    NoSlots = 1,

    /// <summary>The company's breaks cover every slot of the session.</summary>
    CompanyUnavailable = 2,

    /// <summary>Each of the two companies has free slots, but never the same one (their breaks don't overlap the other's free time).</summary>
    NoCommonSlot = 3,

    /// <summary>In every slot both companies could use, one of them (the company named) already has another meeting.</summary>
    CompanyFullyBooked = 4,

    /// <summary>Both companies are free together only in slots where every table is taken.</summary>
    NoFreeTable = 5,

    /// <summary>A request of a company to itself; the portal never makes one.</summary>
    SameCompany = 6,
}

public sealed record UnplacedRequest(int RequestId, UnplacedReason Reason, int? CompanyId);

public sealed record MeetingSchedule(IReadOnlyList<PlacedMeeting> Placed, IReadOnlyList<UnplacedRequest> Unplaced);

/// <summary>
/// Places accepted B2B meeting requests into slots and at tables: no company in two meetings at once, no table used
/// twice in a slot, no meeting in a company's break, pinned meetings kept. A pure function of its input: requests are
/// taken in the order of their ids, whatever order they come in, so the same input always gives the same schedule.
/// <para>
/// The most constrained requests are placed first (fewest slots both companies can use, then the busiest companies);
/// a request that finds no free slot then tries a chain of moves (an augmenting path): it takes a slot whose occupant
/// can move to another free slot, that one possibly displacing a third, up to <see cref="ChainDepth"/> moves. The same
/// improvement also runs from the plain greedy placement, and the better of the two is returned, so the result never
/// places fewer meetings than <see cref="Greedy"/>.
/// </para>
/// </summary>
public static class MeetingScheduler
{
    public const int ChainDepth = 3;

    /// <summary>Steps one augmenting search may take: bounds the time on adversarial input, and counts steps, not time, to stay deterministic.</summary>
    private const int SearchBudget = 20_000;

    public static MeetingSchedule Schedule(SchedulingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var ordered = new State(problem);
        ordered.PlaceMostConstrainedFirst();
        ordered.Improve();

        var greedy = new State(problem);
        greedy.PlaceInIdOrder();
        greedy.Improve();

        return (greedy.PlacedCount > ordered.PlacedCount ? greedy : ordered).Result();
    }

    /// <summary>The simple baseline: requests in id order, each in the first slot both companies are free, at the first free table.</summary>
    public static MeetingSchedule Greedy(SchedulingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var state = new State(problem);
        state.PlaceInIdOrder();
        return state.Result();
    }

    private sealed class State
    {
        private readonly int _slots;
        private readonly int _tables;
        private readonly ScheduleRequest[] _requests;
        private readonly int[] _first;   // company index of each request's first company
        private readonly int[] _second;
        private readonly bool[][] _unavailable; // [company][slot]
        private readonly int[][] _busy;          // [company][slot] = request index or -1
        private readonly int[] _load;            // meetings per slot
        private readonly int[] _slotOf;          // request index -> slot or -1
        private readonly bool[] _pinned;
        private readonly int[] _pinnedTable;
        private readonly int[] _degree;          // accepted requests per company
        private readonly int[] _home;            // company index -> preferred table or 0
        private readonly List<(int Request, int Slot, bool Put)> _journal = [];
        private int _budget;

        public State(SchedulingProblem problem)
        {
            if (problem.SlotCount < 0 || problem.TableCount < 0)
            {
                throw new ArgumentException("Slots and tables cannot be negative.", nameof(problem));
            }

            _slots = problem.SlotCount;
            _tables = problem.TableCount;
            _requests = [.. problem.Requests.OrderBy(r => r.RequestId)];
            if (_requests.Select(r => r.RequestId).Distinct().Count() != _requests.Length)
            {
                throw new ArgumentException("Each request may appear once.", nameof(problem));
            }

            var companies = _requests.SelectMany(r => new[] { r.FirstCompanyId, r.SecondCompanyId }).Distinct().Order().ToArray();
            var index = companies.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            _first = [.. _requests.Select(r => index[r.FirstCompanyId])];
            _second = [.. _requests.Select(r => index[r.SecondCompanyId])];
            _unavailable = [.. companies.Select(id =>
            {
                var row = new bool[_slots];
                if (problem.UnavailableSlots.TryGetValue(id, out var slots))
                {
                    foreach (var slot in slots.Where(s => s >= 0 && s < _slots))
                    {
                        row[slot] = true;
                    }
                }

                return row;
            })];
            _busy = [.. companies.Select(_ => Enumerable.Repeat(-1, _slots).ToArray())];
            _load = new int[_slots];
            _slotOf = [.. Enumerable.Repeat(-1, _requests.Length)];
            _pinned = new bool[_requests.Length];
            _pinnedTable = new int[_requests.Length];
            _degree = new int[companies.Length];
            _home = [.. companies.Select(id => problem.HomeTables.TryGetValue(id, out var table) && table >= 1 && table <= _tables ? table : 0)];
            for (var r = 0; r < _requests.Length; r++)
            {
                if (_first[r] != _second[r])
                {
                    _degree[_first[r]]++;
                    _degree[_second[r]]++;
                }
            }

            PlacePinned(problem.Pinned);
        }

        public int PlacedCount => _slotOf.Count(s => s >= 0);

        private void PlacePinned(IReadOnlyList<PinnedMeeting> pinned)
        {
            var byRequest = _requests.Select((r, i) => (r.RequestId, i)).ToDictionary(x => x.RequestId, x => x.i);
            var tablesTaken = new HashSet<(int Slot, int Table)>();
            foreach (var pin in pinned.OrderBy(p => p.RequestId))
            {
                // A pin that no longer fits (a slot or table that is gone, a clash with another pin, a break) is scheduled afresh.
                if (!byRequest.TryGetValue(pin.RequestId, out var r) || _slotOf[r] >= 0
                    || pin.Slot < 0 || pin.Slot >= _slots || pin.Table < 1 || pin.Table > _tables
                    || !CanTake(r, pin.Slot) || !tablesTaken.Add((pin.Slot, pin.Table)))
                {
                    continue;
                }

                Put(r, pin.Slot);
                _pinned[r] = true;
                _pinnedTable[r] = pin.Table;
            }
        }

        public void PlaceInIdOrder()
        {
            for (var r = 0; r < _requests.Length; r++)
            {
                if (_slotOf[r] < 0)
                {
                    TryDirect(r);
                }
            }
        }

        public void PlaceMostConstrainedFirst()
        {
            var order = Enumerable.Range(0, _requests.Length)
                .Where(r => _slotOf[r] < 0)
                .OrderBy(OpenSlots)
                .ThenByDescending(r => _degree[_first[r]] + _degree[_second[r]])
                .ThenBy(r => r)
                .ToList();
            foreach (var r in order)
            {
                if (!TryDirect(r) && HasFreeTable())
                {
                    _budget = SearchBudget;
                    _journal.Clear();
                    TryChain(r, ChainDepth, []);
                }
            }
        }

        /// <summary>Augmenting passes over the requests still without a slot, until a pass places none.</summary>
        public void Improve()
        {
            bool placedAny;
            do
            {
                placedAny = false;
                for (var r = 0; r < _requests.Length; r++)
                {
                    // A chain ends with a meeting at a free table: with every table of every slot taken there is none.
                    if (_slotOf[r] >= 0 || !HasFreeTable())
                    {
                        continue;
                    }

                    _budget = SearchBudget;
                    _journal.Clear();
                    if (TryDirect(r) || TryChain(r, ChainDepth, []))
                    {
                        placedAny = true;
                    }
                }
            }
            while (placedAny);
        }

        private bool HasFreeTable() => _load.Any(load => load < _tables);

        private int OpenSlots(int r) => Enumerable.Range(0, _slots).Count(s => !_unavailable[_first[r]][s] && !_unavailable[_second[r]][s]);

        private bool Usable(int r, int slot) =>
            _first[r] != _second[r] && !_unavailable[_first[r]][slot] && !_unavailable[_second[r]][slot];

        private bool CanTake(int r, int slot) =>
            Usable(r, slot) && _busy[_first[r]][slot] < 0 && _busy[_second[r]][slot] < 0 && _load[slot] < _tables;

        private bool TryDirect(int r)
        {
            for (var s = 0; s < _slots; s++)
            {
                if (CanTake(r, s))
                {
                    Put(r, s);
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Places <paramref name="r"/> in a slot by moving what stands in its way (the meetings of its two companies
        /// in that slot, or, when only the tables are full, one meeting of the slot) to other slots, recursively.
        /// Leaves the state as it was when it fails.
        /// </summary>
        private bool TryChain(int r, int depth, HashSet<int> moving)
        {
            if (depth == 0 || _first[r] == _second[r])
            {
                return false;
            }

            moving.Add(r);
            try
            {
                for (var s = 0; s < _slots; s++)
                {
                    if (!Usable(r, s))
                    {
                        continue;
                    }

                    var blockers = new List<int>(2);
                    foreach (var company in new[] { _first[r], _second[r] })
                    {
                        var other = _busy[company][s];
                        if (other >= 0 && !blockers.Contains(other))
                        {
                            blockers.Add(other);
                        }
                    }

                    if (blockers.Any(b => _pinned[b] || moving.Contains(b)))
                    {
                        continue;
                    }

                    if (blockers.Count > 0 && _load[s] - blockers.Count < _tables)
                    {
                        if (Displace(r, s, blockers, depth, moving))
                        {
                            return true;
                        }
                    }
                    else if (blockers.Count == 0 && _load[s] >= _tables)
                    {
                        // Only the tables are full: one meeting of the slot has to go elsewhere.
                        for (var other = 0; other < _requests.Length; other++)
                        {
                            if (_slotOf[other] == s && !_pinned[other] && !moving.Contains(other) && Displace(r, s, [other], depth, moving))
                            {
                                return true;
                            }
                        }
                    }
                }

                return false;
            }
            finally
            {
                moving.Remove(r);
            }
        }

        private bool Displace(int r, int slot, List<int> blockers, int depth, HashSet<int> moving)
        {
            if (--_budget < 0)
            {
                return false;
            }

            var mark = _journal.Count;
            foreach (var b in blockers)
            {
                Take(b);
            }

            Put(r, slot);
            foreach (var b in blockers)
            {
                if (!TryDirect(b) && !TryChain(b, depth - 1, moving))
                {
                    // Every move made since the mark is undone, those of blockers already re-placed included.
                    Rollback(mark);
                    return false;
                }
            }

            return true;
        }

        private void Put(int r, int slot)
        {
            _slotOf[r] = slot;
            _busy[_first[r]][slot] = r;
            _busy[_second[r]][slot] = r;
            _load[slot]++;
            _journal.Add((r, slot, true));
        }

        private void Take(int r)
        {
            var slot = _slotOf[r];
            _slotOf[r] = -1;
            _busy[_first[r]][slot] = -1;
            _busy[_second[r]][slot] = -1;
            _load[slot]--;
            _journal.Add((r, slot, false));
        }

        private void Rollback(int mark)
        {
            for (var i = _journal.Count - 1; i >= mark; i--)
            {
                var (r, slot, put) = _journal[i];
                if (put)
                {
                    _slotOf[r] = -1;
                    _busy[_first[r]][slot] = -1;
                    _busy[_second[r]][slot] = -1;
                    _load[slot]--;
                }
                else
                {
                    _slotOf[r] = slot;
                    _busy[_first[r]][slot] = r;
                    _busy[_second[r]][slot] = r;
                    _load[slot]++;
                }
            }

            _journal.RemoveRange(mark, _journal.Count - mark);
        }

        public MeetingSchedule Result()
        {
            var placed = new List<PlacedMeeting>();
            for (var s = 0; s < _slots; s++)
            {
                var inSlot = Enumerable.Range(0, _requests.Length).Where(r => _slotOf[r] == s).ToList();
                var tableOf = inSlot.Where(r => _pinned[r]).ToDictionary(r => r, r => _pinnedTable[r]);
                var taken = tableOf.Values.ToHashSet();

                // A company's home table first, where it is free; then the lowest free table.
                foreach (var r in inSlot.Where(r => !_pinned[r]))
                {
                    foreach (var home in new[] { _home[_first[r]], _home[_second[r]] })
                    {
                        if (home > 0 && taken.Add(home))
                        {
                            tableOf[r] = home;
                            break;
                        }
                    }
                }

                var next = 1;
                foreach (var r in inSlot.Where(r => !tableOf.ContainsKey(r)))
                {
                    while (taken.Contains(next))
                    {
                        next++;
                    }

                    tableOf[r] = next;
                    taken.Add(next);
                }

                placed.AddRange(inSlot.Select(r => new PlacedMeeting(_requests[r].RequestId, s, tableOf[r])));
            }

            var unplaced = Enumerable.Range(0, _requests.Length)
                .Where(r => _slotOf[r] < 0)
                .Select(Explain)
                .ToList();
            return new MeetingSchedule([.. placed.OrderBy(p => p.Slot).ThenBy(p => p.Table)], unplaced);
        }

        private UnplacedRequest Explain(int r)
        {
            var request = _requests[r];
            if (_first[r] == _second[r])
            {
                return new UnplacedRequest(request.RequestId, UnplacedReason.SameCompany, request.FirstCompanyId);
            }

            if (_slots == 0 || _tables == 0)
            {
                return new UnplacedRequest(request.RequestId, UnplacedReason.NoSlots, null);
            }

            if (_unavailable[_first[r]].All(u => u))
            {
                return new UnplacedRequest(request.RequestId, UnplacedReason.CompanyUnavailable, request.FirstCompanyId);
            }

            if (_unavailable[_second[r]].All(u => u))
            {
                return new UnplacedRequest(request.RequestId, UnplacedReason.CompanyUnavailable, request.SecondCompanyId);
            }

            var common = Enumerable.Range(0, _slots).Where(s => Usable(r, s)).ToList();
            if (common.Count == 0)
            {
                return new UnplacedRequest(request.RequestId, UnplacedReason.NoCommonSlot, null);
            }

            var bothFree = common.Where(s => _busy[_first[r]][s] < 0 && _busy[_second[r]][s] < 0).ToList();
            if (bothFree.Count > 0)
            {
                return new UnplacedRequest(request.RequestId, UnplacedReason.NoFreeTable, null);
            }

            // Name the company that is busy in more of the common slots: it is the one whose day is full.
            var firstBusy = common.Count(s => _busy[_first[r]][s] >= 0);
            var secondBusy = common.Count(s => _busy[_second[r]][s] >= 0);
            return new UnplacedRequest(request.RequestId, UnplacedReason.CompanyFullyBooked,
                firstBusy >= secondBusy ? request.FirstCompanyId : request.SecondCompanyId);
        }
    }
}
