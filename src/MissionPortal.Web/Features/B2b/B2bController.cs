using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.B2b;
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
    B2bCompanyQueries pages,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        User.OrganizationId() is { } organizationId ? View(await pages.SessionsAsync(organizationId, ct)) : NotFound();

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

        var requests = seat.ParticipationId is { } mine ? await pages.RequestsAsync(id, mine, null, ct) : [];
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
        return seat is null || header is null
            ? NotFound()
            : View(await pages.JoinPageAsync(seat, header, await pages.JoinInputAsync(seat, header, ct), ct));
    }

    [HttpPost("{id:int}/join")]
    public async Task<IActionResult> Join(int id, JoinSession.Input input, [FromServices] IValidator<JoinSession.Input> validator, [FromServices] JoinSession.Handler join, CancellationToken ct)
    {
        var (seat, header) = await SeatAsync(id, ct);
        if (seat is null || header is null)
        {
            return NotFound();
        }

        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (join.Refusal(seat, header) is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal);
        }

        if (!ModelState.IsValid)
        {
            return View(await pages.JoinPageAsync(seat, header, input, ct));
        }

        switch (await join.HandleAsync(seat, header, input, ct))
        {
            case JoinSession.Outcome.Stale:
                ModelState.AddModelError(string.Empty, l["Пока вы редактировали, участие компании сохранил ваш коллега. Откройте страницу заново, чтобы увидеть его версию."]);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View(await pages.JoinPageAsync(seat, header, input, ct));
            case JoinSession.Outcome.AlreadyJoined:
                this.FlashRefused(l["Компания уже участвует в сессии."].Value);
                return RedirectToAction(nameof(Session), new { id });
            case JoinSession.Outcome.Joined:
                this.FlashDone(l["Компания участвует в B2B-сессии. Выберите компании для встреч."].Value);
                return RedirectToAction(nameof(Companies), new { id });
            default:
                this.FlashDone(l["Участие в сессии сохранено."].Value);
                return RedirectToAction(nameof(Session), new { id });
        }
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

        return seat.ParticipationId is { } mine
            ? View(await pages.CompaniesAsync(seat, mine, header, header.AcceptsRequests(Now), ct))
            : JoinFirst(id);
    }

    [HttpPost("{id:int}/requests")]
    public async Task<IActionResult> Send(int id, SendMeetingRequest.Input input, [FromServices] IValidator<SendMeetingRequest.Input> validator, [FromServices] SendMeetingRequest.Handler send, CancellationToken ct)
    {
        var (seat, header) = await SeatAsync(id, ct);
        if (seat is null || header is null)
        {
            return NotFound();
        }

        if (seat.ParticipationId is not { } mine)
        {
            return JoinFirst(id);
        }

        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            this.FlashRefused(validation.Errors[0].ErrorMessage);
            return RedirectToAction(nameof(Companies), new { id });
        }

        var result = await send.HandleAsync(seat, mine, input, ct);
        if (result.Outcome == SendMeetingRequest.Outcome.NotFound)
        {
            return NotFound();
        }

        this.FlashOutcome(result.Outcome == SendMeetingRequest.Outcome.Sent, result.Message);
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
        return View(await pages.RequestDetailsAsync(request, mine, header, ct));
    }

    [HttpPost("requests/{requestId:int}/accept")]
    public Task<IActionResult> Accept(int requestId, [FromServices] AnswerMeetingRequest.Handler answer, CancellationToken ct) =>
        AnswerAsync(new AnswerMeetingRequest.Input(requestId, Accept: true), answer, ct);

    [HttpPost("requests/{requestId:int}/decline")]
    public Task<IActionResult> Decline(int requestId, [FromServices] AnswerMeetingRequest.Handler answer, CancellationToken ct) =>
        AnswerAsync(new AnswerMeetingRequest.Input(requestId, Accept: false), answer, ct);

    /// <summary>The confirmation page before a company withdraws from an accepted meeting.</summary>
    [HttpGet("requests/{requestId:int}/cancel")]
    public async Task<IActionResult> Cancel(int requestId, [FromServices] CancelMeeting.Handler cancel, CancellationToken ct)
    {
        var (request, mine) = await MyRequestAsync(requestId, ct);
        if (request is null)
        {
            return NotFound();
        }

        var header = (await queries.HeaderAsync(request.SessionId, ct))!;
        var row = (await pages.RequestsAsync(request.SessionId, mine, requestId, ct)).Single();
        return View(new CancelMeetingViewModel { Session = header, Request = row, Refusal = await cancel.RefusalAsync(request, header, ct) });
    }

    /// <summary>
    /// Either company withdraws from an accepted meeting before the session, while requests are open: the request
    /// shows as cancelled to both, and its scheduled slot and table are free again.
    /// </summary>
    [HttpPost("requests/{requestId:int}/cancel")]
    public async Task<IActionResult> ConfirmCancel(int requestId, Guid? version, [FromServices] CancelMeeting.Handler cancel, CancellationToken ct)
    {
        var (request, mine) = await MyRequestAsync(requestId, ct);
        if (request is null)
        {
            return NotFound();
        }

        var header = (await queries.HeaderAsync(request.SessionId, ct))!;
        var result = await cancel.HandleAsync(request, mine, header, new CancelMeeting.Input(requestId, version), ct);
        switch (result.Outcome)
        {
            case CancelMeeting.Outcome.Stale:
                return StaleRequest(result.Current!);
            case CancelMeeting.Outcome.Refused:
                this.FlashRefused(result.Message);
                return RedirectToAction(nameof(RequestDetails), new { requestId });
            default:
                this.FlashDone(result.Message);
                return RedirectToAction(nameof(Session), new { id = request.SessionId });
        }
    }

    [HttpGet("{id:int}/schedule")]
    public async Task<IActionResult> Schedule(int id, CancellationToken ct)
    {
        var (seat, header) = await SeatAsync(id, ct);
        return await pages.ScheduleAsync(seat, header, ct) is { } schedule ? View(schedule) : NotFound();
    }

    /// <summary>The company's meetings as an iCalendar file, in the mission's host region's zone, like the programme's feeds.</summary>
    [HttpGet("{id:int}/schedule.ics")]
    public async Task<IActionResult> Calendar(int id, [FromServices] B2bCalendar calendar, CancellationToken ct)
    {
        var (seat, header) = await SeatAsync(id, ct);
        if (await pages.ScheduleAsync(seat, header, ct) is not { } schedule)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-cache";
        return File(calendar.Of(schedule), "text/calendar; charset=utf-8", $"b2b-{id}.ics");
    }

    [HttpPost("meetings/{meetingId:int}/outcome")]
    public async Task<IActionResult> Outcome(int meetingId, RecordMeetingOutcome.Input input, [FromServices] RecordMeetingOutcome.Handler record, CancellationToken ct)
    {
        if (User.OrganizationId() is not { } organizationId)
        {
            return NotFound();
        }

        var result = await record.HandleAsync(organizationId, meetingId, input, ct);
        if (result.Outcome == RecordMeetingOutcome.Outcome.NotFound)
        {
            return NotFound();
        }

        this.FlashOutcome(result.Outcome == RecordMeetingOutcome.Outcome.Recorded, result.Message);
        return RedirectToAction(nameof(Schedule), new { id = result.SessionId });
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private RedirectToActionResult JoinFirst(int id)
    {
        this.FlashRefused(l["Сначала присоединитесь к сессии: расскажите, что компания предлагает и ищет."].Value);
        return RedirectToAction(nameof(Join), new { id });
    }

    private IActionResult StaleRequest(MeetingRequest current) =>
        this.StaleDecision(l["Запрос на встречу сейчас: «{0}».", l[EnumText.Of(current.Status)]], Url.Action(nameof(RequestDetails), new { requestId = current.Id })!);

    private async Task<IActionResult> AnswerAsync(AnswerMeetingRequest.Input input, AnswerMeetingRequest.Handler answer, CancellationToken ct)
    {
        var (request, mine) = await MyRequestAsync(input.RequestId, ct);
        if (request is null)
        {
            return NotFound();
        }

        var result = await answer.HandleAsync(request, mine, input, ct);
        this.FlashOutcome(result.Answered, result.Message);
        return result.Answered
            ? RedirectToAction(nameof(Session), new { id = request.SessionId })
            : RedirectToAction(nameof(RequestDetails), new { requestId = input.RequestId });
    }

    private async Task<(MeetingRequest? Request, int Mine)> MyRequestAsync(int requestId, CancellationToken ct) =>
        User.OrganizationId() is { } organizationId ? await access.RequestAsync(organizationId, requestId, ct) : (null, 0);

    private async Task<(CompanySeat? Seat, SessionHeaderViewModel? Header)> SeatAsync(int sessionId, CancellationToken ct)
    {
        if (User.OrganizationId() is not { } organizationId)
        {
            return (null, null);
        }

        var seat = await access.SeatAsync(organizationId, sessionId, ct);
        return seat is null ? (null, null) : (seat, await queries.HeaderAsync(sessionId, ct));
    }
}
