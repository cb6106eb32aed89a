using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Localization;

namespace MissionPortal.Web.Features.Shared;

/// <summary>
/// The notices of the portal's journeys, one method per event: it finds who is told, and what they are told. Each
/// only adds to the context; the handler's save writes it with the change.
/// </summary>
public sealed class PortalNotices(PortalDbContext db, Notifier notifier)
{
    public Task CompanySignedUpAsync(PortalUser user, string company, CancellationToken ct) =>
        notifier.RaiseAsync(Notifier.CompanySignedUp, [user], l => new Notice(
            l["Регистрация компании «{0}» получена", company],
            [
                l["Компания «{0}» зарегистрирована на портале бизнес-миссий и ждёт проверки агентством.", company],
                l["Когда агентство проверит данные, решение придёт письмом и появится в списке уведомлений на портале."],
            ],
            l["Открыть портал"], "/"), ct);

    public async Task CompanyApprovedAsync(Organization company, CancellationToken ct) =>
        await notifier.RaiseAsync(Notifier.CompanyApproved, await notifier.CompanyPeopleAsync(company.Id, ct), l => new Notice(
            l["Компания «{0}» одобрена", company.Name],
            [l["Агентство проверило регистрацию компании «{0}». Теперь можно заполнить профиль и продукцию компании, подавать заявки на участие в бизнес-миссиях и B2B-встречах.", company.Name]],
            l["Открыть профиль компании"], "/company"), ct);

    public async Task CompanyDeclinedAsync(Organization company, string reason, CancellationToken ct) =>
        await notifier.RaiseAsync(Notifier.CompanyDeclined, await notifier.CompanyPeopleAsync(company.Id, ct), l => new Notice(
            l["Регистрация компании «{0}» отклонена", company.Name],
            [l["Агентство отклонило регистрацию компании «{0}».", company.Name], l["Причина: {0}", reason]],
            l["Открыть портал"], "/"), ct);

