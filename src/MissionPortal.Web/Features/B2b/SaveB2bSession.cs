using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Localization;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.B2b;

/// <summary>The agency sets up a session on a B2B programme item, or changes its settings.</summary>
public static class SaveB2bSession
{
    /// <summary>The session form: the time window, meeting length, pause, tables, breaks and when requests open and close (in the mission's host region's time).</summary>
    public sealed class Input
    {
        public TimeOnly? Start { get; set; }

        public TimeOnly? End { get; set; }

        public int? MeetingMinutes { get; set; }

        public int? PauseMinutes { get; set; }

        public int? Tables { get; set; }

        public DateTime? RequestsOpen { get; set; }

        public DateTime? RequestsClose { get; set; }

        public List<BreakInput> Breaks { get; set; } = [];

        public Guid? Version { get; set; }

        public IEnumerable<BreakInput> FilledBreaks => Breaks.Where(b => b.Start is not null || b.End is not null);

        /// <summary>The programme item's own time, which the session keeps inside (not bound from the form).</summary>
        internal TimeOnly ItemStart { get; set; } = TimeOnly.MinValue;

        internal TimeOnly ItemEnd { get; set; } = TimeOnly.MaxValue;

        /// <summary>The mission's zone the request window is typed in (not bound from the form).</summary>
        internal MissionZone Zone { get; set; } = MissionZone.Default;

        public static Input From(B2bSession session, MissionZone zone) => new()
        {
            Start = session.Start,
            End = session.End,
            MeetingMinutes = session.MeetingMinutes,
            PauseMinutes = session.PauseMinutes,
            Tables = session.Tables,
            RequestsOpen = zone.ToLocal(session.RequestsOpenUtc),
            RequestsClose = zone.ToLocal(session.RequestsCloseUtc),
            Breaks = [.. session.Breaks.Select(b => new BreakInput { Start = b.Start, End = b.End })],
            Version = session.Version,
            Zone = zone,
        };

        internal IReadOnlyList<MeetingSlot> Slots() =>
            SessionSettings.SlotsOf(Start!.Value, End!.Value, MeetingMinutes!.Value, PauseMinutes ?? 0, BreakPeriods());

        internal SessionSettings Settings() => new(
            Start!.Value,
            End!.Value,
            MeetingMinutes!.Value,
            PauseMinutes ?? 0,
            Tables!.Value,
            Zone.ToUtc(RequestsOpen!.Value),
            Zone.ToUtc(RequestsClose!.Value),
            BreakPeriods());

        private List<TimePeriod> BreakPeriods() => [.. FilledBreaks.Select(b => new TimePeriod(b.Start!.Value, b.End!.Value))];
    }

    public sealed class BreakInput
    {
        public TimeOnly? Start { get; set; }

        public TimeOnly? End { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Start).NotNull().WithMessage(l["Укажите начало сессии."]);
            RuleFor(x => x.End).NotNull().WithMessage(l["Укажите окончание сессии."])
                .GreaterThan(x => x.Start).When(x => x.Start is not null).WithMessage(l["Выберите окончание сессии позже её начала."]);
            RuleFor(x => x.MeetingMinutes).NotNull().WithMessage(l["Укажите длительность встречи."])
                .InclusiveBetween(B2bSession.ShortestMeeting, B2bSession.LongestMeeting)
                .WithMessage(l["Встреча длится от {0} до {1} минут.", B2bSession.ShortestMeeting, B2bSession.LongestMeeting]);
            RuleFor(x => x.PauseMinutes).InclusiveBetween(0, B2bSession.LongestPause)
                .WithMessage(l["Перерыв между встречами — от 0 до {0} минут.", B2bSession.LongestPause]);
            RuleFor(x => x.Tables).NotNull().WithMessage(l["Укажите число столов."])
                .InclusiveBetween(1, B2bSession.MostTables).WithMessage(l["Столов может быть от 1 до {0}.", B2bSession.MostTables]);
            RuleFor(x => x.RequestsOpen).NotNull().WithMessage(l["Укажите, когда открывается приём запросов."]);
            RuleFor(x => x.RequestsClose).NotNull().WithMessage(l["Укажите, когда закрывается приём запросов."])
                .GreaterThan(x => x.RequestsOpen).When(x => x.RequestsOpen is not null)
                .WithMessage(l["Выберите закрытие приёма запросов позже его открытия."]);
            RuleFor(x => x.FilledBreaks)
                .Must(breaks => breaks.All(b => b.Start is not null && b.End is not null && b.End > b.Start))
                .WithMessage(l["У перерыва укажите начало и окончание; окончание позже начала."])
                .OverridePropertyName("Breaks");
            RuleFor(x => x)
                .Must(x => x.FilledBreaks.All(b => b.Start is null || b.End is null || (b.Start >= x.Start && b.End <= x.End)))
                .When(x => x.Start is not null && x.End is not null)
                .OverridePropertyName("Breaks")
                .WithMessage(l["Перерывы должны быть внутри времени сессии."]);
            RuleFor(x => x.End)
                .Must((x, end) => x.Start is not { } start || end is not { } finish || (start >= x.ItemStart && finish <= x.ItemEnd))
                .WithMessage(x => l["Время сессии должно быть внутри пункта программы: {0}–{1}.", Formats.Time(x.ItemStart), Formats.Time(x.ItemEnd)]);
        }
    }

    public enum Outcome
    {
        Saved,

        /// <summary>The settings leave no room for a single meeting.</summary>
        NoSlots,

        /// <summary>Someone else saved the session first; <see cref="Result.Message"/> says what it is now.</summary>
        Stale,
    }

    public sealed record Result(Outcome Outcome, int Id, string Message, Guid? CurrentVersion = null);

    public sealed class Handler(PortalDbContext db, IStringLocalizer<SharedResource> l)
    {
        /// <summary>Creates the session of a programme item from a valid input.</summary>
        public async Task<Result> CreateAsync(int itemId, int missionId, Input input, CancellationToken ct)
        {
            if (NoSlots(input) is { } none)
            {
                return none;
            }

            var session = new B2bSession(itemId, missionId, input.Settings());
            db.B2bSessions.Add(session);
            await db.SaveChangesAsync(ct);
            return new Result(Outcome.Saved, session.Id, l["B2B-сессия создана: компании могут присоединяться и отправлять запросы."]);
        }

        /// <summary>Changes the settings of <paramref name="session"/> (tracked) from a valid input, against the version the form was opened on.</summary>
        public async Task<Result> EditAsync(B2bSession session, Input input, CancellationToken ct)
        {
            if (NoSlots(input) is { } none)
            {
                return none;
            }

            var id = session.Id;
            db.ExpectVersion(session, input.Version);
            session.Change(input.Settings());
            if (!await db.TrySaveAsync(ct))
            {
                var current = await db.B2bSessions.AsNoTracking().SingleAsync(s => s.Id == id, ct);
                return new Result(Outcome.Stale, id, l["Пока вы редактировали, сессию сохранил другой сотрудник: сейчас {0}–{1}, встреча {2} мин, столов {3}. Проверьте поля и сохраните ещё раз, чтобы записать вашу версию.",
                    Formats.Time(current.Start), Formats.Time(current.End), current.MeetingMinutes, current.Tables], current.Version);
            }

            return new Result(Outcome.Saved, id, l["Настройки сессии сохранены. Если сетка слотов изменилась, составьте расписание заново."]);
        }

        private Result? NoSlots(Input input) => input.Slots().Count == 0
            ? new Result(Outcome.NoSlots, 0, l["В такое окно не помещается ни одной встречи: удлините окно или сократите встречи и перерывы."])
            : null;
    }
}
