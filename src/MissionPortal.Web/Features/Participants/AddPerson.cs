using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Participants;

/// <summary>
/// The agency adds an official or anyone else (<see cref="PersonInput"/>, checked by <see cref="PersonInputValidator"/>) directly
/// to a delegation of the mission: approved at once; on the host side as an official; with the basis for holding their data.
/// </summary>
public static class AddPerson
{
    public sealed class Handler(PortalDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
    {
        /// <summary>Why the input cannot be added beyond the form's own checks: no such delegation of the mission, no such organisation.</summary>
        public async Task<IReadOnlyList<ApplyPerson.Refusal>> RefusalsAsync(Mission mission, PersonInput input, CancellationToken ct)
        {
            var refusals = new List<ApplyPerson.Refusal>();
            if (mission.Delegations.All(d => d.Id != input.DelegationId))
            {
                refusals.Add(new ApplyPerson.Refusal(nameof(PersonInput.DelegationId), l["Выберите делегацию."]));
            }

            if (input.OrganizationId is { } organizationId && !await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
            {
                refusals.Add(new ApplyPerson.Refusal(nameof(PersonInput.OrganizationId), l["Выберите организацию из списка."]));
            }

            if (input.DataBasis is not { } basis || !Enum.IsDefined(basis))
            {
                refusals.Add(new ApplyPerson.Refusal(nameof(PersonInput.DataBasis), l["Укажите, на каком основании портал хранит данные человека."]));
            }

            return refusals;
        }

        /// <summary>Adds the person of a valid, unrefused input, with the basis <paramref name="by"/> recorded; the person and the delegation they joined.</summary>
        public async Task<(Participant Person, Delegation Delegation)> HandleAsync(Mission mission, PersonInput input, string by, CancellationToken ct)
        {
            var delegation = mission.Delegations.Single(d => d.Id == input.DelegationId);
            var person = delegation.AddParticipant(input.Surname!.Trim(), input.GivenName!.Trim(), FormText.Blank(input.Patronymic), input.Position!.Trim(), input.OrganizationId,
                    delegation.Side == DelegationSide.Host ? DelegationRole.Official : DelegationRole.Member, approved: true)
                .WithContacts(FormText.Blank(input.Email), PersonInput.NormalizedPhone(input.Phone))
                .WithDataBasis(input.DataBasis!.Value, by, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return (person, delegation);
        }
    }
}
