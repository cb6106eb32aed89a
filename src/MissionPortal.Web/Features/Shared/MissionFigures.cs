namespace MissionPortal.Web.Features.Shared;

/// <summary>
/// The figures a news report quotes about a mission. Each source of them (<see cref="IMissionFiguresSource"/>)
/// fills the figures it knows and leaves the others at zero; the report adds the sources up, so a new
/// source of meetings or contacts (B2B meetings, say) is one more registered class.
/// </summary>
public sealed record MissionFigures
{
    public static readonly MissionFigures Zero = new();

    /// <summary>Companies (and clusters) with approved people in a visiting delegation.</summary>
    public int Companies { get; init; }

    /// <summary>Approved people of the visiting delegations.</summary>
    public int Participants { get; init; }

    /// <summary>Business contacts made.</summary>
    public int Contacts { get; init; }

    /// <summary>Contracts the companies intend to sign.</summary>
    public int ContractsIntended { get; init; }

    /// <summary>Agreements of the mission that reached «signed» (or went on to «in force», «fulfilled»).</summary>
    public int AgreementsSigned { get; init; }

    public int Meetings { get; init; }

    public int Visits { get; init; }

    public int RoundTables { get; init; }

    public static MissionFigures operator +(MissionFigures a, MissionFigures b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new MissionFigures
        {
            Companies = a.Companies + b.Companies,
            Participants = a.Participants + b.Participants,
            Contacts = a.Contacts + b.Contacts,
            ContractsIntended = a.ContractsIntended + b.ContractsIntended,
            AgreementsSigned = a.AgreementsSigned + b.AgreementsSigned,
            Meetings = a.Meetings + b.Meetings,
            Visits = a.Visits + b.Visits,
            RoundTables = a.RoundTables + b.RoundTables,
        };
    }

    public static MissionFigures Add(MissionFigures a, MissionFigures b) => a + b;
}

/// <summary>
/// One source of a mission's figures. It answers for many missions at once in a fixed number of SQL
/// commands (the yearly dashboard asks for all of a year's missions); missions it has nothing for may be absent.
/// </summary>
public interface IMissionFiguresSource
{
    Task<IReadOnlyDictionary<int, MissionFigures>> CountAsync(IReadOnlyCollection<int> missionIds, CancellationToken ct);
}

/// <summary>Adds up every registered source, one after another (they share the request's DbContext).</summary>
public sealed class MissionFiguresQuery(IEnumerable<IMissionFiguresSource> sources)
{
    public async Task<IReadOnlyDictionary<int, MissionFigures>> ForAsync(IReadOnlyCollection<int> missionIds, CancellationToken ct)
    {
        var totals = missionIds.Distinct().ToDictionary(id => id, _ => MissionFigures.Zero);
        if (totals.Count == 0)
        {
            return totals;
        }

        foreach (var source in sources)
        {
            foreach (var (missionId, figures) in await source.CountAsync(totals.Keys, ct))
            {
                if (totals.TryGetValue(missionId, out var sum))
                {
                    totals[missionId] = sum + figures;
                }
            }
        }

        return totals;
    }

    public async Task<MissionFigures> ForAsync(int missionId, CancellationToken ct) => (await ForAsync([missionId], ct))[missionId];
}

