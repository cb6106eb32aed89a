using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Missions;

/// <summary>A new mission with its two delegations, or the edited one saved against the version its form was opened on.</summary>
public static class SaveMission
{
    /// <summary>The mission form: kind, title, regions, dates and organisers with their roles.</summary>
    public sealed class Input
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

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(PortalDbContext db, IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Kind).NotNull().WithMessage(l["Выберите вид миссии."]).IsInEnum().WithMessage(l["Выберите вид миссии."]);
            RuleFor(x => x.Title)
                .NotEmpty().WithMessage(l["Укажите название."])
                .MaximumLength(400).WithMessage(l["Сократите название до {0} символов.", 400]);
            RuleFor(x => x.Description).MaximumLength(4000).WithMessage(l["Сократите описание до {0} символов.", 4000]);
            RuleFor(x => x.OriginRegionId).NotNull().WithMessage(l["Выберите регион делегации."])
                .MustAsync(async (id, ct) => id is null || await db.Regions.AnyAsync(r => r.Id == id, ct)).WithMessage(l["Выберите регион из списка."]);
            RuleFor(x => x.HostRegionId).NotNull().WithMessage(l["Выберите принимающий регион."])
                .MustAsync(async (id, ct) => id is null || await db.Regions.AnyAsync(r => r.Id == id, ct)).WithMessage(l["Выберите регион из списка."]);
            RuleFor(x => x.HostRegionId).NotEqual(x => x.OriginRegionId).When(x => x.OriginRegionId is not null)
                .WithMessage(l["Выберите принимающий регион, отличный от региона делегации: миссия межрегиональная."]);
            RuleFor(x => x.StartDate).NotNull().WithMessage(l["Укажите дату начала."]);
            RuleFor(x => x.EndDate).NotNull().WithMessage(l["Укажите дату окончания."]);
            RuleFor(x => x.EndDate).GreaterThanOrEqualTo(x => x.StartDate).When(x => x.StartDate is not null && x.EndDate is not null)
                .WithMessage(l["Выберите дату окончания не раньше даты начала."]);
            RuleFor(x => x).Must(x => x.StartDate is null || x.EndDate is null || x.EndDate.Value.DayNumber - x.StartDate.Value.DayNumber < 31)
                .WithName(nameof(Input.EndDate)).OverridePropertyName(nameof(Input.EndDate))
                .WithMessage(l["Выберите дату окончания не позже чем через месяц после начала."]);
            RuleForEach(x => x.Organizers).ChildRules(o => o.RuleFor(x => x.Role).IsInEnum().WithMessage(l["Выберите роль организатора из списка."]));
            RuleFor(x => x.Organizers).MustAsync(async (organizers, ct) =>
                {
                    var ids = organizers.Where(o => o.OrganizationId is not null).Select(o => o.OrganizationId!.Value).Distinct().ToList();
                    return await db.Organizations.CountAsync(o => ids.Contains(o.Id), ct) == ids.Count;
                })
                .WithMessage(l["Выберите организацию из списка."]);
        }
    }

    public enum Outcome
    {
        Saved,
        NotFound,
        Stale,
    }

    public sealed class Handler(PortalDbContext db)
    {
        /// <summary>The outcome and the mission: as saved, or as someone else saved it first (untracked).</summary>
        public async Task<(Outcome Outcome, Mission? Mission)> HandleAsync(int? id, Input input, CancellationToken ct)
        {
            if (id is null)
            {
                var created = new Mission(input.Kind!.Value, input.Title!.Trim(), input.OriginRegionId!.Value, input.HostRegionId!.Value, input.StartDate!.Value, input.EndDate!.Value)
                    .Describe(FormText.Blank(input.Description));
                created.ReplaceOrganizers(Organizers(input));
                var origin = await db.Regions.Where(r => r.Id == input.OriginRegionId).Select(r => r.Name).SingleAsync(ct);
                created.AddDelegation(origin, DelegationSide.Visiting);
                created.AddDelegation("Принимающая сторона", DelegationSide.Host);
                db.Missions.Add(created);
                await db.SaveChangesAsync(ct);
                return (Outcome.Saved, created);
            }

            var mission = await db.Missions.Include(m => m.Organizers).SingleOrDefaultAsync(m => m.Id == id, ct);
            if (mission is null)
            {
                return (Outcome.NotFound, null);
            }

            db.ExpectVersion(mission, input.Version);
            mission.UpdateDetails(input.Kind!.Value, input.Title!.Trim(), FormText.Blank(input.Description), input.OriginRegionId!.Value, input.HostRegionId!.Value, input.StartDate!.Value, input.EndDate!.Value);
            mission.ReplaceOrganizers(Organizers(input));
            return await db.TrySaveAsync(ct)
                ? (Outcome.Saved, mission)
                : (Outcome.Stale, await db.Missions.AsNoTracking().SingleAsync(m => m.Id == id, ct));
        }

        private static IEnumerable<(int, OrganizerRole)> Organizers(Input input) =>
            input.Organizers.Where(o => o.OrganizationId is not null).Select(o => (o.OrganizationId!.Value, o.Role));
    }
}
