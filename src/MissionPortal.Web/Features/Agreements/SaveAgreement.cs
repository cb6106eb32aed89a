using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Agreements;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Agreements;

/// <summary>Adds an agreement to the registry or edits one: title, kind, areas, parties, signatories, and where it was signed.</summary>
public static class SaveAgreement
{
    public const int TitleLength = 600;

    public sealed class Input
    {
        public string? Title { get; set; }

        public AgreementKind? Kind { get; set; }

        public List<CooperationAreas> Areas { get; set; } = [];

        public List<int> PartyIds { get; set; } = [];

        public List<SignatoryInput> Signatories { get; set; } = [];

        public int? MissionId { get; set; }

        public int? ProgrammeItemId { get; set; }

        public Guid? Version { get; set; }

        /// <summary>Rows the user filled in; empty rows of the form are left out.</summary>
        public IEnumerable<SignatoryInput> FilledSignatories => Signatories.Where(s => !s.IsBlank);

        public CooperationAreas AreaFlags => Areas.Aggregate(CooperationAreas.None, (all, area) => all | area);

        public static Input From(Agreement agreement) => new()
        {
            Title = agreement.Title,
            Kind = agreement.Kind,
            Areas = Enum.GetValues<CooperationAreas>().Where(a => a != CooperationAreas.None && agreement.Areas.HasFlag(a)).ToList(),
            PartyIds = agreement.Parties.OrderBy(p => p.Order).Select(p => p.OrganizationId).ToList(),
            Signatories = agreement.Signatories.OrderBy(s => s.Id).Select(s => new SignatoryInput
            {
                Surname = s.Surname,
                GivenName = s.GivenName,
                Patronymic = s.Patronymic,
                Position = s.Position,
                OrganizationId = s.OrganizationId,
            }).ToList(),
            MissionId = agreement.MissionId,
            ProgrammeItemId = agreement.ProgrammeItemId,
            Version = agreement.Version,
        };
    }

    public sealed class SignatoryInput
    {
        public string? Surname { get; set; }

        public string? GivenName { get; set; }

        public string? Patronymic { get; set; }

        public string? Position { get; set; }

        public int? OrganizationId { get; set; }

        public bool IsBlank =>
            string.IsNullOrWhiteSpace(Surname) && string.IsNullOrWhiteSpace(GivenName) && string.IsNullOrWhiteSpace(Patronymic)
            && string.IsNullOrWhiteSpace(Position) && OrganizationId is null;
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(PortalDbContext db, IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Title)
                .NotEmpty().WithMessage(l["Укажите название соглашения."])
                .MaximumLength(TitleLength).WithMessage(l["Сократите название до {0} символов.", TitleLength]);
            RuleFor(x => x.Kind).NotNull().WithMessage(l["Выберите вид соглашения."]).IsInEnum().WithMessage(l["Выберите вид соглашения."]);
            RuleFor(x => x.Areas)
                .Must(areas => areas.Count > 0 && areas.All(a => a != CooperationAreas.None && Enum.IsDefined(a)))
                .WithMessage(l["Отметьте хотя бы одно направление сотрудничества."]);
            RuleFor(x => x.PartyIds)
                .Must(ids => ids.Distinct().Count() >= 2).WithMessage(l["Укажите не меньше двух сторон."])
                .MustAsync(async (ids, ct) =>
                {
                    var distinct = ids.Distinct().ToList();
                    return await db.Organizations.CountAsync(o => distinct.Contains(o.Id), ct) == distinct.Count;
                })
                .WithMessage(l["Выберите организацию из списка."]);
            RuleForEach(x => x.Signatories).Where(s => !s.IsBlank).ChildRules(s =>
            {
                s.RuleFor(x => x.Surname).NotEmpty().WithMessage(l["У подписанта укажите фамилию, имя и должность."]).MaximumLength(100).WithMessage(l["Сократите фамилию до {0} символов.", 100]);
                s.RuleFor(x => x.GivenName).NotEmpty().WithMessage(l["У подписанта укажите фамилию, имя и должность."]).MaximumLength(100).WithMessage(l["Сократите имя до {0} символов.", 100]);
                s.RuleFor(x => x.Patronymic).MaximumLength(100).WithMessage(l["Сократите отчество до {0} символов.", 100]);
                s.RuleFor(x => x.Position).NotEmpty().WithMessage(l["У подписанта укажите фамилию, имя и должность."]).MaximumLength(400).WithMessage(l["Сократите должность до {0} символов.", 400]);
            });
            RuleFor(x => x)
                .Must(x => x.FilledSignatories.All(s => s.OrganizationId is { } id && x.PartyIds.Contains(id)))
                .OverridePropertyName(nameof(Input.Signatories))
                .WithMessage(l["Подписант подписывает от имени одной из сторон: выберите её."]);
            RuleFor(x => x.MissionId)
                .MustAsync(async (id, ct) => id is null || await db.Missions.AnyAsync(m => m.Id == id, ct))
                .WithMessage(l["Выберите миссию из списка."]);
            RuleFor(x => x.ProgrammeItemId)
                .MustAsync(async (input, id, ct) => id is null || (input.MissionId is { } missionId && await db.ProgrammeItems.IgnoreQueryFilters().AnyAsync(i => i.Id == id && i.MissionId == missionId && (i.DeletedAtUtc == null || db.Agreements.Any(a => a.ProgrammeItemId == id)), ct)))
                .WithMessage(l["Пункт программы должен быть из выбранной миссии."]);
        }
    }

    public sealed class Handler(PortalDbContext db)
    {
        /// <summary>Adds a valid input to the registry as a draft.</summary>
        public async Task<Agreement> CreateAsync(Input input, CancellationToken ct)
        {
            var agreement = new Agreement(input.Title!.Trim(), input.Kind!.Value, input.AreaFlags);
            Apply(agreement, input);
            db.Agreements.Add(agreement);
            await db.SaveChangesAsync(ct);
            return agreement;
        }

        /// <summary>Saves a valid input over the agreement the form was opened on; false when someone saved it first.</summary>
        public async Task<bool> EditAsync(Agreement agreement, Input input, CancellationToken ct)
        {
            db.ExpectVersion(agreement, input.Version);
            agreement.UpdateDetails(input.Title!.Trim(), input.Kind!.Value, input.AreaFlags);
            Apply(agreement, input);
            return await db.TrySaveAsync(ct);
        }

        private static void Apply(Agreement agreement, Input input)
        {
            agreement.ReplaceParties(input.PartyIds);
            agreement.ReplaceSignatories(input.FilledSignatories.Select(s => new SignatoryDetails(
                s.Surname!.Trim(), s.GivenName!.Trim(), string.IsNullOrWhiteSpace(s.Patronymic) ? null : s.Patronymic.Trim(), s.Position!.Trim(), s.OrganizationId!.Value)));
            agreement.LinkTo(input.MissionId, input.ProgrammeItemId);
        }
    }
}
