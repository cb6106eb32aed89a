using MissionPortal.Core.Domain.Agreements;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.Web.Infrastructure.Localization;

/// <summary>The Russian name of every enum value shown to users; the localizer turns it into English.</summary>
public static class EnumText
{
    private static readonly Dictionary<Enum, string> Names = new()
    {
        [B2bSide.Host] = "Принимающая компания",
        [B2bSide.Guest] = "Гость миссии",
        [MeetingRequestStatus.Pending] = "Ожидает ответа",
        [MeetingRequestStatus.Accepted] = "Принят",
        [MeetingRequestStatus.Declined] = "Отклонён",
        [MeetingRequestStatus.Cancelled] = "Встреча отменена",
        [MissionKind.TradeEconomic] = "Торгово-экономическая миссия",
        [MissionKind.CulturalBusiness] = "Культурно-деловой визит",
        [MissionKind.BusinessMission] = "Бизнес-миссия",
        [MissionKind.Official] = "Официальный визит",
        [MissionStatus.Draft] = "Черновик",
        [MissionStatus.Submitted] = "На согласовании",
        [MissionStatus.Approved] = "Согласована",
        [MissionStatus.Running] = "Проходит",
        [MissionStatus.Completed] = "Завершена",
        [MissionStatus.Cancelled] = "Отменена",
        [OrganizerRole.Organizer] = "Организатор",
        [OrganizerRole.Supporter] = "При поддержке",
        [DelegationSide.Visiting] = "Делегация",
        [DelegationSide.Host] = "Принимающая сторона",
        [DelegationRole.Head] = "Глава делегации",
        [DelegationRole.DeputyHead] = "Заместитель главы делегации",
        [DelegationRole.Member] = "Участник",
        [DelegationRole.Official] = "Официальное лицо",
        [DelegationRole.Staff] = "Сотрудник",
        [ParticipantStatus.Pending] = "Ожидает подтверждения",
        [ParticipantStatus.Approved] = "Подтверждён",
        [ParticipantStatus.Declined] = "Отклонён",
        [ParticipantStatus.Withdrawn] = "Отозван компанией",
        [PersonalDataBasis.OwnConsentAtSignUp] = "Согласие самого человека при регистрации на портале",
        [PersonalDataBasis.ConsentCollectedBySender] = "Согласие собрано направляющей стороной (регионом, организацией)",
        [PersonalDataBasis.ConsentInPerson] = "Согласие дано лично (письменно, хранится в агентстве)",
        [OrganizationKind.Company] = "Компания",
        [OrganizationKind.Authority] = "Орган власти",
        [OrganizationKind.HostEnterprise] = "Принимающее предприятие",
        [OrganizationKind.Institution] = "Учреждение",
        [OrganizationKind.Cluster] = "Кластер",
        [OrganizationKind.Agency] = "Агентство",
        [OrganizationKind.Association] = "Объединение, ассоциация",
        [OrganizationKind.Media] = "СМИ",
        [OrganizationStatus.Pending] = "На проверке",
        [OrganizationStatus.Approved] = "Подтверждена",
        [OrganizationStatus.Rejected] = "Отклонена",
        [OrganizationStatus.Merged] = "Объединена с другой",
        [FederalDistrict.Central] = "Центральный",
        [FederalDistrict.NorthWestern] = "Северо-Западный",
        [FederalDistrict.Southern] = "Южный",
        [FederalDistrict.NorthCaucasian] = "Северо-Кавказский",
        [FederalDistrict.Volga] = "Приволжский",
        [FederalDistrict.Ural] = "Уральский",
        [FederalDistrict.Siberian] = "Сибирский",
        [FederalDistrict.FarEastern] = "Дальневосточный",
        [ProgrammeItemKind.Presentation] = "Презентация",
        [ProgrammeItemKind.B2BSession] = "B2B-встречи",
        [ProgrammeItemKind.SiteVisit] = "Выезд на предприятие",
        [ProgrammeItemKind.Meeting] = "Встреча",
        [ProgrammeItemKind.Ceremony] = "Церемония",
        [ProgrammeItemKind.Conference] = "Конференция",
        [ProgrammeItemKind.RoundTable] = "Круглый стол",
        [ProgrammeItemKind.Signing] = "Подписание",
        [ProgrammeItemKind.Transfer] = "Трансфер",
        [ProgrammeItemKind.Break] = "Перерыв",
        [ProgrammeChangeKind.Added] = "Добавлен",
        [ProgrammeChangeKind.Removed] = "Удалён",
        [ProgrammeChangeKind.Moved] = "Перенесён",
        [ProgrammeChangeKind.Changed] = "Изменён",
        [ReviewDecision.Submitted] = "Отправлена на согласование",
        [ReviewDecision.Approved] = "Согласована",
        [ReviewDecision.Returned] = "Возвращена",
        [AgreementKind.Intergovernmental] = "Межправительственное",
        [AgreementKind.Interregional] = "Межрегиональное",
        [AgreementKind.CompanyContract] = "Договор компании",
        [AgreementKind.Memorandum] = "Меморандум",
        [AgreementStatus.Draft] = "Проект",
        [AgreementStatus.Negotiation] = "Согласование",
        [AgreementStatus.Signed] = "Подписано",
        [AgreementStatus.InForce] = "Действует",
        [AgreementStatus.Fulfilled] = "Исполнено",
        [CooperationAreas.TradeEconomic] = "Торгово-экономическое",
        [CooperationAreas.ScientificTechnical] = "Научно-техническое",
        [CooperationAreas.Cultural] = "Культурное",
        [CooperationAreas.Healthcare] = "Здравоохранение",
        [CooperationAreas.Education] = "Образование",
        [CooperationAreas.Tourism] = "Туризм",
        [CooperationAreas.Industrial] = "Промышленность",
    };

    public static IEnumerable<Type> Types => Names.Keys.Select(k => k.GetType()).Distinct();

    public static string Of(Enum value) =>
        Names.TryGetValue(value, out var name) ? name : value.ToString();
}
