using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Core.Domain.Common;

namespace MissionPortal.Web.Features.Shared;

/// <summary>What a mission's B2B meetings brought, as the results and the report count it.</summary>
public sealed record B2bTotals(int Requests, int Accepted, int Scheduled, int Held, int ContactsMade, int FollowUpsAgreed, int ContractsIntended);

/// <summary>The same for one company: the meetings it had and what came of them.</summary>
public sealed record B2bCompanyFigures(
    int OrganizationId, string Company, B2bSide Side, int Scheduled, int Held, int ContactsMade, int FollowUpsAgreed, int ContractsIntended);

public sealed record B2bMissionFigures(B2bTotals Totals, IReadOnlyList<B2bCompanyFigures> Companies)
{
    public bool Any => Totals.Requests > 0;
}

/// <summary>
/// Counts a mission's B2B meetings: a meeting took place, made a contact, agreed a follow-up or intends a contract
/// when either side says so in its outcome. Two SQL commands whatever the size of the mission.
/// </summary>
public sealed class B2bFigures(PortalDbContext db)
{
    public async Task<B2bMissionFigures> ForMissionAsync(int missionId, CancellationToken ct)
    {
        var requests = await db.MeetingRequests.AsNoTracking()
            .Where(r => db.B2bSessions.Any(s => s.Id == r.SessionId && s.MissionId == missionId))
            .GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(ct);

        var meetings = await db.B2bMeetings.AsNoTracking()
            .Where(m => db.B2bSessions.Any(s => s.Id == m.SessionId && s.MissionId == missionId))
            .Select(m => new
            {
                FromId = m.Request!.From!.OrganizationId,
                FromName = m.Request.From.Organization!.ShortName ?? m.Request.From.Organization.Name,
                FromSide = m.Request.From.Side,
                ToId = m.Request.To!.OrganizationId,
                ToName = m.Request.To.Organization!.ShortName ?? m.Request.To.Organization.Name,
                ToSide = m.Request.To.Side,
                Held = m.Outcomes.Any(o => o.TookPlace),
                Contact = m.Outcomes.Any(o => o.ContactMade),
                FollowUp = m.Outcomes.Any(o => o.FollowUpAgreed),
                Contract = m.Outcomes.Any(o => o.ContractIntended),
            })
            .ToListAsync(ct);

        var totals = new B2bTotals(
            requests.Sum(r => r.Count),
            requests.Where(r => r.Status == MeetingRequestStatus.Accepted).Sum(r => r.Count),
            meetings.Count,
            meetings.Count(m => m.Held),
            meetings.Count(m => m.Contact),
            meetings.Count(m => m.FollowUp),
            meetings.Count(m => m.Contract));

        var companies = meetings
            .SelectMany(m => new[] { (OrganizationId: m.FromId, Name: m.FromName, Side: m.FromSide, Meeting: m), (OrganizationId: m.ToId, Name: m.ToName, Side: m.ToSide, Meeting: m) })
            .GroupBy(x => (x.OrganizationId, x.Name, x.Side))
            .Select(g => new B2bCompanyFigures(
                g.Key.OrganizationId, g.Key.Name, g.Key.Side,
                g.Count(),
                g.Count(x => x.Meeting.Held),
                g.Count(x => x.Meeting.Contact),
                g.Count(x => x.Meeting.FollowUp),
                g.Count(x => x.Meeting.Contract)))
            .OrderBy(c => c.Side).ThenByDescending(c => c.Held).ThenBy(c => c.Company, RussianCollation.Instance)
            .ToList();

        return new B2bMissionFigures(totals, companies);
    }
}
