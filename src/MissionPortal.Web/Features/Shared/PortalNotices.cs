using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Core.Security;

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
                l["Когда агентство проверит данные, мы сообщим о решении письмом и в списке уведомлений на портале."],
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
            approved ? l["Участник {0} одобрен", person.FullName] : l["Участник {0} отклонён", person.FullName],
            [approved
                ? l["Агентство одобрило участие {0} в миссии «{1}».", person.FullName, mission]
                : l["Агентство отклонило участие {0} в миссии «{1}».", person.FullName, mission]],
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

    public async Task B2bSchedulePublishedAsync(B2bSession session, CancellationToken ct)
    {
        var companies = await db.B2bParticipations.Where(p => p.SessionId == session.Id).Select(p => p.OrganizationId).Distinct().ToListAsync(ct);
        var people = new List<PortalUser>();
        foreach (var company in companies)
        {
            people.AddRange(await notifier.CompanyPeopleAsync(company, ct));
        }

        await notifier.RaiseAsync(Notifier.B2bSchedulePublished, people, l => new Notice(
            l["Опубликовано расписание B2B-встреч"],
            [l["Агентство составило расписание B2B-встреч: время и стол каждой вашей встречи — на странице расписания, там же файл для календаря."]],
            l["Открыть расписание"], $"/b2b/{session.Id}/schedule"), ct);
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
