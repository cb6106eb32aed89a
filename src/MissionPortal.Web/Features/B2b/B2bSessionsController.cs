using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Localization;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.B2b;

/// <summary>
/// The agency's side of a B2B session: set it up on a programme item, watch requests come in, run the scheduler,
/// move meetings by hand, see what could not be placed and why, print the table plan. The ministry looks on.
/// </summary>
[Route("b2b/sessions")]
[Authorize(Policy = Policies.ViewMissions)]
public class B2bSessionsController(
    PortalDbContext db,
    B2bQueries queries,
    B2bScheduling scheduling,
    IValidator<SessionInput> validator,
    IAuthorizationService authorization,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("new")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Create(int itemId, CancellationToken ct)
    {
        var item = await FreeItemAsync(itemId, ct);
        if (item is null)
        {
            return NotFound();
        }

        var now = HostTime.ToLocal(clock.GetUtcNow().UtcDateTime);
        var input = new SessionInput
        {
            Start = item.Start,
            End = item.End,
            MeetingMinutes = 20,
            PauseMinutes = 5,
            Tables = 10,
            RequestsOpen = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0),
            RequestsClose = item.Date.AddDays(-1).ToDateTime(new TimeOnly(18, 0)),
        };
        return Page("Form", Form(item, null, input));
    }

    [HttpPost("new")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Create(int itemId, SessionInput input, CancellationToken ct)
    {
        var item = await FreeItemAsync(itemId, ct);
        if (item is null)
        {
            return NotFound();
        }

        await ValidateAsync(input, item, ct);
        if (!ModelState.IsValid)
        {
            return Page("Form", Form(item, null, input));
        }

        var session = new B2bSession(item.Id, item.MissionId, Settings(input));
        db.B2bSessions.Add(session);
        await db.SaveChangesAsync(ct);
        this.FlashDone(l["B2B-сессия создана: компании могут присоединяться и отправлять запросы."].Value);
        return RedirectToAction(nameof(Details), new { id = session.Id });
    }

    /// <summary>The session of a programme item, as the mission page links it: the session itself, or the form to set one up.</summary>
    [HttpGet("item/{itemId:int}")]
    public async Task<IActionResult> ForItem(int itemId, CancellationToken ct)
    {
        var sessionId = await db.B2bSessions.Where(s => s.ProgrammeItemId == itemId).Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
        if (sessionId is { } id)
        {
            return await Details(id, ct);
        }

        return (await authorization.AuthorizeAsync(User, Policies.ScheduleMissions)).Succeeded ? await Create(itemId, ct) : NotFound();
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var header = await queries.HeaderAsync(id, ct);
        if (header is null)
        {
            return NotFound();
        }

        var session = await db.B2bSessions.AsNoTracking().SingleAsync(s => s.Id == id, ct);
        var counts = await db.MeetingRequests.AsNoTracking().Where(r => r.SessionId == id)
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var participants = await db.B2bParticipations.AsNoTracking().Where(p => p.SessionId == id)
            .Select(p => new { p.Id, Company = p.Organization!.ShortName ?? p.Organization.Name, p.Side, p.ContactPerson, Participation = p })
            .ToListAsync(ct);

        return Page("Details", new SessionDetailsViewModel
        {
            Session = header,
            Participants = [.. participants
                .Select(p => new ParticipantRowViewModel { Id = p.Id, Company = p.Company, Side = p.Side, Contact = p.ContactPerson, Breaks = p.Participation.Breaks })
                .OrderBy(p => p.Side).ThenBy(p => p.Company, Core.Domain.Common.RussianCollation.Instance)],
            Pending = counts.Where(c => c.Key == MeetingRequestStatus.Pending).Sum(c => c.Count),
            Accepted = counts.Where(c => c.Key == MeetingRequestStatus.Accepted).Sum(c => c.Count),
            Declined = counts.Where(c => c.Key == MeetingRequestStatus.Declined).Sum(c => c.Count),
            Meetings = await queries.MeetingsAsync(id, null, ct),
            Unplaced = await scheduling.UnplacedAsync(session, ct),
            CanManage = (await authorization.AuthorizeAsync(User, Policies.ScheduleMissions)).Succeeded,
        });
    }

    [HttpGet("{id:int}/edit")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var session = await db.B2bSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return NotFound();
        }

        var item = await ItemAsync(session.ProgrammeItemId, b2bOnly: false, ct);
        return Page("Form", Form(item!, id, InputOf(session)));
    }

    [HttpPost("{id:int}/edit")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Edit(int id, SessionInput input, CancellationToken ct)
    {
        var session = await db.B2bSessions.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return NotFound();
        }

        var item = (await ItemAsync(session.ProgrammeItemId, b2bOnly: false, ct))!;
        await ValidateAsync(input, item, ct);
        if (!ModelState.IsValid)
        {
            return Page("Form", Form(item, id, input));
        }

        db.ExpectFormVersion(session, input.Version);

        session.Change(Settings(input));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.B2bSessions.AsNoTracking().SingleAsync(s => s.Id == id, ct);
            ModelState.AddModelError(string.Empty, l["Пока вы редактировали, сессию сохранил другой сотрудник: сейчас {0}–{1}, встреча {2} мин, столов {3}. Проверьте поля и сохраните ещё раз, чтобы записать вашу версию.",
                Formats.Time(current.Start), Formats.Time(current.End), current.MeetingMinutes, current.Tables]);
            input.Version = current.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page("Form", Form(item, id, input));
        }

        this.FlashDone(l["Настройки сессии сохранены. Если сетка слотов изменилась, составьте расписание заново."].Value);
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:int}/schedule")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Schedule(int id, RunSchedulerInput input, CancellationToken ct)
    {
        var session = await db.B2bSessions.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return NotFound();
        }

        var (placed, unplaced) = await scheduling.RunAsync(session, input.KeepManual, ct);
        this.FlashDone(unplaced == 0
            ? l["Расписание составлено: встреч — {0}.", placed].Value
            : l["Расписание составлено: встреч — {0}, не размещено запросов — {1} (причины ниже).", placed, unplaced].Value);
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:int}/meetings/{meetingId:int}/move")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Move(int id, int meetingId, MoveMeetingInput input, CancellationToken ct)
    {
        var session = await db.B2bSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        var meeting = await db.B2bMeetings.SingleOrDefaultAsync(m => m.Id == meetingId && m.SessionId == id, ct);
        if (session is null || meeting is null)
        {
            return NotFound();
        }

        var problem = await scheduling.MoveAsync(session, meeting, input.Start, input.Table, ct);
        if (problem is not null)
        {
            this.FlashRefused(l["Встречу нельзя перенести. {0}", problem].Value);
            return RedirectToAction(nameof(Details), new { id });
        }

        await db.SaveChangesAsync(ct);
        this.FlashDone(l["Встреча перенесена на {0}, стол {1}. Повторное составление расписания её не сдвинет.", Formats.Time(meeting.Start), meeting.Table].Value);
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>The plan for the hall: every slot with its tables, who meets at each and their contact people. Printed on A4.</summary>
    [HttpGet("{id:int}/plan")]
    public async Task<IActionResult> Plan(int id, CancellationToken ct)
    {
        var header = await queries.HeaderAsync(id, ct);
        if (header is null)
        {
            return NotFound();
        }

        return Page("Plan", new TablePlanViewModel { Session = header, Meetings = await queries.MeetingsAsync(id, null, ct) });
    }

    private ViewResult Page(string name, object model) => View($"/Features/B2b/{name}.cshtml", model);

    private async Task ValidateAsync(SessionInput input, ItemRow item, CancellationToken ct)
    {
        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (input.Start is { } start && input.End is { } end && (start < item.Start || end > item.End))
        {
            ModelState.AddModelError(nameof(input.End), l["Время сессии должно быть внутри пункта программы: {0}–{1}.", Formats.Time(item.Start), Formats.Time(item.End)]);
        }

        if (ModelState.IsValid && SlotsOf(input).Count == 0)
        {
            ModelState.AddModelError(nameof(input.MeetingMinutes), l["В такое окно не помещается ни одной встречи: удлините окно или сократите встречи и перерывы."]);
        }
    }

    private static IReadOnlyList<MeetingSlot> SlotsOf(SessionInput input) =>
        SessionSettings.SlotsOf(input.Start!.Value, input.End!.Value, input.MeetingMinutes!.Value, input.PauseMinutes ?? 0, Breaks(input));

    private static List<TimePeriod> Breaks(SessionInput input) =>
        [.. input.FilledBreaks.Select(b => new TimePeriod(b.Start!.Value, b.End!.Value))];

    private static SessionSettings Settings(SessionInput input) => new(
        input.Start!.Value,
        input.End!.Value,
        input.MeetingMinutes!.Value,
        input.PauseMinutes ?? 0,
        input.Tables!.Value,
        HostTime.ToUtc(input.RequestsOpen!.Value),
        HostTime.ToUtc(input.RequestsClose!.Value),
        Breaks(input));

    private static SessionInput InputOf(B2bSession session) => new()
    {
        Start = session.Start,
        End = session.End,
        MeetingMinutes = session.MeetingMinutes,
        PauseMinutes = session.PauseMinutes,
        Tables = session.Tables,
        RequestsOpen = HostTime.ToLocal(session.RequestsOpenUtc),
        RequestsClose = HostTime.ToLocal(session.RequestsCloseUtc),
        Breaks = [.. session.Breaks.Select(b => new BreakInput { Start = b.Start, End = b.End })],
        Version = session.Version,
    };

    private static SessionFormViewModel Form(ItemRow item, int? id, SessionInput input)
    {
        while (input.Breaks.Count < 3)
        {
            input.Breaks.Add(new BreakInput());
        }

        return new SessionFormViewModel
        {
            Id = id,
            ProgrammeItemId = item.Id,
            MissionId = item.MissionId,
            Mission = item.Mission,
            Title = item.Title,
            Date = item.Date,
            ItemStart = item.Start,
            ItemEnd = item.End,
            Input = input,
        };
    }

    /// <summary>A B2B item of the programme that has no session yet.</summary>
    private async Task<ItemRow?> FreeItemAsync(int itemId, CancellationToken ct) =>
        await db.B2bSessions.AnyAsync(s => s.ProgrammeItemId == itemId, ct) ? null : await ItemAsync(itemId, b2bOnly: true, ct);

    private Task<ItemRow?> ItemAsync(int itemId, bool b2bOnly, CancellationToken ct) =>
        db.ProgrammeItems.AsNoTracking()
            .Where(i => i.Id == itemId && (!b2bOnly || i.Kind == ProgrammeItemKind.B2BSession))
            .Select(i => new ItemRow(i.Id, i.MissionId, i.Mission!.Title, i.Title, i.Date, i.Start, i.End))
            .SingleOrDefaultAsync(ct);

    private sealed record ItemRow(int Id, int MissionId, string Mission, string Title, DateOnly Date, TimeOnly Start, TimeOnly End);
}
