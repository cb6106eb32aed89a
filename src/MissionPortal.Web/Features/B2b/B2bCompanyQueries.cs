using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.B2b;

/// <summary>The reads of a company's B2B pages: its sessions, the other side's companies, its requests and its schedule.</summary>
public sealed class B2bCompanyQueries(PortalDbContext db, B2bAccess access, B2bQueries queries)
{
    public async Task<CompanySessionsViewModel> SessionsAsync(int organizationId, CancellationToken ct)
    {
        var seats = await access.SeatsAsync(organizationId, null, ct);
        var ids = seats.Select(s => s.SessionId).ToList();
        var sessions = await db.B2bSessions.AsNoTracking()
            .Where(s => ids.Contains(s.Id) && db.ProgrammeItems.Any(i => i.Id == s.ProgrammeItemId))
            .Select(s => new
            {
                s.Id,
                Mission = db.Missions.Where(m => m.Id == s.MissionId).Select(m => new { m.Title, Region = m.HostRegion!.Name, m.HostRegion.TimeZoneId }).Single(),
                s.ProgrammeItem!.Title,
                s.ProgrammeItem.Date,
                s.Start,
                s.End,
                s.RequestsOpenUtc,
                s.RequestsCloseUtc,
                Meetings = db.B2bMeetings.Count(m => m.SessionId == s.Id
                    && (m.Request!.From!.OrganizationId == organizationId || m.Request.To!.OrganizationId == organizationId)),
            })
            .ToListAsync(ct);

        return new CompanySessionsViewModel
        {
            Sessions = [.. sessions
                .Join(seats, s => s.Id, seat => seat.SessionId, (s, seat) => new CompanySessionRow(
                    s.Id, s.Mission.Title, s.Title, s.Date, s.Start, s.End, seat.Side, seat.ParticipationId is not null, s.RequestsOpenUtc, s.RequestsCloseUtc, s.Meetings,
                    MissionZone.Of(s.Mission.Region, s.Mission.TimeZoneId)))
                .OrderBy(s => s.Date).ThenBy(s => s.Start)],
        };
    }

    /// <summary>The join form as the company finds it: its entry if it joined, otherwise its profile's contact and products' categories.</summary>
    public async Task<JoinSession.Input> JoinInputAsync(CompanySeat seat, SessionHeaderViewModel header, CancellationToken ct)
    {
        if (seat.ParticipationId is { } mine)
        {
            var p = await db.B2bParticipations.AsNoTracking().SingleAsync(x => x.Id == mine, ct);
            return new JoinSession.Input
            {
                Offers = p.Offers,
                Needs = p.Needs,
                OfferCategories = p.OfferCategories,
                NeedCategories = p.NeedCategories,
                ContactPerson = p.ContactPerson,
                ContactPhone = p.ContactPhone,
                AwaySlots = [.. header.Slots.Where(s => p.IsAwayDuring(s.Start, s.End)).Select(s => s.Start)],
                Version = p.Version,
            };
        }

        // A first join starts from the company's profile: its contact person and its products' categories.
        var company = await db.Organizations.AsNoTracking().Where(o => o.Id == seat.OrganizationId)
            .Select(o => new { o.ContactPerson, o.ContactPhone, o.Description, Categories = o.Products.Where(p => p.DeletedAtUtc == null).Select(p => p.Category).ToList() })
            .SingleAsync(ct);
        return new JoinSession.Input
        {
            ContactPerson = company.ContactPerson,
            ContactPhone = company.ContactPhone,
            Offers = company.Description,
            OfferCategories = [.. company.Categories.Distinct()],
        };
    }

    public async Task<JoinViewModel> JoinPageAsync(CompanySeat seat, SessionHeaderViewModel header, JoinSession.Input input, CancellationToken ct)
    {
        var own = await db.Products.AsNoTracking().Where(p => p.OrganizationId == seat.OrganizationId && p.DeletedAtUtc == null)
            .Select(p => p.Category).Distinct().ToListAsync(ct);
        var all = await db.Products.AsNoTracking().Where(p => p.DeletedAtUtc == null).Select(p => p.Category).Distinct().ToListAsync(ct);
        var others = await db.B2bParticipations.AsNoTracking().Where(p => p.SessionId == seat.SessionId)
            .Select(p => new { p.OfferCategories, p.NeedCategories }).ToListAsync(ct);
        var categories = own.Order(RussianCollation.Instance)
            .Concat(all.Concat(others.SelectMany(o => o.OfferCategories.Concat(o.NeedCategories))).Concat(JoinSession.Input.Chosen(input.OfferCategories)).Concat(JoinSession.Input.Chosen(input.NeedCategories))
                .Distinct().Except(own).Order(RussianCollation.Instance))
            .ToList();
        return new JoinViewModel
        {
            Session = header,
            Side = seat.Side,
            Joined = seat.ParticipationId is not null,
            Input = input,
            Categories = categories,
        };
    }

