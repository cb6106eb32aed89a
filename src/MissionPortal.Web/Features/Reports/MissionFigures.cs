using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Agreements;
using MissionPortal.Core.Domain.B2b;
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

/// <summary>
/// Contacts made and contracts intended, from what the companies entered and from their B2B meetings, counted once.
/// The rule: the figures a company (or the agency for it) enters are the company's total for the mission, its B2B
/// meetings included; the meetings' outcomes are a part of that total, never added to it. Where the outcomes say more
/// than was entered (nothing entered yet, say), the outcomes count. A B2B meeting belongs to its guest, the visiting
/// company, so a meeting is counted once whichever side marked it. Held B2B meetings are counted as meetings.
/// Two SQL commands for any number of missions.
/// </summary>
public sealed class CompanyOutcomeFigures(PortalDbContext db) : IMissionFiguresSource
{
    public async Task<IReadOnlyDictionary<int, MissionFigures>> CountAsync(IReadOnlyCollection<int> missionIds, CancellationToken ct)
    {
        var entered = (await db.CompanyResults.AsNoTracking()
                .Where(r => missionIds.Contains(r.MissionId))
                .Select(r => new { r.MissionId, r.OrganizationId, r.ContactsMade, r.ContractsIntended })
                .ToListAsync(ct))
            .Select(r => new CompanyOutcome(r.MissionId, r.OrganizationId, r.ContactsMade, r.ContractsIntended));
        var meetings = await db.B2bMeetings.AsNoTracking()
            .Join(db.B2bSessions.Where(s => missionIds.Contains(s.MissionId)), m => m.SessionId, s => s.Id, (m, s) => new
            {
                s.MissionId,
                Guest = m.Request!.From!.Side == B2bSide.Guest ? m.Request.From.OrganizationId : m.Request.To!.OrganizationId,
                Held = m.Outcomes.Any(o => o.TookPlace),
                Contact = m.Outcomes.Any(o => o.ContactMade),
                Contract = m.Outcomes.Any(o => o.ContractIntended),
            })
            .Where(m => m.Held)
            .ToListAsync(ct);
        var fromMeetings = meetings.Select(m => new CompanyOutcome(m.MissionId, m.Guest, m.Contact ? 1 : 0, m.Contract ? 1 : 0));
        var held = meetings.GroupBy(m => m.MissionId).ToDictionary(g => g.Key, g => g.Count());
        return Combine(entered, fromMeetings).ToDictionary(
            x => x.Key,
            x => x.Value with { Meetings = held.GetValueOrDefault(x.Key) });
    }

    /// <summary>Per mission: the sum over companies of the larger of what was entered and what the meetings say.</summary>
    public static IReadOnlyDictionary<int, MissionFigures> Combine(IEnumerable<CompanyOutcome> entered, IEnumerable<CompanyOutcome> fromMeetings)
    {
        var typed = entered.ToDictionary(e => (e.MissionId, e.OrganizationId));
        var met = fromMeetings.GroupBy(m => (m.MissionId, m.OrganizationId))
            .ToDictionary(g => g.Key, g => new CompanyOutcome(g.Key.MissionId, g.Key.OrganizationId, g.Sum(m => m.Contacts), g.Sum(m => m.Contracts)));
        return typed.Keys.Union(met.Keys)
            .GroupBy(k => k.MissionId)
            .ToDictionary(g => g.Key, g => new MissionFigures
            {
                Contacts = g.Sum(k => Math.Max(typed.GetValueOrDefault(k)?.Contacts ?? 0, met.GetValueOrDefault(k)?.Contacts ?? 0)),
                ContractsIntended = g.Sum(k => Math.Max(typed.GetValueOrDefault(k)?.Contracts ?? 0, met.GetValueOrDefault(k)?.Contracts ?? 0)),
            });
    }
}

/// <summary>One company's contacts and contracts in a mission, from one source.</summary>
public sealed record CompanyOutcome(int MissionId, int OrganizationId, int Contacts, int Contracts);

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
