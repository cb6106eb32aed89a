using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Calendar;
using MissionPortal.Web.Infrastructure.Localization;

namespace MissionPortal.Web.Features.Calendar;

/// <summary>
/// The programme as iCalendar feeds at stable addresses a calendar app subscribes to without signing in:
/// the mission's secret token in the address is the key. Times are in the host region's zone.
/// </summary>
[AllowAnonymous]
[Route("calendar")]
public class CalendarController(
    PortalDbContext db, ProgrammeQueries programme, Infrastructure.Database.DemoNotice demo, IStringLocalizer<SharedResource> l) : Controller
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

        var theirs = snapshot.Scheduled.Where(s => s.People.Contains(participantId)).Select(s => s.Id).ToHashSet();
        return Feed($"{mission.Title} — {person.FullName}", mission, snapshot, item => theirs.Contains(item.Id), $"mission-{mission.Id}-participant-{participantId}.ics");
    }

    private async Task<MissionRow?> MissionAsync(string token, CancellationToken ct) =>
        token.Length is < 16 or > 64
            ? null
            : await db.Missions.AsNoTracking().Where(m => m.CalendarToken == token)
                .Select(m => new MissionRow(m.Id, m.Title, m.StartDate, m.EndDate, m.HostRegion!.TimeZoneId)).SingleOrDefaultAsync(ct);

    private FileContentResult Feed(string name, MissionRow mission, ProgrammeSnapshot snapshot, Func<ProgrammeItemViewModel, bool> include, string fileName)
    {
        // The programme's times are the host region's wall clock: the feed names that zone.
        var zone = HostCalendar.Zone(mission.TimeZoneId).Id;
        var calendar = IcsFile.Create(demo.Prefix(name), zone, mission.StartDate);
        foreach (var item in snapshot.Items.Where(include))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"programme-item-{item.Id}@missionportal",
                Summary = item.Title,
                Description = demo.Append(item.Description),
                Location = item.Venue is null ? null : $"{item.Venue}, {item.VenueCity}",
                DtStart = new CalDateTime(item.Date, item.Start, zone),
                DtEnd = new CalDateTime(item.Date, item.End, zone),
                // A changed item carries a higher number, so a calendar that holds it takes the change.
                Sequence = item.Sequence,
                Categories = [l[EnumText.Of(item.Kind)]],
            });
        }

        Response.Headers.CacheControl = "no-cache";
        return File(IcsFile.Bytes(calendar), IcsFile.ContentType, fileName);
    }

    private sealed record MissionRow(int Id, string Title, DateOnly StartDate, DateOnly EndDate, string TimeZoneId);
}
