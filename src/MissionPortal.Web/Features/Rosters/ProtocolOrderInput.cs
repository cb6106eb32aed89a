using FluentValidation;
using Microsoft.Extensions.Localization;

namespace MissionPortal.Web.Features.Rosters;

/// <summary>The precedence numbers the agency sets on a delegation's roster, one per person.</summary>
public sealed class ProtocolOrderInput
{
    public List<ProtocolOrderLineInput> People { get; set; } = [];
}

public sealed class ProtocolOrderLineInput
{
    public int ParticipantId { get; set; }

    public int? Order { get; set; }

    /// <summary>The person's version when the roster was opened: a change saved meanwhile is not overwritten silently.</summary>
    public Guid? Version { get; set; }
}

public sealed class ProtocolOrderInputValidator : AbstractValidator<ProtocolOrderInput>
{
    public const int MaxOrder = 9999;

    public ProtocolOrderInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.People).NotEmpty().WithMessage(l["В списке никого нет."]);
        RuleFor(x => x.People)
            .Must(p => p.Select(x => x.ParticipantId).Distinct().Count() == p.Count)
            .WithMessage(l["Один человек указан в списке дважды."]);
        RuleForEach(x => x.People).ChildRules(line =>
        {
            line.RuleFor(x => x.Order)
                .NotNull().WithMessage(l["Укажите порядковый номер у каждого человека."])
                .InclusiveBetween(1, MaxOrder).WithMessage(l["Порядковый номер — целое число от 1 до {0}.", MaxOrder]);
        });
    }
}
