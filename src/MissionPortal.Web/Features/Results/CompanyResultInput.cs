using FluentValidation;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Domain.Results;

namespace MissionPortal.Web.Features.Results;

/// <summary>What a company (or the agency for it) enters after a mission.</summary>
public sealed class CompanyResultInput
{
    public int? ContactsMade { get; set; }

    public int? ContractsIntended { get; set; }

    public string? Notes { get; set; }

    /// <summary>The record's version when the form was opened; null for a first entry.</summary>
    public Guid? Version { get; set; }
}

public sealed class CompanyResultInputValidator : AbstractValidator<CompanyResultInput>
{
    public const int MaxNotes = 2000;

    public CompanyResultInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.ContactsMade)
            .NotNull().WithMessage(l["Укажите число деловых контактов (0, если их не было)."])
            .InclusiveBetween(0, CompanyResult.MaxCount).WithMessage(l["Число деловых контактов — от 0 до {0}.", CompanyResult.MaxCount]);
        RuleFor(x => x.ContractsIntended)
            .NotNull().WithMessage(l["Укажите число намеченных контрактов (0, если их нет)."])
            .InclusiveBetween(0, CompanyResult.MaxCount).WithMessage(l["Число намеченных контрактов — от 0 до {0}.", CompanyResult.MaxCount]);
        RuleFor(x => x.Notes)
            .MaximumLength(MaxNotes).WithMessage(l["Комментарий не длиннее {0} символов.", MaxNotes]);
    }
}
