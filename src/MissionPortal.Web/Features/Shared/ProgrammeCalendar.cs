using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.Web.Features.Shared;

/// <summary>
/// A programme as an iCalendar file: the calendar feeds and the day-before letter to a participant give the same
/// file. The times are the host region's wall clock, and the file names that zone.
/// </summary>
public sealed class ProgrammeCalendar(DemoNotice demo)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public byte[] Build(string name, string? timeZoneId, ProgrammeSnapshot snapshot, Func<ProgrammeItemViewModel, bool> include)
    {
        var zone = HostCalendar.Zone(timeZoneId).Id;
        var calendar = new Ical.Net.Calendar { ProductId = "-//MissionPortal//RU" };
        calendar.AddProperty("X-WR-CALNAME", demo.Prefix(name));
        calendar.AddProperty("X-WR-TIMEZONE", zone);
        calendar.AddTimeZone(new VTimeZone(zone));
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
                Categories = [item.Kind.ToString()],
            });
        }

        return Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? string.Empty);
    }

    /// <summary>The items a participant takes part in.</summary>
    public static Func<ProgrammeItemViewModel, bool> ItemsOf(ProgrammeSnapshot snapshot, int participantId)
    {
        var theirs = snapshot.Scheduled.Where(s => s.People.Contains(participantId)).Select(s => s.Id).ToHashSet();
        return item => theirs.Contains(item.Id);
    }
}
