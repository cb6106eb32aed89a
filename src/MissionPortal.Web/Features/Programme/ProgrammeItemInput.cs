using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Programme;

/// <summary>What the item form posts. Ids are checked against the mission; nothing here is trusted as is.</summary>
public sealed class ProgrammeItemInput
{
    public DateOnly? Date { get; set; }

    public TimeOnly? Start { get; set; }

    public TimeOnly? End { get; set; }

    public ProgrammeItemKind? Kind { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public int? VenueId { get; set; }

    public int? ResponsibleId { get; set; }

    public AttendeeScope AttendeeScope { get; set; } = AttendeeScope.WholeDelegation;

    public int? DelegationId { get; set; }

    public int? GroupId { get; set; }

    public List<int> ParticipantIds { get; set; } = [];

    public int? HostOrganizationId { get; set; }

    public List<int> OfficialIds { get; set; } = [];

    public string? RoundTableTopic { get; set; }

    public int? ModeratorId { get; set; }

    public List<int> SpeakerIds { get; set; } = [];

    public string? Resolution { get; set; }

    public int? AgreementId { get; set; }

    /// <summary>The version the user started editing from; a different stored version means someone else saved meanwhile.</summary>
    public Guid? Version { get; set; }

    /// <summary>For "add to several days": the days chosen.</summary>
    public List<DateOnly> Dates { get; set; } = [];
}

/// <summary>
/// Checks an item form against the rules and against its mission (dates, people, delegations, groups,
/// venues, organisations, agreements). The mission id is passed in the root context data.
/// </summary>
public sealed class ProgrammeItemInputValidator : AbstractValidator<ProgrammeItemInput>
{
    public const string MissionIdKey = "missionId";
    public const string ManyDaysKey = "manyDays";

    /// <summary>Checks the form against the mission (and, for several days, the days chosen) into the model state.</summary>
    public static async Task<bool> CheckAsync(IValidator<ProgrammeItemInput> validator, ProgrammeItemInput input, int missionId, bool manyDays, ModelStateDictionary modelState, CancellationToken ct)
    {
        var context = new ValidationContext<ProgrammeItemInput>(input);
        context.RootContextData[MissionIdKey] = missionId;
        if (manyDays)
        {
            context.RootContextData[ManyDaysKey] = true;
        }

        (await validator.ValidateAsync(context, ct)).AddTo(modelState);
        return modelState.IsValid;
    }

    public ProgrammeItemInputValidator(PortalDbContext db, IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Date).NotNull().WithMessage(ProgrammeMessages.DateRequired(l))
            .When((_, context) => !context.RootContextData.ContainsKey(ManyDaysKey));
        RuleFor(x => x.Dates).NotEmpty().WithMessage(l["Выберите хотя бы один день."])
            .When((_, context) => context.RootContextData.ContainsKey(ManyDaysKey));
        RuleFor(x => x.Start).NotNull().WithMessage(ProgrammeMessages.StartRequired(l));
        RuleFor(x => x.End).NotNull().WithMessage(l["Укажите время окончания."]);
        RuleFor(x => x.End).GreaterThan(x => x.Start).WithMessage(l["Выберите окончание позже начала."])
            .When(x => x.Start is not null && x.End is not null);
        RuleFor(x => x.Kind).NotNull().WithMessage(l["Выберите вид пункта."]).IsInEnum().WithMessage(l["Выберите вид пункта."]);
        RuleFor(x => x.Title)
            .NotEmpty().WithMessage(l["Укажите название."])
            .MaximumLength(400).WithMessage(l["Сократите название до {0} символов.", 400]);
        RuleFor(x => x.Description).MaximumLength(4000).WithMessage(l["Сократите описание до {0} символов.", 4000]);
        RuleFor(x => x.AttendeeScope).IsInEnum().WithMessage(l["Выберите, кто участвует."]);
        RuleFor(x => x.GroupId).NotNull().When(x => x.AttendeeScope == AttendeeScope.Group).WithMessage(l["Выберите группу."]);
        RuleFor(x => x.ParticipantIds).NotEmpty().When(x => x.AttendeeScope == AttendeeScope.Named).WithMessage(l["Выберите участников."]);
        RuleFor(x => x.DelegationId).NotNull().When(x => x.AttendeeScope != AttendeeScope.Named).WithMessage(l["Выберите делегацию."]);
        RuleFor(x => x.RoundTableTopic).MaximumLength(400).WithMessage(l["Сократите тему до {0} символов.", 400]);
        RuleFor(x => x.Resolution).MaximumLength(8000).WithMessage(l["Сократите решение до {0} символов.", 8000]);
        RuleFor(x => x.HostOrganizationId).NotNull().When(x => x.Kind == ProgrammeItemKind.SiteVisit)
            .WithMessage(l["Для выезда укажите принимающую организацию."]);
        RuleFor(x => x.RoundTableTopic).NotEmpty().When(x => x.Kind == ProgrammeItemKind.RoundTable)
            .WithMessage(l["Для круглого стола укажите тему."]);

