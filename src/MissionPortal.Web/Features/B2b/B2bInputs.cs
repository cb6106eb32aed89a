using FluentValidation;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data.Configurations;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.B2b;

/// <summary>The session form: the time window, meeting length, pause, tables, breaks and when requests open and close (Krasnoyarsk time).</summary>
public sealed class SessionInput
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
}

public sealed class BreakInput
{
    public TimeOnly? Start { get; set; }

    public TimeOnly? End { get; set; }
}

public sealed class SessionInputValidator : AbstractValidator<SessionInput>
{
    public SessionInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Start).NotNull().WithMessage(l["Укажите начало сессии."]);
        RuleFor(x => x.End).NotNull().WithMessage(l["Укажите окончание сессии."])
            .GreaterThan(x => x.Start).When(x => x.Start is not null).WithMessage(l["Сессия должна заканчиваться позже, чем начинается."]);
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
            .WithMessage(l["Приём запросов должен закрываться позже, чем открывается."]);
        RuleFor(x => x.FilledBreaks)
            .Must(breaks => breaks.All(b => b.Start is not null && b.End is not null && b.End > b.Start))
            .WithMessage(l["У перерыва укажите начало и окончание; окончание позже начала."])
            .OverridePropertyName("Breaks");
        RuleFor(x => x)
            .Must(x => x.FilledBreaks.All(b => b.Start is null || b.End is null || (b.Start >= x.Start && b.End <= x.End)))
            .When(x => x.Start is not null && x.End is not null)
            .OverridePropertyName("Breaks")
            .WithMessage(l["Перерывы должны быть внутри времени сессии."]);
    }
}

/// <summary>A company's entry in a session: what it offers and seeks, who meets, and the slots it keeps free of meetings.</summary>
public sealed class ParticipationInput
{
    public string? Offers { get; set; }

    public string? Needs { get; set; }

    public List<string> OfferCategories { get; set; } = [];

    public List<string> NeedCategories { get; set; } = [];

    /// <summary>Other categories or ОКПД2 codes, separated by commas or semicolons.</summary>
    public string? OtherOffers { get; set; }

    public string? OtherNeeds { get; set; }

    public string? ContactPerson { get; set; }

    public string? ContactPhone { get; set; }

    /// <summary>Start times of the slots the company takes as breaks.</summary>
    public List<TimeOnly> AwaySlots { get; set; } = [];

    public Guid? Version { get; set; }

    // A box posted empty binds as a null category: it names nothing.
    public IEnumerable<string> AllOffers => Chosen(OfferCategories).Concat(Split(OtherOffers));

    public IEnumerable<string> AllNeeds => Chosen(NeedCategories).Concat(Split(OtherNeeds));

    public static IEnumerable<string> Chosen(IEnumerable<string?> categories) =>
        categories.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim());

    private static IEnumerable<string> Split(string? text) =>
        (text ?? string.Empty).Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed class ParticipationInputValidator : AbstractValidator<ParticipationInput>
{
    public ParticipationInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Offers).MaximumLength(B2bParticipationConfiguration.TextLength)
            .WithMessage(l["Текст не длиннее {0} символов.", B2bParticipationConfiguration.TextLength]);
        RuleFor(x => x.Needs).MaximumLength(B2bParticipationConfiguration.TextLength)
            .WithMessage(l["Текст не длиннее {0} символов.", B2bParticipationConfiguration.TextLength]);
        RuleFor(x => x)
            .Must(x => !string.IsNullOrWhiteSpace(x.Offers) || !string.IsNullOrWhiteSpace(x.Needs) || x.AllOffers.Any() || x.AllNeeds.Any())
            .OverridePropertyName("Offers")
            .WithMessage(l["Расскажите, что компания предлагает или ищет: текстом или категориями."]);
        RuleFor(x => x.AllOffers.Concat(x.AllNeeds))
            .Must(c => c.All(x => x.Length <= 100) && c.Count() <= 40)
            .WithMessage(l["Не больше 40 категорий, каждая не длиннее 100 символов."])
            .OverridePropertyName("OtherOffers");
        RuleFor(x => x.ContactPerson).NotEmpty().WithMessage(l["Укажите, кто будет на встречах от компании."])
            .MaximumLength(200).WithMessage(l["Имя не длиннее {0} символов.", 200]);
        RuleFor(x => x.ContactPhone).OptionalRussianPhone(l);
    }
}

public sealed class SendRequestInput
{
    public int? ToId { get; set; }

    public string? Message { get; set; }
}

public sealed class SendRequestInputValidator : AbstractValidator<SendRequestInput>
{
    public SendRequestInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.ToId).NotNull().WithMessage(l["Выберите компанию."]);
        RuleFor(x => x.Message).MaximumLength(MeetingRequestConfiguration.MessageLength)
            .WithMessage(l["Сообщение не длиннее {0} символов.", MeetingRequestConfiguration.MessageLength]);
    }
}

public sealed class MoveMeetingInput
{
    public TimeOnly? Start { get; set; }

    public int? Table { get; set; }
}

public sealed class RunSchedulerInput
{
    public bool KeepManual { get; set; }
}

public sealed class OutcomeInput
{
    public bool TookPlace { get; set; }

    public bool ContactMade { get; set; }

    public bool FollowUpAgreed { get; set; }

    public bool ContractIntended { get; set; }

    public OutcomeMarks Marks => new(TookPlace, ContactMade, FollowUpAgreed, ContractIntended);
}
