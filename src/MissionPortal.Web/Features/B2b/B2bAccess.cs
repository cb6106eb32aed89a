using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Core.Domain.Organizations;

namespace MissionPortal.Web.Features.B2b;

/// <summary>A company's place in a session: whether it may take part, on which side, and its participation if it joined.</summary>
public sealed record CompanySeat(int SessionId, int MissionId, int OrganizationId, B2bSide Side, int? ParticipationId);

/// <summary>
/// Which B2B sessions a company reaches: those of missions its people take part in (as a guest), and those of
/// missions hosted by its own region (as a host, once the agency has approved the company). Any other session is 404.
/// </summary>
public sealed class B2bAccess(PortalDbContext db)
{
    public async Task<IReadOnlyList<CompanySeat>> SeatsAsync(int organizationId, int? sessionId, CancellationToken ct)
    {
        var company = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == organizationId)
            .Select(o => new { o.RegionId, o.Status })
            .SingleOrDefaultAsync(ct);
        if (company is null)
        {
            return [];
        }

        var approved = company.Status == OrganizationStatus.Approved;
        var sessions = db.B2bSessions.AsNoTracking();
        if (sessionId is { } id)
        {
            sessions = sessions.Where(s => s.Id == id);
        }

        var rows = await sessions
            .Select(s => new
            {
                s.Id,
                s.MissionId,
                HostRegionId = db.Missions.Where(m => m.Id == s.MissionId).Select(m => m.HostRegionId).Single(),
                TakesPart = db.Missions.Any(m => m.Id == s.MissionId && m.Delegations.Any(d => d.Participants.Any(p => p.OrganizationId == organizationId))),
                Participation = db.B2bParticipations.Where(p => p.SessionId == s.Id && p.OrganizationId == organizationId)
                    .Select(p => new { p.Id, p.Side }).FirstOrDefault(),
            })
            .ToListAsync(ct);

        return [.. rows
            .Where(r => r.Participation is not null || (approved && (r.HostRegionId == company.RegionId || r.TakesPart)))
            .Select(r => new CompanySeat(
                r.Id,
                r.MissionId,
                organizationId,
                r.Participation?.Side ?? (r.HostRegionId == company.RegionId ? B2bSide.Host : B2bSide.Guest),
                r.Participation?.Id))];
    }

    /// <summary>A request the company sent or got, tracked, and the company's participation id; (null, 0) for any other.</summary>
    public async Task<(MeetingRequest? Request, int Mine)> RequestAsync(int organizationId, int requestId, CancellationToken ct)
    {
        var row = await db.MeetingRequests
            .Where(r => r.Id == requestId)
            .Select(r => new
            {
                Request = r,
                Mine = r.From!.OrganizationId == organizationId ? r.FromId : r.To!.OrganizationId == organizationId ? r.ToId : 0,
            })
            .SingleOrDefaultAsync(ct);
        return row is null || row.Mine == 0 ? (null, 0) : (row.Request, row.Mine);
    }

    public async Task<CompanySeat?> SeatAsync(int organizationId, int sessionId, CancellationToken ct) =>
        (await SeatsAsync(organizationId, sessionId, ct)).SingleOrDefault();
}
