using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Notifications;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Mail;

namespace MissionPortal.Web.Features.Shared;

/// <summary>What a notice says, in the recipient's language, and the portal page it leads to.</summary>
public sealed record Notice(string Subject, IReadOnlyList<string> Paragraphs, string ActionText, string Path);

/// <summary>A kind of notice, the role whose people receive it and its name on the preferences page (a Russian key).</summary>
public sealed record NoticeKind(string Kind, string Label, IReadOnlyList<string> Roles);

/// <summary>A file sent with a notice's e-mail (a calendar).</summary>
public sealed record NoticeAttachment(string Name, string ContentType, byte[] Content);

/// <summary>
/// Raises notices: for every recipient an entry in their list in the portal and, unless they switched the kind off,
/// an e-mail in the outbox, both written in the recipient's language. Nothing is saved here: the caller's
/// SaveChanges writes the notices in the same transaction as the change they tell about.
/// </summary>
public sealed class Notifier(PortalDbContext db, MailComposer mail, UnreadNotices unread, TimeProvider clock)
{
    public const string CompanySignedUp = "company-signed-up";
    public const string CompanyApproved = "company-approved";
    public const string CompanyDeclined = "company-declined";
    public const string JoinRequestDecided = "join-request-decided";
    public const string ParticipantDecided = "participant-decided";
    public const string B2bRequestReceived = "b2b-request-received";
    public const string B2bRequestAnswered = "b2b-request-answered";
    public const string B2bRequestCancelled = "b2b-request-cancelled";
    public const string B2bSchedulePublished = "b2b-schedule-published";
    public const string ProgrammeSubmitted = "programme-submitted";
    public const string ProgrammeChanged = "programme-changed";
    public const string ProgrammeReturned = "programme-returned";
    public const string ProgrammeApproved = "programme-approved";
    public const string MissionEve = "mission-eve";

    /// <summary>Every kind a person can switch off, in the order of the preferences page.</summary>
    public static readonly IReadOnlyList<NoticeKind> Kinds =
    [
        new(CompanySignedUp, "Регистрация компании получена", [Roles.Company]),
        new(CompanyApproved, "Компания одобрена", [Roles.Company]),
        new(CompanyDeclined, "Регистрация компании отклонена", [Roles.Company]),
        new(JoinRequestDecided, "Решение по запросу на присоединение к компании", [Roles.Company]),
        new(ParticipantDecided, "Участник одобрен или отклонён", [Roles.Company]),
        new(B2bRequestReceived, "Получен запрос на B2B-встречу", [Roles.Company]),
        new(B2bRequestAnswered, "Запрос на B2B-встречу принят или отклонён", [Roles.Company]),
        new(B2bRequestCancelled, "B2B-встреча отменена", [Roles.Company]),
        new(B2bSchedulePublished, "Опубликовано расписание B2B-встреч", [Roles.Company]),
        new(ProgrammeSubmitted, "Программа отправлена на согласование", [Roles.Ministry]),
        new(ProgrammeChanged, "Согласованная программа изменена", [Roles.Ministry]),
        new(ProgrammeReturned, "Программа возвращена с комментарием", [Roles.Agency]),
        new(ProgrammeApproved, "Программа согласована", [Roles.Agency]),
        new(MissionEve, "Программа участника накануне миссии", [Roles.Company, Roles.Agency, Roles.Ministry]),
    ];

    /// <summary>
    /// Adds the notice for every recipient. A background job gives <paramref name="onceKey"/>: with the recipient's id it
    /// becomes a unique key on the notice and its e-mail, so a second writer's insert fails.
    /// </summary>
    public async Task RaiseAsync(
        string kind, IEnumerable<PortalUser> recipients, Func<IStringLocalizer, Notice> build, CancellationToken ct,
        string? onceKey = null, NoticeAttachment? attachment = null)
    {
        var people = recipients.DistinctBy(u => u.Id).ToList();
        if (people.Count == 0)
        {
            return;
        }

        var ids = people.Select(u => u.Id).ToList();
        var off = (await db.NotificationOptOuts.Where(o => o.Kind == kind && ids.Contains(o.UserId)).Select(o => o.UserId).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var user in people)
        {
            Notice? notice = null;
            var message = mail.Compose(kind, user.Language, user.Email ?? string.Empty, user.DisplayName, l =>
            {
                notice = build(l);
                var greeting = string.IsNullOrWhiteSpace(user.DisplayName) ? l["Здравствуйте!"] : l["Здравствуйте, {0}!", user.DisplayName];
                return new MailContent(notice.Subject, greeting, notice.Paragraphs, new MailAction(notice.ActionText, mail.Links.Absolute(notice.Path)),
                    l["Какие уведомления приходят на почту, можно выбрать в учётной записи: {0}", mail.Links.Absolute("/notifications/settings")]);
            });
            var entry = new Notification(user.Id, kind, notice!.Subject, notice.Path, now);
            unread.Forget(user.Id);
            db.Notifications.Add(onceKey is null ? entry : entry.Once($"{onceKey}:{user.Id}"));
            if (!off.Contains(user.Id) && !string.IsNullOrWhiteSpace(user.Email))
            {
                if (onceKey is not null)
                {
                    message.Once($"{onceKey}:{user.Id}");
                }

                if (attachment is not null)
                {
                    message.WithAttachment(attachment.Name, attachment.ContentType, attachment.Content);
                }

                db.OutboxMessages.Add(message);
            }
        }
    }

    /// <summary>The active accounts of a company.</summary>
    public async Task<List<PortalUser>> CompanyPeopleAsync(int organizationId, CancellationToken ct)
    {
        var people = await db.Users.Where(u => u.OrganizationId == organizationId).ToListAsync(ct);
        return Active(people);
    }

    /// <summary>The active accounts in a role (the ministry's officials, the agency's planners).</summary>
    public async Task<List<PortalUser>> PeopleInRoleAsync(string role, CancellationToken ct)
    {
        var people = await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where r.Name == role
                            select u).ToListAsync(ct);
        return Active(people);
    }

    /// <summary>Locked accounts hear nothing (compared here: SQLite cannot compare the lockout's DateTimeOffset).</summary>
    private List<PortalUser> Active(List<PortalUser> people)
    {
        var now = clock.GetUtcNow();
        return people.Where(u => u.LockoutEnd is null || u.LockoutEnd < now).ToList();
    }
}