        RuleFor(x => x).CustomAsync(async (input, context, ct) =>
        {
            if (!context.RootContextData.TryGetValue(MissionIdKey, out var value) || value is not int missionId)
            {
                throw new InvalidOperationException("The mission id must be given to the validator.");
            }

            var mission = await db.Missions.AsNoTracking().Where(m => m.Id == missionId)
                .Select(m => new { m.StartDate, m.EndDate }).SingleAsync(ct);
            foreach (var date in input.Dates.Append(input.Date ?? mission.StartDate).Distinct())
            {
                if (!Mission.IsWithinDates(date, mission.StartDate, mission.EndDate))
                {
                    context.AddFailure(nameof(input.Date), ProgrammeMessages.OutsideMissionDates(l, date, mission.StartDate, mission.EndDate));
                }
            }

            var people = input.ParticipantIds.Concat(input.OfficialIds).Concat(input.SpeakerIds)
                .Append(input.ResponsibleId ?? 0).Append(input.ModeratorId ?? 0)
                .Where(id => id != 0).Distinct().ToList();
            if (people.Count > 0)
            {
                var known = await db.Participants.CountAsync(p => people.Contains(p.Id) && p.Delegation!.MissionId == missionId, ct);
                if (known != people.Count)
                {
                    context.AddFailure(nameof(input.ParticipantIds), l["Среди выбранных людей есть те, кого нет в этой миссии."]);
                }
            }

            if (input.DelegationId is { } delegationId && !await db.Delegations.AnyAsync(d => d.Id == delegationId && d.MissionId == missionId, ct))
            {
                context.AddFailure(nameof(input.DelegationId), l["Такой делегации в миссии нет."]);
            }

            if (input.AttendeeScope == AttendeeScope.Group && input.GroupId is { } groupId
                && !await db.DelegationGroups.AnyAsync(g => g.Id == groupId && g.DelegationId == input.DelegationId, ct))
            {
                context.AddFailure(nameof(input.GroupId), l["Такой группы в делегации нет."]);
            }

            if (input.VenueId is { } venueId && !await db.Venues.AnyAsync(v => v.Id == venueId, ct))
            {
                context.AddFailure(nameof(input.VenueId), l["Такой площадки нет."]);
            }

            if (input.HostOrganizationId is { } hostId && !await db.Organizations.AnyAsync(o => o.Id == hostId, ct))
            {
                context.AddFailure(nameof(input.HostOrganizationId), l["Выберите организацию из списка."]);
            }

            if (input.AgreementId is { } agreementId
                && !await db.Agreements.AnyAsync(a => a.Id == agreementId && (a.MissionId == null || a.MissionId == missionId), ct))
            {
                context.AddFailure(nameof(input.AgreementId), l["Такого соглашения нет."]);
            }
        });
    }
}

/// <summary>What adding and editing an item share: the item as the form describes it, and its agreement.</summary>
public static class ProgrammeItemWrites
{
    /// <summary>An item of the programme with everything its form edits.</summary>
    public static Task<ProgrammeItem?> LoadItemAsync(this PortalDbContext db, int id, CancellationToken ct) =>
        db.ProgrammeItems
            .Include(i => i.Attendees).Include(i => i.Visit!.Officials).Include(i => i.RoundTable!.Speakers)
            .AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Id == id, ct);

    /// <summary>Gives the item what a valid form says, on the given day.</summary>
    public static void Apply(ProgrammeItem item, ProgrammeItemInput input, DateOnly date)
    {
        item.Reschedule(date, input.Start!.Value, input.End!.Value);
        item.Update(input.Kind!.Value, input.Title!.Trim(), FormText.Blank(input.Description), input.VenueId, input.ResponsibleId);
        item.SetAttendees(input.AttendeeScope, input.DelegationId, input.GroupId, input.ParticipantIds);
        item.SetVisit(input.Kind == ProgrammeItemKind.SiteVisit ? input.HostOrganizationId : null, input.OfficialIds);
        item.SetRoundTable(input.Kind == ProgrammeItemKind.RoundTable ? input.RoundTableTopic?.Trim() : null, input.ModeratorId, input.SpeakerIds, FormText.Blank(input.Resolution));
    }

    /// <summary>A signing item points to its agreement; agreements of an item that is no longer a signing of them let go.</summary>
    public static async Task LinkAgreementAsync(this PortalDbContext db, ProgrammeItem item, int? agreementId, CancellationToken ct)
    {
        var linked = await db.Agreements.Where(a => a.ProgrammeItemId == item.Id && item.Id != 0).ToListAsync(ct);
        foreach (var agreement in linked.Where(a => a.Id != agreementId || item.Kind != ProgrammeItemKind.Signing))
        {
            agreement.SignAt(item.MissionId, null);
        }

        if (item.Kind == ProgrammeItemKind.Signing && agreementId is { } id && item.Id != 0)
        {
            var agreement = await db.Agreements.SingleAsync(a => a.Id == id, ct);
            agreement.SignAt(item.MissionId, item.Id);
        }
    }
}
