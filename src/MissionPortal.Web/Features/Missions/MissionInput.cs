using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Missions;

namespace MissionPortal.Web.Features.Missions;

/// <summary>The mission form: kind, title, regions, dates and organisers with their roles.</summary>
public sealed class MissionInput
{
    public MissionKind? Kind { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public int? OriginRegionId { get; set; }

    public int? HostRegionId { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public List<OrganizerInput> Organizers { get; set; } = [];

    public Guid? Version { get; set; }
}

public sealed class OrganizerInput
{
    public int? OrganizationId { get; set; }

    public OrganizerRole Role { get; set; } = OrganizerRole.Organizer;
}

public sealed class MissionInputValidator : AbstractValidator<MissionInput>
{
    public MissionInputValidator(PortalDbContext db, IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Kind).NotNull().WithMessage(l["Выберите вид миссии."]).IsInEnum().WithMessage(l["Выберите вид миссии."]);
        RuleFor(x => x.Title)
            .NotEmpty().WithMessage(l["Укажите название."])
            .MaximumLength(400).WithMessage(l["Название не длиннее {0} символов.", 400]);
        RuleFor(x => x.Description).MaximumLength(4000).WithMessage(l["Описание не длиннее {0} символов.", 4000]);
        RuleFor(x => x.OriginRegionId).NotNull().WithMessage(l["Выберите регион делегации."])
            .MustAsync(async (id, ct) => id is null || await db.Regions.AnyAsync(r => r.Id == id, ct)).WithMessage(l["Такого региона нет."]);
        RuleFor(x => x.HostRegionId).NotNull().WithMessage(l["Выберите принимающий регион."])
            .MustAsync(async (id, ct) => id is null || await db.Regions.AnyAsync(r => r.Id == id, ct)).WithMessage(l["Такого региона нет."]);
        RuleFor(x => x.HostRegionId).NotEqual(x => x.OriginRegionId).When(x => x.OriginRegionId is not null)
            .WithMessage(l["Миссия межрегиональная: регионы должны различаться."]);
        RuleFor(x => x.StartDate).NotNull().WithMessage(l["Укажите дату начала."]);
        RuleFor(x => x.EndDate).NotNull().WithMessage(l["Укажите дату окончания."]);
        RuleFor(x => x.EndDate).GreaterThanOrEqualTo(x => x.StartDate).When(x => x.StartDate is not null && x.EndDate is not null)
            .WithMessage(l["Миссия не может закончиться раньше, чем начнётся."]);
        RuleFor(x => x).Must(x => x.StartDate is null || x.EndDate is null || x.EndDate.Value.DayNumber - x.StartDate.Value.DayNumber < 31)
            .WithName(nameof(MissionInput.EndDate)).OverridePropertyName(nameof(MissionInput.EndDate))
            .WithMessage(l["Миссия длится не больше месяца."]);
        RuleForEach(x => x.Organizers).ChildRules(o => o.RuleFor(x => x.Role).IsInEnum().WithMessage(l["Неизвестная роль организатора."]));
        RuleFor(x => x.Organizers).MustAsync(async (organizers, ct) =>
            {
                var ids = organizers.Where(o => o.OrganizationId is not null).Select(o => o.OrganizationId!.Value).Distinct().ToList();
                return await db.Organizations.CountAsync(o => ids.Contains(o.Id), ct) == ids.Count;
            })
            .WithMessage(l["Такой организации нет."]);
    }
}