    /// <summary>The other side's companies: those whose offers meet this company's needs (or the other way round) first.</summary>
    public async Task<CompaniesViewModel> CompaniesAsync(CompanySeat seat, int mine, SessionHeaderViewModel header, bool requestsOpen, CancellationToken ct)
    {
        var id = seat.SessionId;
        var me = await db.B2bParticipations.AsNoTracking().SingleAsync(p => p.Id == mine, ct);
        var others = await db.B2bParticipations.AsNoTracking()
            .Where(p => p.SessionId == id && p.Side != seat.Side)
            .Select(p => new
            {
                Participation = p,
                Company = p.Organization!.ShortName ?? p.Organization.Name,
                p.Organization.City,
                p.Organization.Industry,
                p.Organization.Description,
                Products = p.Organization.Products.Where(x => x.DeletedAtUtc == null).OrderBy(x => x.Id).Select(x => x.Name).ToList(),
            })
            .ToListAsync(ct);
        var requests = (await RequestsAsync(id, mine, null, ct)).ToList();
        var requestWith = await db.MeetingRequests.AsNoTracking()
            .Where(r => r.SessionId == id && (r.FromId == mine || r.ToId == mine))
            .Select(r => new { r.Id, Other = r.FromId == mine ? r.ToId : r.FromId })
            .ToListAsync(ct);

        return new CompaniesViewModel
        {
            Session = header,
            Side = seat.Side,
            RequestsOpen = requestsOpen,
            Companies = [.. others
                .Select(o => new CompanyCardViewModel
                {
                    ParticipationId = o.Participation.Id,
                    Company = o.Company,
                    City = o.City,
                    Industry = o.Industry,
                    Description = o.Description,
                    Offers = o.Participation.Offers,
                    Needs = o.Participation.Needs,
                    OfferCategories = o.Participation.OfferCategories,
                    NeedCategories = o.Participation.NeedCategories,
                    Products = o.Products,
                    Match = me.MatchScore(o.Participation),
                    Request = requestWith.FirstOrDefault(r => r.Other == o.Participation.Id) is { } r ? requests.Single(x => x.Id == r.Id) : null,
                })
                .OrderByDescending(c => c.Match)
                .ThenBy(c => c.Company, RussianCollation.Instance)],
        };
    }

    public async Task<RequestDetailsViewModel> RequestDetailsAsync(MeetingRequest request, int mine, SessionHeaderViewModel header, CancellationToken ct)
    {
        var row = (await RequestsAsync(request.SessionId, mine, request.Id, ct)).Single();
        var otherId = request.FromId == mine ? request.ToId : request.FromId;
        var other = await db.B2bParticipations.AsNoTracking().Where(p => p.Id == otherId)
            .Select(p => new CompanyCardViewModel
            {
                ParticipationId = p.Id,
                Company = p.Organization!.ShortName ?? p.Organization.Name,
                City = p.Organization.City,
                Industry = p.Organization.Industry,
                Description = p.Organization.Description,
                Offers = p.Offers,
                Needs = p.Needs,
                OfferCategories = p.OfferCategories,
                NeedCategories = p.NeedCategories,
                Products = p.Organization.Products.Where(x => x.DeletedAtUtc == null).OrderBy(x => x.Id).Select(x => x.Name).ToList(),
            })
            .SingleAsync(ct);
        return new RequestDetailsViewModel { Session = header, Request = row, Other = other };
    }

    /// <summary>The company's requests in the session, newest first; with <paramref name="requestId"/>, only that one.</summary>
    public async Task<IReadOnlyList<RequestRowViewModel>> RequestsAsync(int sessionId, int mine, int? requestId, CancellationToken ct)
    {
        var requests = db.MeetingRequests.AsNoTracking().Where(r => r.SessionId == sessionId && (r.FromId == mine || r.ToId == mine));
        if (requestId is { } one)
        {
            requests = requests.Where(r => r.Id == one);
        }

        return await requests
            .OrderByDescending(r => r.SentAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new RequestRowViewModel
            {
                Id = r.Id,
                Company = r.FromId == mine ? r.To!.Organization!.ShortName ?? r.To.Organization.Name : r.From!.Organization!.ShortName ?? r.From.Organization.Name,
                Message = r.Message,
                Status = r.Status,
                SentAtUtc = r.SentAtUtc,
                Incoming = r.ToId == mine,
                MeetingStart = r.Meeting == null ? null : r.Meeting.Start,
                MeetingTable = r.Meeting == null ? null : r.Meeting.Table,
                Version = r.Version,
            })
            .ToListAsync(ct);
    }

    /// <summary>The company's meetings in the session with both sides' outcomes; null when it has not joined (or may not see the session).</summary>
    public async Task<ScheduleViewModel?> ScheduleAsync(CompanySeat? seat, SessionHeaderViewModel? header, CancellationToken ct)
    {
        if (seat?.ParticipationId is not { } mine || header is null)
        {
            return null;
        }

        var sessionId = seat.SessionId;
        var me = await db.B2bParticipations.AsNoTracking().Where(p => p.Id == mine)
            .Select(p => new { Company = p.Organization!.ShortName ?? p.Organization.Name, Participation = p }).SingleAsync(ct);
        var meetings = await queries.MeetingsAsync(sessionId, mine, ct);
        var ids = meetings.Select(m => m.Id).ToList();
        var outcomes = await db.MeetingOutcomes.AsNoTracking().Where(o => ids.Contains(o.MeetingId)).ToListAsync(ct);
        OutcomeMarks? Marks(int meetingId, Func<int, bool> whose) =>
            outcomes.FirstOrDefault(o => o.MeetingId == meetingId && whose(o.ParticipationId)) is { } o
                ? new OutcomeMarks(o.TookPlace, o.ContactMade, o.FollowUpAgreed, o.ContractIntended)
                : null;

        return new ScheduleViewModel
        {
            Session = header,
            Company = me.Company,
            ParticipationId = mine,
            Breaks = me.Participation.Breaks,
            Meetings = [.. meetings.Select(m => new ScheduleRowViewModel
            {
                MeetingId = m.Id,
                Sequence = m.Sequence,
                Start = m.Start,
                End = m.End,
                Table = m.Table,
                Other = m.Host.ParticipationId == mine ? m.Guest : m.Host,
                Mine = Marks(m.Id, p => p == mine),
                Theirs = Marks(m.Id, p => p != mine),
            })],
        };
    }
}
