using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Participants;

/// <summary>
/// A company applies with one of its people (<see cref="PersonInput"/>, checked by <see cref="PersonInputValidator"/>) to an open
/// mission and the programme items they will attend; the person waits for the agency's approval.
/// </summary>
public static class ApplyPerson
{
    /// <summary>A refusal under the form field it concerns (empty for the whole form).</summary>
    public sealed record Refusal(string Field, string Message);

    public sealed class Handler(PortalDbContext db, IStringLocalizer<SharedResource> l)
    {
        /// <summary>Why the company cannot apply with this input beyond the form's own checks: not yet approved, items of another mission.</summary>
        public async Task<IReadOnlyList<Refusal>> RefusalsAsync(int missionId, int companyId, PersonInput input, CancellationToken ct)
        {
            var refusals = new List<Refusal>();
            if (!await db.Organizations.AnyAsync(o => o.Id == companyId && o.Status == OrganizationStatus.Approved, ct))
            {
                refusals.Add(new Refusal(string.Empty, l["Подать заявку можно после того, как агентство подтвердит компанию."]));
            }

            var itemIds = input.ItemIds.Distinct().ToList();
            if (await db.ProgrammeItems.CountAsync(i => i.MissionId == missionId && itemIds.Contains(i.Id), ct) != itemIds.Count)
            {
                refusals.Add(new Refusal(nameof(PersonInput.ItemIds), l["Таких пунктов в программе миссии нет."]));
            }

            return refusals;
        }

        /// <summary>Adds the person of a valid, unrefused input to the mission's visiting delegation (made if there is none yet).</summary>
        public async Task<Participant> HandleAsync(Mission mission, int companyId, PersonInput input, CancellationToken ct)
        {
            var delegation = mission.Delegations.FirstOrDefault(d => d.Side == DelegationSide.Visiting) ?? mission.AddDelegation("Делегация", DelegationSide.Visiting);
            var person = delegation.AddParticipant(input.Surname!.Trim(), input.GivenName!.Trim(), FormText.Blank(input.Patronymic), input.Position!.Trim(), companyId, DelegationRole.Member, approved: false)
                .WithContacts(FormText.Blank(input.Email), PersonInput.NormalizedPhone(input.Phone));
            await db.SaveChangesAsync(ct);
            db.ItemRegistrations.AddRange(input.ItemIds.Distinct().Select(id => new ItemRegistration(person.Id, id)));
            await db.SaveChangesAsync(ct);
            return person;
        }
    }
}
