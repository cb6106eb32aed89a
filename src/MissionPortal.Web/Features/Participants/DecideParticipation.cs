using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Participants;

/// <summary>
/// The agency approves or declines a person's participation, or a company withdraws one of its own people (the record
/// stays and the agency can restore it); each against the version the page showed.
/// </summary>
public static class DecideParticipation
{
    public enum Decision
    {
        Approve,
        Decline,
        Withdraw,
    }

    /// <summary>What happened; the person's name, and their mission and status as they are now.</summary>
    public sealed record Result(DelegationOutcome Outcome, string FullName = "", int MissionId = 0, ParticipantStatus Status = ParticipantStatus.Pending);

    public sealed class Handler(PortalDbContext db, PortalNotices notices)
    {
        /// <summary>Takes the decision on the person; <paramref name="ownCompany"/> limits it to that company's people (a withdrawal).</summary>
        public async Task<Result> HandleAsync(int id, Decision decision, Guid? version, int? ownCompany, CancellationToken ct)
        {
            var people = db.Participants.Include(p => p.Delegation);
            var own = ownCompany ?? -1;
            var person = decision == Decision.Withdraw
                ? await people.SingleOrDefaultAsync(p => p.Id == id && p.OrganizationId == own, ct)
                : await people.SingleOrDefaultAsync(p => p.Id == id, ct);
            if (person is null)
            {
                return new Result(DelegationOutcome.NotFound);
            }

            db.ExpectVersion(person, version);
            switch (decision)
            {
                case Decision.Approve:
                    person.Approve();
                    break;
                case Decision.Decline:
                    person.Decline();
                    break;
                default:
                    person.Withdraw();
                    break;
            }

            await notices.ParticipantDecidedAsync(person, person.Delegation!.MissionId, ct);

            if (!await db.TrySaveAsync(ct))
            {
                var current = await db.Participants.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Status, p.Delegation!.MissionId }).SingleAsync(ct);
                return new Result(DelegationOutcome.Stale, person.ShortName, current.MissionId, current.Status);
            }

            return new Result(DelegationOutcome.Done, person.ShortName, person.Delegation!.MissionId, person.Status);
        }
    }
}
