using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Agreements;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Reports;

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
