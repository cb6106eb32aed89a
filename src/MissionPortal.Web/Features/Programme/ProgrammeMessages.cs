using Microsoft.Extensions.Localization;
using MissionPortal.Core.Domain.Missions;

namespace MissionPortal.Web.Features.Programme;

/// <summary>
/// The programme's rules said once, in the user's language: the item form's validator, the move and the approval
/// say the same thing in the same words.
/// </summary>
public static class ProgrammeMessages
{
    public static string DateRequired(IStringLocalizer l) => l["Укажите дату."];

    public static string StartRequired(IStringLocalizer l) => l["Укажите время начала."];

    public static string OutsideMissionDates(IStringLocalizer l, DateOnly date, DateOnly startDate, DateOnly endDate) =>
        l["Выберите дату с {1:dd.MM.yyyy} по {2:dd.MM.yyyy}: {0:dd.MM.yyyy} — вне дат миссии.", date.ToDateTime(TimeOnly.MinValue), startDate.ToDateTime(TimeOnly.MinValue), endDate.ToDateTime(TimeOnly.MinValue)];

    /// <summary>Why the mission refused a step; <paramref name="date"/> is the day asked for, where the step had one.</summary>
    public static string Of(IStringLocalizer l, ProgrammeRefusal refusal, Mission mission, DateOnly? date = null) => refusal switch
    {
        ProgrammeRefusal.OutsideMissionDates => OutsideMissionDates(l, date ?? mission.StartDate, mission.StartDate, mission.EndDate),
        ProgrammeRefusal.RunsPastMidnight => l["Пункт не может заканчиваться после полуночи."],
        ProgrammeRefusal.ReturnWithoutComment => l["Укажите, что нужно исправить."],
        ProgrammeRefusal.CommentTooLong => l["Сократите комментарий до {0} символов.", Mission.ReviewCommentLength],
        ProgrammeRefusal.CannotSubmit => l["Программу с таким статусом нельзя отправить на согласование."],
        ProgrammeRefusal.CannotApprove => l["Согласовать можно программу, отправленную на согласование или изменённую после согласования."],
        ProgrammeRefusal.CannotReturn => l["Вернуть можно только программу на согласовании."],
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, null),
    };
}
