using System.Text;
using FluentValidation;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Identity;
using MissionPortal.Web.Infrastructure.Localization;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.B2b;

/// <summary>
/// A company's side of B2B meetings: join a session as a host or a guest, say what it offers and seeks, browse the
/// other side (suggestions first), send requests, answer those it gets, see and print its schedule, take it as .ics,
/// and say afterwards how each meeting went. A session, request or meeting the company has no part in is 404.
/// </summary>
[Route("b2b")]
[Authorize(Policy = Policies.TakePartInB2b)]
public class B2bController(
    PortalDbContext db,
    B2bAccess access,
    B2bQueries queries,
    IValidator<ParticipationInput> participationValidator,
    IValidator<SendRequestInput> requestValidator,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (User.OrganizationId() is not { } organizationId)
        {
            return NotFound();
        }

        var seats = await access.SeatsAsync(organizationId, null, ct);
        var ids = seats.Select(s => s.SessionId).ToList();
        var sessions = await db.B2bSessions.AsNoTracking()
            .Where(s => ids.Contains(s.Id) && db.ProgrammeItems.Any(i => i.Id == s.ProgrammeItemId))
            .Select(s => new
            {
                s.Id,
                Mission = db.Missions.Where(m => m.Id == s.MissionId).Select(m => m.Title).Single(),
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

        return View(new CompanySessionsViewModel
        {
            Sessions = [.. sessions
                .Join(seats, s => s.Id, seat => seat.SessionId, (s, seat) => new CompanySessionRow(
                    s.Id, s.Mission, s.Title, s.Date, s.Start, s.End, seat.Side, seat.ParticipationId is not null, s.RequestsOpenUtc, s.RequestsCloseUtc, s.Meetings))
                .OrderBy(s => s.Date).ThenBy(s => s.Start)],
        });
    }

    /// <summary>The session of a programme item, as the mission page links it; 404 when the item has none the company may see.</summary>
    [HttpGet("item/{itemId:int}")]
    public async Task<IActionResult> ForItem(int itemId, CancellationToken ct)
    {
        var sessionId = await db.B2bSessions.Where(s => s.ProgrammeItemId == itemId).Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
        return sessionId is { } id ? await Session(id, ct) : NotFound();
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Session(int id, CancellationToken ct)
    {
        var (seat, header) = await SeatAsync(id, ct);
        if (seat is null || header is null)
        {
            return NotFound();
        }

        var requests = seat.ParticipationId is { } mine ? await RequestsAsync(id, mine, null, ct) : [];
        return View(nameof(Session), new CompanySessionViewModel
        {
            Session = header,
            Side = seat.Side,
            Joined = seat.ParticipationId is not null,
            RequestsOpen = header.AcceptsRequests(Now),
            Incoming = [.. requests.Where(r => r.Incoming)],
            Outgoing = [.. requests.Where(r => !r.Incoming)],
            Meetings = requests.Count(r => r.MeetingStart is not null),
        });
    }

    [HttpGet("{id:int}/join")]
    public async Task<IActionResult> Join(int id, CancellationToken ct)
    {
        var (seat, header) = await SeatAsync(id, ct);
        if (seat is null || header is null)
        {
            return NotFound();
        }

        ParticipationInput input;
        if (seat.ParticipationId is { } mine)
        {
            var p = await db.B2bParticipations.AsNoTracking().SingleAsync(x => x.Id == mine, ct);
            input = new ParticipationInput
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
        else
        {
            // A first join starts from the company's profile: its contact person and its products' categories.
            var company = await db.Organizations.AsNoTracking().Where(o => o.Id == seat.OrganizationId)
                .Select(o => new { o.ContactPerson, o.ContactPhone, o.Description, Categories = o.Products.Where(p => p.DeletedAtUtc == null).Select(p => p.Category).ToList() })
                .SingleAsync(ct);
            input = new ParticipationInput
            {
                ContactPerson = company.ContactPerson,
                ContactPhone = company.ContactPhone,
                Offers = company.Description,
                OfferCategories = [.. company.Categories.Distinct()],
            };
        }

        return View(await JoinPageAsync(seat, header, input, ct));
    }

    [HttpPost("{id:int}/join")]
    public async Task<IActionResult> Join(int id, ParticipationInput input, CancellationToken ct)
    {
        var (seat, header) = await SeatAsync(id, ct);
        if (seat is null || header is null)
        {
            return NotFound();
        }

        (await participationValidator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (seat.ParticipationId is null && Now >= header.RequestsCloseUtc)
        {
            ModelState.AddModelError(string.Empty, l["Приём участников и запросов закрыт {0} (красноярское время).", HostTime.Text(header.RequestsCloseUtc)]);
        }

        if (!ModelState.IsValid)
        {
            return View(await JoinPageAsync(seat, header, input, ct));
        }

        var participation = seat.ParticipationId is { } mine
            ? await db.B2bParticipations.SingleAsync(p => p.Id == mine, ct)
            : db.B2bParticipations.Add(new B2bParticipation(id, seat.OrganizationId, seat.Side, Now)).Entity;
        if (seat.ParticipationId is not null)
        {
            db.ExpectFormVersion(participation, input.Version);
        }

        participation.Describe(FormText.Blank(input.Offers), FormText.Blank(input.Needs), input.AllOffers, input.AllNeeds,
            input.ContactPerson!.Trim(), LegalIdentifiers.NormalizePhone(input.ContactPhone));
        participation.TakeBreaks(header.Slots.Where(s => input.AwaySlots.Contains(s.Start)).Select(s => new TimePeriod(s.Start, s.End)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, l["Пока вы редактировали, участие компании сохранил ваш коллега. Откройте страницу заново, чтобы увидеть его версию."]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(await JoinPageAsync(seat, header, input, ct));
        }
        catch (DbUpdateException) when (seat.ParticipationId is null)
        {
            // A colleague joined the company a moment earlier: the unique index keeps one participation.
            this.FlashRefused(l["Компания уже участвует в сессии."].Value);
            return RedirectToAction(nameof(Session), new { id });
        }

        this.FlashDone(seat.ParticipationId is null
            ? l["Компания участвует в B2B-сессии. Выберите компании для встреч."].Value
            : l["Участие в сессии сохранено."].Value);
        return RedirectToAction(seat.ParticipationId is null ? nameof(Companies) : nameof(Session), new { id });
    }

    /// <summary>The other side's companies: those whose offers meet this company's needs (or the other way round) first.</summary>
    [HttpGet("{id:int}/companies")]
    public async Task<IActionResult> Companies(int id, CancellationToken ct)
    {
        var (seat, header) = await SeatAsync(id, ct);
        if (seat is null || header is null)
        {
            return NotFound();
        }

        if (seat.ParticipationId is not { } mine)
        {
            this.FlashRefused(l["Сначала присоединитесь к сессии: расскажите, что компания предлагает и ищет."].Value);
            return RedirectToAction(nameof(Join), new { id });
        }

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

        return View(new CompaniesViewModel
        {
            Session = header,
            Side = seat.Side,
            RequestsOpen = header.AcceptsRequests(Now),
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
        });
    }

    [HttpPost("{id:int}/requests")]
    public async Task<IActionResult> Send(int id, SendRequestInput input, CancellationToken ct)
    {
        var (seat, header) = await SeatAsync(id, ct);
        if (seat is null || header is null)
        {
            return NotFound();
        }

        if (seat.ParticipationId is not { } mine)
        {
            this.FlashRefused(l["Сначала присоединитесь к сессии: расскажите, что компания предлагает и ищет."].Value);
            return RedirectToAction(nameof(Join), new { id });
        }

        var validation = await requestValidator.ValidateAsync(input, ct);
        var target = input.ToId is { } toId
            ? await db.B2bParticipations.AsNoTracking().Where(p => p.Id == toId && p.SessionId == id)
                .Select(p => new { p.Id, p.Side, p.OrganizationId, Name = p.Organization!.ShortName ?? p.Organization.Name }).SingleOrDefaultAsync(ct)
            : null;
        string? error = validation.IsValid ? null : validation.Errors[0].ErrorMessage;
        if (error is null && target is null)
        {
            return NotFound();
        }

        if (error is null && !header.AcceptsRequests(Now))
        {
            error = Now < header.RequestsOpenUtc
                ? l["Запросы на встречи принимаются с {0} по {1} (красноярское время): приём ещё не открыт.", HostTime.Text(header.RequestsOpenUtc), HostTime.Text(header.RequestsCloseUtc)]
                : l["Запросы на встречи принимались с {0} по {1} (красноярское время): приём закрыт.", HostTime.Text(header.RequestsOpenUtc), HostTime.Text(header.RequestsCloseUtc)];
        }

        if (error is null && (target!.Id == mine || target.OrganizationId == seat.OrganizationId))
        {
            error = l["Нельзя назначить встречу своей же компании."];
        }

        if (error is null && target!.Side == seat.Side)
        {
            error = seat.Side == B2bSide.Host
                ? l["Встречи назначаются с компаниями другой стороны: принимающие компании встречаются с гостями миссии."]
                : l["Встречи назначаются с компаниями другой стороны: гости миссии встречаются с принимающими компаниями."];
        }

        if (error is null)
        {
            var existing = await db.MeetingRequests.AsNoTracking()
                .Where(r => (r.FromId == mine && r.ToId == target!.Id) || (r.FromId == target!.Id && r.ToId == mine))
                .Select(r => new { r.FromId }).FirstOrDefaultAsync(ct);
            if (existing is not null)
            {
                error = existing.FromId == mine
                    ? l["Вы уже отправили запрос компании {0}.", target!.Name]
                    : l["Компания {0} уже прислала вам запрос: ответьте на него.", target!.Name];
            }
        }

        if (error is not null)
        {
            this.FlashRefused(error);
            return RedirectToAction(nameof(Companies), new { id });
        }

        db.MeetingRequests.Add(new MeetingRequest(id, mine, target!.Id, FormText.Blank(input.Message), Now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            this.FlashRefused(l["Вы уже отправили запрос компании {0}.", target.Name].Value);
            return RedirectToAction(nameof(Companies), new { id });
        }

        this.FlashDone(l["Запрос на встречу отправлен компании {0}.", target.Name].Value);
        return RedirectToAction(nameof(Companies), new { id });
    }

    [HttpGet("requests/{requestId:int}")]
    public async Task<IActionResult> RequestDetails(int requestId, CancellationToken ct)
    {
        var (request, mine) = await MyRequestAsync(requestId, ct);
        if (request is null)
        {
            return NotFound();
        }

        var header = (await queries.HeaderAsync(request.SessionId, ct))!;
        var row = (await RequestsAsync(request.SessionId, mine, requestId, ct)).Single();
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
        return View(new RequestDetailsViewModel { Session = header, Request = row, Other = other });
    }

    [HttpPost("requests/{requestId:int}/accept")]
    public Task<IActionResult> Accept(int requestId, CancellationToken ct) => AnswerAsync(requestId, accept: true, ct);

    [HttpPost("requests/{requestId:int}/decline")]
    public Task<IActionResult> Decline(int requestId, CancellationToken ct) => AnswerAsync(requestId, accept: false, ct);

    /// <summary>The confirmation page before a company withdraws from an accepted meeting.</summary>
    [HttpGet("requests/{requestId:int}/cancel")]
    public async Task<IActionResult> Cancel(int requestId, CancellationToken ct)
    {
        var (request, mine) = await MyRequestAsync(requestId, ct);
        if (request is null)
        {
            return NotFound();
        }

        var header = (await queries.HeaderAsync(request.SessionId, ct))!;
        var row = (await RequestsAsync(request.SessionId, mine, requestId, ct)).Single();
        return View(new CancelMeetingViewModel { Session = header, Request = row, Refusal = CancelRefusal(request, header) });
    }

    /// <summary>
    /// Either company withdraws from an accepted meeting before the session, while requests are open: the request
    /// shows as cancelled to both, and its scheduled slot and table are free again.
    /// </summary>
    [HttpPost("requests/{requestId:int}/cancel")]
    public async Task<IActionResult> ConfirmCancel(int requestId, Guid? version, CancellationToken ct)
    {
        var (request, mine) = await MyRequestAsync(requestId, ct);
        if (request is null)
        {
            return NotFound();
        }

        if (request.IsStale(version))
        {
            return StaleRequest(request);
        }

        var header = (await queries.HeaderAsync(request.SessionId, ct))!;
        if (CancelRefusal(request, header) is { } refusal)
        {
            this.FlashRefused(refusal);
            return RedirectToAction(nameof(RequestDetails), new { requestId });
        }

        db.ExpectVersion(request, version);
        request.Cancel(mine);
        if (await db.B2bMeetings.SingleOrDefaultAsync(m => m.RequestId == requestId, ct) is { } meeting)
        {
            db.B2bMeetings.Remove(meeting);
        }

        if (!await db.TrySaveAsync(ct))
        {
            return StaleRequest(await db.MeetingRequests.AsNoTracking().SingleAsync(r => r.Id == requestId, ct));
        }

        this.FlashDone(l["Встреча отменена; другая компания видит это в своих запросах, время и стол освобождены."].Value);
        return RedirectToAction(nameof(Session), new { id = request.SessionId });
    }

    [HttpGet("{id:int}/schedule")]
    public async Task<IActionResult> Schedule(int id, CancellationToken ct)
    {
        var schedule = await ScheduleAsync(id, ct);
        return schedule is null ? NotFound() : View(schedule);
    }

    /// <summary>The company's meetings as an iCalendar file, in Krasnoyarsk time, like the programme's feeds.</summary>
    [HttpGet("{id:int}/schedule.ics")]
    public async Task<IActionResult> Calendar(int id, [FromServices] Infrastructure.Database.DemoNotice demo, CancellationToken ct)
    {
        var schedule = await ScheduleAsync(id, ct);
        if (schedule is null)
        {
            return NotFound();
        }

        var zone = HostCalendar.Default.Id;
        var calendar = new Ical.Net.Calendar { ProductId = "-//MissionPortal//RU" };
        calendar.AddProperty("X-WR-CALNAME", demo.Prefix($"{schedule.Session.Title} — {schedule.Company}"));
        calendar.AddProperty("X-WR-TIMEZONE", zone);
        calendar.AddTimeZone(new VTimeZone(zone));
        foreach (var meeting in schedule.Meetings)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"b2b-meeting-{meeting.MeetingId}-{schedule.ParticipationId}@missionportal",
                Summary = l["B2B-встреча: {0}, стол {1}", meeting.Other.Company, meeting.Table],
                Description = demo.Append(
                    l["Контактное лицо: {0} {1}", meeting.Other.Contact, LegalIdentifiers.FormatPhone(meeting.Other.Phone) ?? string.Empty].Value.Trim()),
                Location = schedule.Session.Venue is null
                    ? l["Стол {0}", meeting.Table]
                    : $"{schedule.Session.Venue}, {l["Стол {0}", meeting.Table]}",
                DtStart = new CalDateTime(schedule.Session.Date, meeting.Start, zone),
                DtEnd = new CalDateTime(schedule.Session.Date, meeting.End, zone),
            });
        }

        var text = new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
        Response.Headers.CacheControl = "no-cache";
        return File(Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", $"b2b-{id}.ics");
    }

    [HttpPost("meetings/{meetingId:int}/outcome")]
    public async Task<IActionResult> Outcome(int meetingId, OutcomeInput input, CancellationToken ct)
    {
        if (User.OrganizationId() is not { } organizationId)
        {
            return NotFound();
        }

        var meeting = await db.B2bMeetings.Include(m => m.Outcomes).Include(m => m.Request)
            .SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        var mine = meeting is null ? null : await db.B2bParticipations.AsNoTracking()
            .Where(p => (p.Id == meeting.Request!.FromId || p.Id == meeting.Request.ToId) && p.OrganizationId == organizationId)
            .Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
        if (meeting is null || mine is null)
        {
            return NotFound();
        }

        var header = (await queries.HeaderAsync(meeting.SessionId, ct))!;
        var startsAt = HostTime.ToUtc(header.Date.ToDateTime(meeting.Start));
        if (Now < startsAt)
        {
            this.FlashRefused(l["Итог встречи отмечается после её начала: {0} {1}.", Formats.ShortDate(header.Date), Formats.Time(meeting.Start)].Value);
            return RedirectToAction(nameof(Schedule), new { id = meeting.SessionId });
        }

        meeting.Record(mine.Value, input.Marks, Now);
        await db.SaveChangesAsync(ct);
        this.FlashDone(l["Итог встречи сохранён."].Value);
        return RedirectToAction(nameof(Schedule), new { id = meeting.SessionId });
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Why an accepted meeting can't be cancelled now, or null when it can: only an accepted one, only before the
    /// session starts, and only while requests are open; after they close the agency keeps the schedule.
    /// </summary>
    private string? CancelRefusal(MeetingRequest request, SessionHeaderViewModel header)
    {
        if (request.Status != MeetingRequestStatus.Accepted)
        {
            return l["Отменить можно только принятую встречу."].Value;
        }

        if (Now >= HostTime.ToUtc(header.Date.ToDateTime(header.Start)))
        {
            return l["Сессия B2B-встреч уже началась ({0} {1}): встречу нельзя отменить.", Formats.ShortDate(header.Date), Formats.Time(header.Start)].Value;
        }

        return header.AcceptsRequests(Now)
            ? null
            : l["Приём запросов закрыт {0} (красноярское время): расписание ведёт агентство. Чтобы отменить встречу, обратитесь в агентство.", HostTime.Text(header.RequestsCloseUtc)].Value;
    }

    private IActionResult StaleRequest(MeetingRequest current) =>
        this.StaleDecision(l["Запрос на встречу сейчас: «{0}».", l[EnumText.Of(current.Status)]], Url.Action(nameof(RequestDetails), new { requestId = current.Id })!);

    private async Task<IActionResult> AnswerAsync(int requestId, bool accept, CancellationToken ct)
    {
        var (request, mine) = await MyRequestAsync(requestId, ct);
        if (request is null)
        {
            return NotFound();
        }

        if (request.ToId != mine)
        {
            this.FlashRefused(l["На запрос отвечает компания, которой он отправлен."].Value);
            return RedirectToAction(nameof(RequestDetails), new { requestId });
        }

        if (request.Status != MeetingRequestStatus.Pending)
        {
            this.FlashRefused(l["На этот запрос уже ответили."].Value);
            return RedirectToAction(nameof(RequestDetails), new { requestId });
        }

        if (accept)
        {
            request.Accept(Now);
        }
        else
        {
            request.Decline(Now);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            this.FlashRefused(l["На этот запрос уже ответили."].Value);
            return RedirectToAction(nameof(RequestDetails), new { requestId });
        }

        this.FlashDone(accept
            ? l["Запрос принят. Время и стол появятся в расписании, когда агентство его составит."].Value
            : l["Запрос отклонён."].Value);
        return RedirectToAction(nameof(Session), new { id = request.SessionId });
    }

    /// <summary>A request the user's company sent or got, tracked, and the company's participation id; (null, 0) for any other.</summary>
    private async Task<(MeetingRequest? Request, int Mine)> MyRequestAsync(int requestId, CancellationToken ct)
    {
        if (User.OrganizationId() is not { } organizationId)
        {
            return (null, 0);
        }

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

    private async Task<(CompanySeat? Seat, SessionHeaderViewModel? Header)> SeatAsync(int sessionId, CancellationToken ct)
    {
        if (User.OrganizationId() is not { } organizationId)
        {
            return (null, null);
        }

        var seat = await access.SeatAsync(organizationId, sessionId, ct);
        return seat is null ? (null, null) : (seat, await queries.HeaderAsync(sessionId, ct));
    }

    private async Task<IReadOnlyList<RequestRowViewModel>> RequestsAsync(int sessionId, int mine, int? requestId, CancellationToken ct)
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

    private async Task<ScheduleViewModel?> ScheduleAsync(int sessionId, CancellationToken ct)
    {
        var (seat, header) = await SeatAsync(sessionId, ct);
        if (seat?.ParticipationId is not { } mine || header is null)
        {
            return null;
        }

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
                Start = m.Start,
                End = m.End,
                Table = m.Table,
                Other = m.Host.ParticipationId == mine ? m.Guest : m.Host,
                Mine = Marks(m.Id, p => p == mine),
                Theirs = Marks(m.Id, p => p != mine),
            })],
        };
    }

    private async Task<JoinViewModel> JoinPageAsync(CompanySeat seat, SessionHeaderViewModel header, ParticipationInput input, CancellationToken ct)
    {
        var own = await db.Products.AsNoTracking().Where(p => p.OrganizationId == seat.OrganizationId && p.DeletedAtUtc == null)
            .Select(p => p.Category).Distinct().ToListAsync(ct);
        var all = await db.Products.AsNoTracking().Where(p => p.DeletedAtUtc == null).Select(p => p.Category).Distinct().ToListAsync(ct);
        var others = await db.B2bParticipations.AsNoTracking().Where(p => p.SessionId == seat.SessionId)
            .Select(p => new { p.OfferCategories, p.NeedCategories }).ToListAsync(ct);
        var categories = own.Order(RussianCollation.Instance)
            .Concat(all.Concat(others.SelectMany(o => o.OfferCategories.Concat(o.NeedCategories))).Concat(ParticipationInput.Chosen(input.OfferCategories)).Concat(ParticipationInput.Chosen(input.NeedCategories))
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
}
