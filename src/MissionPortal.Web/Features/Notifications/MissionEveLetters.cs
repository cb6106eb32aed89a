using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Localization;
using MissionPortal.Web.Infrastructure.Mail;

namespace MissionPortal.Web.Features.Notifications;

/// <summary>
/// The day before a mission that is going ahead — its programme approved by the ministry, or the mission already
/// running — (from <see cref="NotificationOptions.EveHour"/> on the host region's clock), each approved participant with an e-mail gets their own programme with the calendar file attached. Each letter carries a unique
/// key (mission and participant): written once, it is never queued again, whichever instance or run tries.
/// </summary>
public sealed class MissionEveLetters(
    PortalDbContext db,
    ProgrammeQueries programme,
    ProgrammeCalendar calendar,
    Notifier notifier,
    MailComposer mail,
    TimeProvider clock,
    IOptions<NotificationOptions> options,
    ILogger<MissionEveLetters> logger)
{
    public static string KeyOf(int missionId, int participantId) => string.Create(CultureInfo.InvariantCulture, $"mission-eve:{missionId}:{participantId}");

    /// <summary>Queues the letters due now; returns how many this run queued.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var missions = await db.Missions.AsNoTracking()
            .Where(m => (m.Status == MissionStatus.Approved || m.Status == MissionStatus.Running) && m.StartDate >= today && m.StartDate <= today.AddDays(2))
            .Select(m => new EveMission(m.Id, m.Title, m.StartDate, m.EndDate, m.CalendarToken, m.HostRegion!.TimeZoneId, m.HostRegion.Name))
            .ToListAsync(ct);
        var queued = 0;
        foreach (var mission in missions)
        {
            var local = HostCalendar.Now(clock, HostCalendar.Zone(mission.TimeZoneId));
            if (DateOnly.FromDateTime(local.DateTime).AddDays(1) == mission.StartDate && local.Hour >= options.Value.EveHour)
            {
                queued += await QueueAsync(mission, ct);
            }
        }

        return queued;
    }

    private async Task<int> QueueAsync(EveMission mission, CancellationToken ct)
    {
        var people = await db.Participants.AsNoTracking()
            .Where(p => p.Delegation!.MissionId == mission.Id && p.Status == ParticipantStatus.Approved && p.Email != null && p.Email != string.Empty)
            .Select(p => new { p.Id, Email = p.Email!, p.Surname, p.GivenName, p.Patronymic })
            .ToListAsync(ct);
        var prefix = $"mission-eve:{mission.Id}:";
        var written = await db.OutboxMessages.AsNoTracking().Where(o => o.OnceKey != null && o.OnceKey.StartsWith(prefix)).Select(o => o.OnceKey!)
            .Concat(db.Notifications.AsNoTracking().Where(n => n.OnceKey != null && n.OnceKey.StartsWith(prefix)).Select(n => n.OnceKey!))
            .ToListAsync(ct);
        var done = written.Select(k => k[prefix.Length..].Split(':')[0]).ToHashSet(StringComparer.Ordinal);
        people.RemoveAll(p => done.Contains(p.Id.ToString(CultureInfo.InvariantCulture)));
        if (people.Count == 0)
        {
            return 0;
        }

        var emails = people.Select(p => p.Email.Trim().ToUpperInvariant()).ToList();
        var accounts = (await db.Users.AsNoTracking().Where(u => u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail)).ToListAsync(ct))
            .ToDictionary(u => u.NormalizedEmail!, StringComparer.Ordinal);
        var snapshot = await programme.LoadAsync(mission.Id, mission.StartDate, mission.EndDate, ct);
        var zone = MissionZone.Of(mission.HostRegionName, mission.TimeZoneId);
        var queued = 0;
        foreach (var person in people)
        {
            var name = PersonName.Full(person.Surname, person.GivenName, person.Patronymic);
            var items = ProgrammeCalendar.ItemsOf(snapshot, person.Id);
            var lines = snapshot.Items.Where(items).OrderBy(i => i.Date).ThenBy(i => i.Start)
                .Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Date:dd.MM} {Formats.Time(i.Start)}–{Formats.Time(i.End)} {i.Title}")
                             + (i.Venue is null ? string.Empty : $" — {i.Venue}, {i.VenueCity}"))
                .ToList();
            var attachment = new NoticeAttachment(
                string.Create(CultureInfo.InvariantCulture, $"mission-{mission.Id}-participant-{person.Id}.ics"), ProgrammeCalendar.ContentType,
                calendar.Build($"{mission.Title} — {name}", mission.TimeZoneId, snapshot, items));
            var path = $"/calendar/{mission.CalendarToken}/participant/{person.Id.ToString(CultureInfo.InvariantCulture)}.ics";
            Notice Letter(IStringLocalizer l) => new(
                l["Завтра начинается миссия «{0}»: ваша программа", mission.Title],
                [
                    l["Завтра, {0}, начинается миссия «{1}». Ниже — ваша программа ({2}).", Formats.LongDate(mission.StartDate), mission.Title, zone.Label(l, zone.ToUtc(mission.StartDate, TimeOnly.MinValue))],
                    lines.Count == 0 ? l["Мероприятий с вашим участием в программе пока нет."] : string.Join('\n', lines),
                    l["Файл календаря приложен к письму: откройте его, чтобы добавить программу в свой календарь."],
                ],
                l["Подписаться на календарь программы"], path);

            var key = KeyOf(mission.Id, person.Id);
            if (accounts.TryGetValue(person.Email.Trim().ToUpperInvariant(), out var account))
            {
                await notifier.RaiseAsync(Notifier.MissionEve, [account], Letter, ct, key, attachment);
            }
            else
            {
                db.OutboxMessages.Add(mail.Compose(Notifier.MissionEve, null, person.Email.Trim(), name, l =>
                    {
                        var letter = Letter(l);
                        return new MailContent(letter.Subject, l["Здравствуйте, {0}!", PersonName.Address(person.GivenName, person.Patronymic)], letter.Paragraphs, new MailAction(letter.ActionText, mail.Links.Absolute(letter.Path)));
                    })
                    .Once(key)
                    .WithAttachment(attachment.Name, attachment.ContentType, attachment.Content));
            }

            try
            {
                await db.SaveChangesAsync(ct);
                queued++;
            }
            catch (DbUpdateException)
            {
                // Another instance queued this letter first: its unique key keeps one.
                db.ChangeTracker.Clear();
                logger.LogInformation("Day-before letter {Key} already queued elsewhere", key);
            }
        }

        return queued;
    }

    private sealed record EveMission(int Id, string Title, DateOnly StartDate, DateOnly EndDate, string CalendarToken, string? TimeZoneId, string HostRegionName);
}
