using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Agreements;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.Web.Features.Reports;

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

/// <summary>Who came: companies and people of the visiting delegations, approved ones only.</summary>
public sealed class ParticipationFigures(PortalDbContext db) : IMissionFiguresSource
{
    public async Task<IReadOnlyDictionary<int, MissionFigures>> CountAsync(IReadOnlyCollection<int> missionIds, CancellationToken ct)
    {
        var people = db.Participants.AsNoTracking()
            .Where(p => missionIds.Contains(p.Delegation!.MissionId)
                && p.Delegation.Side == DelegationSide.Visiting
                && p.Status == ParticipantStatus.Approved);
        var participants = await people
            .GroupBy(p => p.Delegation!.MissionId)
            .Select(g => new { MissionId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var companies = await people
            .Where(p => p.Organization!.Kind == OrganizationKind.Company || p.Organization.Kind == OrganizationKind.Cluster)
            .Select(p => new { p.Delegation!.MissionId, p.OrganizationId })
            .Distinct()
            .GroupBy(x => x.MissionId)
            .Select(g => new { MissionId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return missionIds.ToDictionary(id => id, id => new MissionFigures
        {
            Participants = participants.FirstOrDefault(p => p.MissionId == id)?.Count ?? 0,
            Companies = companies.FirstOrDefault(c => c.MissionId == id)?.Count ?? 0,
        });
    }
}

/// <summary>What the companies entered: contacts made and contracts intended.</summary>
public sealed class CompanyResultFigures(PortalDbContext db) : IMissionFiguresSource
{
    public async Task<IReadOnlyDictionary<int, MissionFigures>> CountAsync(IReadOnlyCollection<int> missionIds, CancellationToken ct) =>
        await db.CompanyResults.AsNoTracking()
            .Where(r => missionIds.Contains(r.MissionId))
            .GroupBy(r => r.MissionId)
            .Select(g => new { MissionId = g.Key, Contacts = g.Sum(r => r.ContactsMade), Contracts = g.Sum(r => r.ContractsIntended) })
            .ToDictionaryAsync(x => x.MissionId, x => new MissionFigures { Contacts = x.Contacts, ContractsIntended = x.Contracts }, ct);
}

/// <summary>Agreements of the mission in the registry that have been signed.</summary>
public sealed class AgreementFigures(PortalDbContext db) : IMissionFiguresSource
{
    public async Task<IReadOnlyDictionary<int, MissionFigures>> CountAsync(IReadOnlyCollection<int> missionIds, CancellationToken ct) =>
        await db.Agreements.AsNoTracking()
            .Where(a => a.MissionId != null && missionIds.Contains(a.MissionId.Value) && a.Status >= AgreementStatus.Signed)
            .GroupBy(a => a.MissionId!.Value)
            .Select(g => new { MissionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.MissionId, x => new MissionFigures { AgreementsSigned = x.Count }, ct);
}

/// <summary>Meetings, site visits and round tables, as the programme has them.</summary>
public sealed class ProgrammeFigures(PortalDbContext db) : IMissionFiguresSource
{
    public async Task<IReadOnlyDictionary<int, MissionFigures>> CountAsync(IReadOnlyCollection<int> missionIds, CancellationToken ct) =>
        await db.ProgrammeItems.AsNoTracking()
            .Where(i => missionIds.Contains(i.MissionId))
            .GroupBy(i => i.MissionId)
            .Select(g => new
            {
                MissionId = g.Key,
                Meetings = g.Count(i => i.Kind == ProgrammeItemKind.Meeting),
                Visits = g.Count(i => i.Kind == ProgrammeItemKind.SiteVisit),
                RoundTables = g.Count(i => i.Kind == ProgrammeItemKind.RoundTable),
            })
            .ToDictionaryAsync(x => x.MissionId, x => new MissionFigures { Meetings = x.Meetings, Visits = x.Visits, RoundTables = x.RoundTables }, ct);
}
