using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Infrastructure.Calendar;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.Web.Features.B2b;

/// <summary>A company's meetings as an iCalendar file, in the mission's host region's zone, like the programme's feeds.</summary>
public sealed class B2bCalendar(DemoNotice demo, IStringLocalizer<SharedResource> l)
{
    public byte[] Of(ScheduleViewModel schedule)
    {
        var zone = schedule.Session.Zone.Zone.Id;
        var calendar = IcsFile.Create(demo.Prefix($"{schedule.Session.Title} — {schedule.Company}"), zone, schedule.Session.Date);
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
                    : l["{0}, стол {1}", schedule.Session.Venue, meeting.Table],
                DtStart = new CalDateTime(schedule.Session.Date, meeting.Start, zone),
                DtEnd = new CalDateTime(schedule.Session.Date, meeting.End, zone),
                Sequence = meeting.Sequence,
                Categories = [l["B2B-встречи"]],
            });
        }

        return IcsFile.Bytes(calendar);
    }
}
