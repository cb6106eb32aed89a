using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Calendar;

/// <summary>
/// The programme as iCalendar feeds at stable addresses a calendar app subscribes to without signing in:
/// the mission's secret token in the address is the key. Times are in the host region's zone.
/// </summary>
[AllowAnonymous]
[Route("calendar")]
public class CalendarController(PortalDbContext db, ProgrammeQueries programme, ProgrammeCalendar calendar) : Controller
{
    [HttpGet("{token}.ics")]
    public async Task<IActionResult> Mission(string token, CancellationToken ct)
    {
        var mission = await MissionAsync(token, ct);
        if (mission is null)
        {
            return NotFound();
        }

        var snapshot = await programme.LoadAsync(mission.Id, mission.StartDate, mission.EndDate, ct);
        return Feed(mission.Title, mission, snapshot, _ => true, $"mission-{mission.Id}.ics");
    }

    [HttpGet("{token}/participant/{participantId:int}.ics")]
    public async Task<IActionResult> Participant(string token, int participantId, CancellationToken ct)
    {
        var mission = await MissionAsync(token, ct);
        if (mission is null)
        {
            return NotFound();
        }

        var snapshot = await programme.LoadAsync(mission.Id, mission.StartDate, mission.EndDate, ct);
        var person = snapshot.People.FirstOrDefault(p => p.Id == participantId);
        if (person is null)
        {
            return NotFound();
        }

        return Feed($"{mission.Title} — {person.FullName}", mission, snapshot, ProgrammeCalendar.ItemsOf(snapshot, participantId), $"mission-{mission.Id}-participant-{participantId}.ics");
    }

    private async Task<MissionRow?> MissionAsync(string token, CancellationToken ct) =>
        token.Length is < 16 or > 64
            ? null
            : await db.Missions.AsNoTracking().Where(m => m.CalendarToken == token)
                .Select(m => new MissionRow(m.Id, m.Title, m.StartDate, m.EndDate, m.HostRegion!.TimeZoneId)).SingleOrDefaultAsync(ct);

    private FileContentResult Feed(string name, MissionRow mission, ProgrammeSnapshot snapshot, Func<ProgrammeItemViewModel, bool> include, string fileName)
    {
        Response.Headers.CacheControl = "no-cache";
        return File(calendar.Build(name, mission.TimeZoneId, snapshot, include), ProgrammeCalendar.ContentType, fileName);
    }

    private sealed record MissionRow(int Id, string Title, DateOnly StartDate, DateOnly EndDate, string TimeZoneId);
}
