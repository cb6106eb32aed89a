using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.B2b;

/// <summary>Reads the B2B pages share: a session's head, and its meetings with both sides' companies and contacts.</summary>
public sealed class B2bQueries(PortalDbContext db)
{
    public async Task<SessionHeaderViewModel?> HeaderAsync(int sessionId, CancellationToken ct)
    {
        var session = await db.B2bSessions.AsNoTracking()
            .Where(s => s.Id == sessionId)
            // A session whose programme item was deleted is gone with it (until the item is restored).
            .Where(s => db.ProgrammeItems.Any(i => i.Id == s.ProgrammeItemId))
            .Select(s => new
            {
                Session = s,
                Mission = db.Missions.Where(m => m.Id == s.MissionId).Select(m => new { m.Title, Region = m.HostRegion!.Name, m.HostRegion.TimeZoneId }).Single(),
                s.ProgrammeItem!.Title,
                s.ProgrammeItem.Date,
                Venue = s.ProgrammeItem.Venue == null ? null : s.ProgrammeItem.Venue.Name,
            })
            .SingleOrDefaultAsync(ct);
        if (session is null)
        {
            return null;
        }

        var s = session.Session;
        return new SessionHeaderViewModel
        {
            Id = s.Id,
            MissionId = s.MissionId,
            Mission = session.Mission.Title,
            ProgrammeItemId = s.ProgrammeItemId,
            Title = session.Title,
            Date = session.Date,
            Venue = session.Venue,
            Start = s.Start,
            End = s.End,
            MeetingMinutes = s.MeetingMinutes,
            PauseMinutes = s.PauseMinutes,
            Tables = s.Tables,
            RequestsOpenUtc = s.RequestsOpenUtc,
            RequestsCloseUtc = s.RequestsCloseUtc,
            ScheduledAtUtc = s.ScheduledAtUtc,
            Zone = MissionZone.Of(session.Mission.Region, session.Mission.TimeZoneId),
            Breaks = s.Breaks,
            Slots = s.Slots(),
        };
    }

    /// <summary>The session's meetings in time and table order; with <paramref name="participationId"/>, only that company's.</summary>
    public async Task<IReadOnlyList<MeetingRowViewModel>> MeetingsAsync(int sessionId, int? participationId, CancellationToken ct)
    {
        var meetings = db.B2bMeetings.AsNoTracking().Where(m => m.SessionId == sessionId);
        if (participationId is { } mine)
        {
            meetings = meetings.Where(m => m.Request!.FromId == mine || m.Request.ToId == mine);
        }

        var rows = await meetings
            .OrderBy(m => m.Start).ThenBy(m => m.Table)
            .Select(m => new
            {
                m.Id,
                m.RequestId,
                m.Start,
                m.End,
                m.Table,
                m.Pinned,
                m.Sequence,
                From = new MeetingSideViewModel
                {
                    ParticipationId = m.Request!.FromId,
                    OrganizationId = m.Request.From!.OrganizationId,
                    Company = m.Request.From.Organization!.ShortName ?? m.Request.From.Organization.Name,
                    City = m.Request.From.Organization.City,
                    Contact = m.Request.From.ContactPerson,
                    Phone = m.Request.From.ContactPhone,
                },
                FromSide = m.Request.From.Side,
                To = new MeetingSideViewModel
                {
                    ParticipationId = m.Request.ToId,
                    OrganizationId = m.Request.To!.OrganizationId,
                    Company = m.Request.To.Organization!.ShortName ?? m.Request.To.Organization.Name,
                    City = m.Request.To.Organization.City,
                    Contact = m.Request.To.ContactPerson,
                    Phone = m.Request.To.ContactPhone,
                },
                Held = m.Outcomes.Any(o => o.TookPlace),
                Outcomes = m.Outcomes.Count,
            })
            .ToListAsync(ct);

        return [.. rows.Select(m => new MeetingRowViewModel
        {
            Id = m.Id,
            RequestId = m.RequestId,
            Start = m.Start,
            End = m.End,
            Table = m.Table,
            Pinned = m.Pinned,
            Sequence = m.Sequence,
            Host = m.FromSide == B2bSide.Host ? m.From : m.To,
            Guest = m.FromSide == B2bSide.Host ? m.To : m.From,
            Held = m.Held,
            Outcomes = m.Outcomes,
        })];
    }
}