    public async Task JoinRequestDecidedAsync(PortalUser user, int organizationId, bool approved, CancellationToken ct)
    {
        var company = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Name).SingleAsync(ct);
        await notifier.RaiseAsync(Notifier.JoinRequestDecided, [user], l => approved
            ? new Notice(l["Вы присоединены к компании «{0}»", company],
                [l["Ваш запрос на присоединение к компании «{0}» одобрен: теперь вы работаете на портале от её имени.", company]],
                l["Открыть профиль компании"], "/company")
            : new Notice(l["Запрос на присоединение к компании «{0}» отклонён", company],
                [l["Ваш запрос на присоединение к компании «{0}» отклонён. Если это ошибка, свяжитесь с представителем компании или с агентством.", company]],
                l["Открыть портал"], "/"), ct);
    }

    public async Task ParticipantDecidedAsync(Participant person, int missionId, CancellationToken ct)
    {
        if (person.OrganizationId is not { } company || person.Status is not (ParticipantStatus.Approved or ParticipantStatus.Declined))
        {
            return;
        }

        var mission = await db.Missions.Where(m => m.Id == missionId).Select(m => m.Title).SingleAsync(ct);
        var approved = person.Status == ParticipantStatus.Approved;
        await notifier.RaiseAsync(Notifier.ParticipantDecided, await notifier.CompanyPeopleAsync(company, ct), l => new Notice(
            approved ? l["Участие подтверждено: {0}", person.ShortName] : l["Участие отклонено: {0}", person.ShortName],
            [approved
                ? l["Агентство подтвердило участие в миссии «{1}»: {0}.", person.ShortName, mission]
                : l["Агентство отклонило участие в миссии «{1}»: {0}.", person.ShortName, mission]],
            l["Открыть заявку"], $"/applications/{missionId}"), ct);
    }

    public async Task B2bRequestReceivedAsync(int sessionId, int fromOrganizationId, int toOrganizationId, string? message, CancellationToken ct)
    {
        var from = await CompanyNameAsync(fromOrganizationId, ct);
        await notifier.RaiseAsync(Notifier.B2bRequestReceived, await notifier.CompanyPeopleAsync(toOrganizationId, ct), l => new Notice(
            l["Запрос на B2B-встречу от компании {0}", from],
            message is null
                ? [l["Компания {0} просит о B2B-встрече. Примите или отклоните запрос на портале.", from]]
                : [l["Компания {0} просит о B2B-встрече. Примите или отклоните запрос на портале.", from], l["Сообщение: {0}", message]],
            l["Открыть B2B-сессию"], $"/b2b/{sessionId}"), ct);
    }

    public async Task B2bRequestAnsweredAsync(MeetingRequest request, bool accepted, CancellationToken ct)
    {
        var (from, to) = await PartiesAsync(request, ct);
        await notifier.RaiseAsync(Notifier.B2bRequestAnswered, await notifier.CompanyPeopleAsync(from.OrganizationId, ct), l => accepted
            ? new Notice(l["Компания {0} приняла запрос на B2B-встречу", to.Name],
                [l["Компания {0} приняла ваш запрос на B2B-встречу. Время и стол появятся в расписании, когда агентство его составит.", to.Name]],
                l["Открыть запрос"], $"/b2b/requests/{request.Id}")
            : new Notice(l["Компания {0} отклонила запрос на B2B-встречу", to.Name],
                [l["Компания {0} отклонила ваш запрос на B2B-встречу.", to.Name]],
                l["Открыть запрос"], $"/b2b/requests/{request.Id}"), ct);
    }

    /// <summary>Tells the other side of a cancelled meeting.</summary>
    public async Task B2bRequestCancelledAsync(MeetingRequest request, int cancelledBy, CancellationToken ct)
    {
        var (from, to) = await PartiesAsync(request, ct);
        var (who, other) = cancelledBy == request.FromId ? (from, to) : (to, from);
        await notifier.RaiseAsync(Notifier.B2bRequestCancelled, await notifier.CompanyPeopleAsync(other.OrganizationId, ct), l => new Notice(
            l["Компания {0} отменила B2B-встречу", who.Name],
            [l["Компания {0} отменила B2B-встречу с вами; время и стол освобождены.", who.Name]],
            l["Открыть запрос"], $"/b2b/requests/{request.Id}"), ct);
    }

    /// <summary>
    /// Tells each company of the session whose own schedule (its meetings' times, tables and counterparts) is new or
    /// differs from the one it was last told of. The version told is in the notice's once key, so a run that changes
    /// nothing for a company tells it nothing, and one version is never told twice.
    /// </summary>
    public async Task B2bSchedulePublishedAsync(B2bSession session, CancellationToken ct)
    {
        var companies = await db.B2bParticipations.Where(p => p.SessionId == session.Id)
            .Select(p => new { p.Id, p.OrganizationId, Name = p.Organization!.ShortName ?? p.Organization.Name }).ToListAsync(ct);
        var meetings = await db.B2bMeetings.Where(m => m.SessionId == session.Id)
            .Select(m => new { m.Start, m.End, m.Table, m.Request!.FromId, m.Request.ToId }).ToListAsync(ct);
        var prefix = string.Create(CultureInfo.InvariantCulture, $"b2b-schedule:{session.Id}:");
        var told = (await db.Notifications.Where(n => n.Kind == Notifier.B2bSchedulePublished && n.OnceKey != null && n.OnceKey.StartsWith(prefix))
                .Select(n => n.OnceKey!).ToListAsync(ct))
            .Select(k => k[prefix.Length..].Split(':'))
            .Where(k => k.Length >= 3)
            .Select(k => (Company: k[0], Version: int.Parse(k[1], CultureInfo.InvariantCulture), Hash: k[2]))
            .GroupBy(k => k.Company)
            .ToDictionary(g => g.Key, g => g.MaxBy(k => k.Version), StringComparer.Ordinal);
        var ids = companies.ToDictionary(c => c.Id, c => c.OrganizationId);
        var mission = await db.Missions.Where(m => m.Id == session.MissionId).Select(m => m.Title).SingleAsync(ct);
        var names = companies.ToDictionary(c => c.Id, c => c.Name);
        var day = await db.ProgrammeItems.Where(i => i.Id == session.ProgrammeItemId).Select(i => i.Date).SingleAsync(ct);
        var zone = await MissionZone.OfMissionAsync(db, session.MissionId, ct);
        foreach (var company in companies)
        {
            var own = meetings.Where(m => m.FromId == company.Id || m.ToId == company.Id)
                .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Start:HH:mm}-{m.End:HH:mm}/{m.Table}/{ids.GetValueOrDefault(m.FromId == company.Id ? m.ToId : m.FromId)}"))
                .Order(StringComparer.Ordinal).ToList();
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(';', own))))[..16];
            var key = company.OrganizationId.ToString(CultureInfo.InvariantCulture);
            var last = told.GetValueOrDefault(key);
            if (last.Hash == hash)
            {
                continue;
            }

            var changed = last.Hash is not null;
            var mine = meetings.Where(m => m.FromId == company.Id || m.ToId == company.Id).OrderBy(m => m.Start).ThenBy(m => m.Table).ToList();
            await notifier.RaiseAsync(Notifier.B2bSchedulePublished, await notifier.CompanyPeopleAsync(company.OrganizationId, ct), l => new Notice(
                changed ? l["Расписание B2B-встреч миссии «{0}» изменено", mission] : l["Опубликовано расписание B2B-встреч миссии «{0}»", mission],
                [
                    changed
                        ? l["Агентство изменило расписание B2B-встреч миссии «{0}». Встреч вашей компании в расписании: {1}.", mission, own.Count]
                        : l["Агентство составило расписание B2B-встреч миссии «{0}». Встреч вашей компании в расписании: {1}.", mission, own.Count],
                    .. mine.Count == 0 ? Array.Empty<string>() :
                    [
                        l["Ваши встречи {0} ({1}):", Formats.LongDate(day), zone.Label(l, zone.ToUtc(day, mine[0].Start))],
                        string.Join('\n', mine.Select(m => l["{0}–{1}, стол {2}: {3}", Formats.Time(m.Start), Formats.Time(m.End), m.Table,
                            names.GetValueOrDefault(m.FromId == company.Id ? m.ToId : m.FromId) ?? string.Empty].Value)),
                    ],
                    l["Время и стол каждой встречи — на странице расписания, там же файл для календаря."],
                ],
                l["Открыть расписание"], $"/b2b/{session.Id}/schedule"), ct,
                onceKey: string.Create(CultureInfo.InvariantCulture, $"{prefix}{key}:{last.Version + 1}:{hash}"));
        }
    }

    /// <summary>A programme sent to the ministry, returned to the agency with a comment, or approved.</summary>
    public async Task ProgrammeReviewedAsync(Mission mission, ReviewDecision decision, string? comment, CancellationToken ct)
    {
        var path = $"/programme/{mission.Id}";
        switch (decision)
        {
            case ReviewDecision.Submitted:
                await notifier.RaiseAsync(Notifier.ProgrammeSubmitted, await notifier.PeopleInRoleAsync(Roles.Ministry, ct), l => new Notice(
                    l["Программа миссии «{0}» ждёт согласования", mission.Title],
                    [l["Агентство отправило программу миссии «{0}» на согласование в министерство.", mission.Title]],
                    l["Открыть программу"], path), ct);
                break;
            case ReviewDecision.Approved:
                await notifier.RaiseAsync(Notifier.ProgrammeApproved, await notifier.PeopleInRoleAsync(Roles.Agency, ct), l => new Notice(
                    l["Программа миссии «{0}» согласована", mission.Title],
                    [l["Министерство согласовало программу миссии «{0}».", mission.Title]],
                    l["Открыть программу"], path), ct);
                break;
            default:
                await notifier.RaiseAsync(Notifier.ProgrammeReturned, await notifier.PeopleInRoleAsync(Roles.Agency, ct), l => new Notice(
                    l["Программа миссии «{0}» возвращена", mission.Title],
                    [l["Министерство вернуло программу миссии «{0}» на доработку.", mission.Title], l["Комментарий: {0}", comment ?? string.Empty]],
                    l["Открыть программу"], path), ct);
                break;
        }
    }

    private async Task<string> CompanyNameAsync(int organizationId, CancellationToken ct) =>
        await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.ShortName ?? o.Name).SingleAsync(ct);

    private async Task<(Party From, Party To)> PartiesAsync(MeetingRequest request, CancellationToken ct)
    {
        var parties = await db.B2bParticipations.Where(p => p.Id == request.FromId || p.Id == request.ToId)
            .Select(p => new Party(p.Id, p.OrganizationId, p.Organization!.ShortName ?? p.Organization.Name)).ToListAsync(ct);
        return (parties.Single(p => p.Id == request.FromId), parties.Single(p => p.Id == request.ToId));
    }

    private sealed record Party(int Id, int OrganizationId, string Name);
}
