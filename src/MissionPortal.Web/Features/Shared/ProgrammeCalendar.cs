using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Web.Infrastructure.Calendar;
using MissionPortal.Web.Infrastructure.Database;
using MissionPortal.Web.Infrastructure.Localization;

namespace MissionPortal.Web.Features.Shared;

/// <summary>
/// A programme as an iCalendar file: the calendar feeds and the day-before letter to a participant give the same
/// file. The times are the host region's wall clock, and the file names that zone.
/// </summary>
public sealed class ProgrammeCalendar(DemoNotice demo, IStringLocalizer<SharedResource> l)
{
    public const string ContentType = IcsFile.ContentType;

    public byte[] Build(string name, string? timeZoneId, ProgrammeSnapshot snapshot, Func<ProgrammeItemViewModel, bool> include)
    {
        var zone = HostCalendar.Zone(timeZoneId).Id;
        var from = snapshot.Items.Select(i => i.Date).DefaultIfEmpty(DateOnly.FromDateTime(DateTime.UtcNow)).Min();
        var calendar = IcsFile.Create(demo.Prefix(name), zone, from);
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

        return IcsFile.Bytes(calendar);
    }

    /// <summary>The items a participant takes part in.</summary>
    public static Func<ProgrammeItemViewModel, bool> ItemsOf(ProgrammeSnapshot snapshot, int participantId)
    {
        var theirs = snapshot.Scheduled.Where(s => s.People.Contains(participantId)).Select(s => s.Id).ToHashSet();
        return item => theirs.Contains(item.Id);
    }
}
