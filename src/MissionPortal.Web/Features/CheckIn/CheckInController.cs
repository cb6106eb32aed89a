using MissionPortal.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Identity;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.CheckIn;

/// <summary>
/// The badge's QR code opens here: agency staff mark the person present at the programme item running
/// now in the host region's time, or at one they choose; the mission's attendance page shows who came to what.
/// </summary>
[Route("check-in")]
[Authorize(Policy = Policies.RecordAttendance)]
public class CheckInController(
    PortalDbContext db,
    ProgrammeQueries programme,
    CheckInLinks links,
    MarkPresent.Handler markPresent,
    IStringLocalizer<SharedResource> l,
    IAuthorizationService authorization,
    TimeProvider clock) : Controller
{
    /// <summary>
    /// The token travels in the query string: paths are written in lower case, and the token is case-sensitive.
    /// Whoever scans the badge of a mission that is over is told so, signed in or not; otherwise only agency staff.
    /// </summary>
    [HttpGet("")]
    [AllowAnonymous]
    public async Task<IActionResult> Index([FromQuery(Name = "t")] string? token, CancellationToken ct)
    {
        if (await RefusedAsync(token, ct) is { } refused)
        {
            return refused;
        }

        var model = await FormAsync(token, null, ct);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("")]
    [AllowAnonymous]
    public async Task<IActionResult> Index([FromQuery(Name = "t")] string? token, CheckInInput input, CancellationToken ct)
    {
        if (await RefusedAsync(token, ct) is { } refused)
        {
            return refused;
        }

        var model = await FormAsync(token, input, ct);
        if (model is null)
        {
            return NotFound();
        }

        var item = input.ItemId is { } id ? model.Items.FirstOrDefault(i => i.Id == id) : null;
        if (!ModelState.IsValid || item is null)
        {
            ModelState.AddModelError(nameof(CheckInInput.ItemId), l["Выберите пункт программы этой миссии."]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(model);
        }

        if (item.Present)
        {
            this.FlashDone(l["Присутствие на пункте «{1}» уже отмечено: {0}.", model.FullName, item.Title].Value);
            return RedirectToAction(nameof(Attendance), new { missionId = model.MissionId, itemId = item.Id });
        }

        await markPresent.HandleAsync(item.Id, model.ParticipantId, User.DisplayName(), ct);
        this.FlashDone(l["Присутствие отмечено: {0}, {1}.", model.FullName, item.Title].Value);
        return RedirectToAction(nameof(Attendance), new { missionId = model.MissionId, itemId = item.Id });
    }

    /// <summary>Attendance per programme item: expected and present, and for one item who exactly.</summary>
    [HttpGet("mission/{missionId:int}")]
    public async Task<IActionResult> Attendance(int missionId, int? itemId, CancellationToken ct)
    {
        var mission = await db.Missions.AsNoTracking().Where(m => m.Id == missionId)
            .Select(m => new { m.Title, m.StartDate, m.EndDate, m.HostRegion!.TimeZoneId }).SingleOrDefaultAsync(ct);
        if (mission is null)
        {
            return NotFound();
        }

        var snapshot = await programme.LoadAsync(missionId, mission.StartDate, mission.EndDate, ct);
        var marks = await db.Attendances.AsNoTracking()
            .Where(a => db.ProgrammeItems.Any(i => i.Id == a.ProgrammeItemId && i.MissionId == missionId))
            .Select(a => new { a.ProgrammeItemId, a.ParticipantId, a.CheckedInAtUtc, a.By })
            .ToListAsync(ct);
        var current = CurrentItem(snapshot, null, HostCalendar.Zone(mission.TimeZoneId));
        var items = snapshot.Items.Select(i =>
        {
            var people = snapshot.Scheduled.First(s => s.Id == i.Id).People;
            return new AttendanceItemViewModel(i.Id, i.Date, i.Start, i.End, i.Kind, i.Title, people.Count, marks.Count(m => m.ProgrammeItemId == i.Id), i.Id == current);
        }).ToList();

        var selectedId = itemId ?? current;
        var selected = items.FirstOrDefault(i => i.Id == selectedId);
        if (itemId is not null && selected is null)
        {
            return NotFound();
        }

        var list = new List<AttendancePersonViewModel>();
        if (selected is not null)
        {
            var expected = snapshot.Scheduled.First(s => s.Id == selected.Id).People;
            var present = marks.Where(m => m.ProgrammeItemId == selected.Id).ToDictionary(m => m.ParticipantId);
            list = snapshot.People
                .Where(p => expected.Contains(p.Id) || present.ContainsKey(p.Id))
                .Select(p => new AttendancePersonViewModel(
                    p.Id, p.FullName, p.Position, p.Organization, expected.Contains(p.Id),
                    present.GetValueOrDefault(p.Id)?.CheckedInAtUtc, present.GetValueOrDefault(p.Id)?.By))
                .OrderBy(p => p.CheckedInAtUtc is null)
                .ToList();
        }

        return View(new AttendancePageViewModel
        {
            MissionId = missionId,
            Mission = mission.Title,
            Zone = HostCalendar.Zone(mission.TimeZoneId),
            StartDate = mission.StartDate,
            EndDate = mission.EndDate,
            Items = items,
            Selected = selected,
            People = list,
        });
    }

    /// <summary>The page for a link whose mission is over (410), else what the attendance policy says to anyone else.</summary>
    private async Task<IActionResult?> RefusedAsync(string? token, CancellationToken ct)
    {
        if (links.Read(token) is { } ticket
            && await db.Missions.AsNoTracking().Where(m => m.Id == ticket.MissionId)
                .Select(m => new { m.EndDate, m.HostRegion!.TimeZoneId }).SingleOrDefaultAsync(ct) is { } mission
            && CheckInLinks.Expired(mission.EndDate, HostCalendar.Zone(mission.TimeZoneId), clock))
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return View("Expired", new CheckInExpiredViewModel(mission.EndDate));
        }

        if ((await authorization.AuthorizeAsync(User, Policies.RecordAttendance)).Succeeded)
        {
            return null;
        }

        return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
    }

    private async Task<CheckInViewModel?> FormAsync(string? token, CheckInInput? input, CancellationToken ct)
    {
        if (links.Read(token) is not { } ticket || token is null)
        {
            return null;
        }

        var person = await db.Participants.AsNoTracking()
            .Where(p => p.Id == ticket.ParticipantId && p.Delegation!.MissionId == ticket.MissionId)
            .Select(p => new
            {
                p.Surname,
                p.GivenName,
                p.Patronymic,
                p.Position,
                Organization = p.Organization!.ShortName ?? p.Organization.Name,
                Delegation = p.Delegation!.Name,
                Mission = p.Delegation.Mission!.Title,
                p.Delegation.Mission.StartDate,
                p.Delegation.Mission.EndDate,
                p.Delegation.Mission.HostRegion!.TimeZoneId,
            })
            .SingleOrDefaultAsync(ct);
        if (person is null)
        {
            return null;
        }

        var snapshot = await programme.LoadAsync(ticket.MissionId, person.StartDate, person.EndDate, ct);
        var presentAt = await db.Attendances.AsNoTracking()
            .Where(a => a.ParticipantId == ticket.ParticipantId)
            .Select(a => a.ProgrammeItemId)
            .ToListAsync(ct);
        var zone = HostCalendar.Zone(person.TimeZoneId);
        var current = CurrentItem(snapshot, ticket.ParticipantId, zone);
        return new CheckInViewModel
        {
            Token = token,
            ParticipantId = ticket.ParticipantId,
            MissionId = ticket.MissionId,
            Mission = person.Mission,
            FullName = PersonName.Full(person.Surname, person.GivenName, person.Patronymic),
            Position = person.Position,
            Organization = person.Organization,
            Delegation = person.Delegation,
            CurrentItemId = current,
            Input = input ?? new CheckInInput { ItemId = current },
            Items = snapshot.Scheduled.Zip(snapshot.Items)
                .Select(pair => new CheckInItemOption(
                    pair.First.Id, pair.Second.Date, pair.Second.Start, pair.Second.End, pair.Second.Title,
                    pair.First.People.Contains(ticket.ParticipantId), presentAt.Contains(pair.First.Id)))
                .ToList(),
            Now = HostCalendar.Now(clock, zone),
        };
    }

    /// <summary>The item running now in the host region: one the person attends first, else the first one running.</summary>
    private int? CurrentItem(ProgrammeSnapshot snapshot, int? participantId, TimeZoneInfo zone)
    {
        var now = HostCalendar.Now(clock, zone);
        var today = DateOnly.FromDateTime(now.DateTime);
        var time = TimeOnly.FromDateTime(now.DateTime);
        var running = snapshot.Scheduled.Where(s => s.Date == today && s.Start <= time && time < s.End).ToList();
        return (running.FirstOrDefault(s => participantId is { } id && s.People.Contains(id)) ?? running.FirstOrDefault())?.Id;
    }
}
