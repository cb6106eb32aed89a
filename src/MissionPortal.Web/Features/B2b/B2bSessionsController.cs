using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Core.Security;
using MissionPortal.Web.Features.Shared;
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
    IValidator<SaveB2bSession.Input> validator,
    SaveB2bSession.Handler save,
    IAuthorizationService authorization,
    TimeProvider clock) : Controller
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

        var now = item.Zone.ToLocal(clock.GetUtcNow().UtcDateTime);
        var input = new SaveB2bSession.Input
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
    public async Task<IActionResult> Create(int itemId, SaveB2bSession.Input input, CancellationToken ct)
    {
        var item = await FreeItemAsync(itemId, ct);
        if (item is null)
        {
            return NotFound();
        }

        await ValidateAsync(input, item, ct);
        var result = ModelState.IsValid ? await save.CreateAsync(item.Id, item.MissionId, input, ct) : null;
        if (result?.Outcome != SaveB2bSession.Outcome.Saved)
        {
            return Refused(result, item, null, input);
        }

        this.FlashDone(result.Message);
        return RedirectToAction(nameof(Details), new { id = result.Id });
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
        return Page("Form", Form(item!, id, SaveB2bSession.Input.From(session, item!.Zone)));
    }

    [HttpPost("{id:int}/edit")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Edit(int id, SaveB2bSession.Input input, CancellationToken ct)
    {
        var session = await db.B2bSessions.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return NotFound();
        }

        var item = (await ItemAsync(session.ProgrammeItemId, b2bOnly: false, ct))!;
        await ValidateAsync(input, item, ct);
        var result = ModelState.IsValid ? await save.EditAsync(session, input, ct) : null;
        if (result?.Outcome != SaveB2bSession.Outcome.Saved)
        {
            return Refused(result, item, id, input);
        }

        this.FlashDone(result.Message);
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:int}/schedule")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Schedule(int id, RunB2bScheduler.Input input, [FromServices] RunB2bScheduler.Handler run, CancellationToken ct)
    {
        var result = await run.HandleAsync(id, input, ct);
        if (!result.Found)
        {
            return NotFound();
        }

        this.FlashDone(result.Message);
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:int}/meetings/{meetingId:int}/move")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Move(int id, int meetingId, MoveB2bMeeting.Input input, [FromServices] MoveB2bMeeting.Handler move, CancellationToken ct)
    {
        var result = await move.HandleAsync(id, meetingId, input, ct);
        if (result.Outcome == MoveB2bMeeting.Outcome.NotFound)
        {
            return NotFound();
        }

        this.FlashOutcome(result.Outcome == MoveB2bMeeting.Outcome.Moved, result.Message);
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

    private async Task ValidateAsync(SaveB2bSession.Input input, ItemRow item, CancellationToken ct)
    {
        input.ItemStart = item.Start;
        input.ItemEnd = item.End;
        input.Zone = item.Zone;
        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
    }

    /// <summary>The form again with why it was not saved: the fields' errors, no room for a meeting (on its length), or a colleague's save (409).</summary>
    private ViewResult Refused(SaveB2bSession.Result? result, ItemRow item, int? id, SaveB2bSession.Input input)
    {
        if (result?.Outcome == SaveB2bSession.Outcome.NoSlots)
        {
            ModelState.AddModelError(nameof(input.MeetingMinutes), result.Message);
        }
        else if (result?.Outcome == SaveB2bSession.Outcome.Stale)
        {
            ModelState.AddModelError(string.Empty, result.Message);
            input.Version = result.CurrentVersion;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page("Form", Form(item, id, input));
    }

    private static SessionFormViewModel Form(ItemRow item, int? id, SaveB2bSession.Input input)
    {
        while (input.Breaks.Count < 3)
        {
            input.Breaks.Add(new SaveB2bSession.BreakInput());
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
            Zone = item.Zone,
            Input = input,
        };
    }

    /// <summary>A B2B item of the programme that has no session yet.</summary>
    private async Task<ItemRow?> FreeItemAsync(int itemId, CancellationToken ct) =>
        await db.B2bSessions.AnyAsync(s => s.ProgrammeItemId == itemId, ct) ? null : await ItemAsync(itemId, b2bOnly: true, ct);

    private Task<ItemRow?> ItemAsync(int itemId, bool b2bOnly, CancellationToken ct) =>
        db.ProgrammeItems.AsNoTracking()
            .Where(i => i.Id == itemId && (!b2bOnly || i.Kind == ProgrammeItemKind.B2BSession))
            .Select(i => new ItemRow(i.Id, i.MissionId, i.Mission!.Title, i.Title, i.Date, i.Start, i.End, i.Mission.HostRegion!.Name, i.Mission.HostRegion.TimeZoneId))
            .SingleOrDefaultAsync(ct);

    private sealed record ItemRow(int Id, int MissionId, string Mission, string Title, DateOnly Date, TimeOnly Start, TimeOnly End, string Region, string TimeZoneId)
    {
        public MissionZone Zone => MissionZone.Of(Region, TimeZoneId);
    }
}
