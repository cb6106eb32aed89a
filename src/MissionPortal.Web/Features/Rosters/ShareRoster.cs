using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;

namespace MissionPortal.Web.Features.Rosters;

/// <summary>Whether the delegation's companies see everyone on its roster or only their own people.</summary>
public static class ShareRoster
{
    public enum Outcome
    {
        Saved,
        NotFound,

        /// <summary>The value did not come through as yes or no; nothing was written.</summary>
        Invalid,
    }

    public sealed class Handler(PortalDbContext db)
    {
        /// <summary>Shares the full roster or stops sharing it; <paramref name="share"/> is null when the form's value was not understood.</summary>
        public async Task<Outcome> HandleAsync(int delegationId, bool? share, CancellationToken ct)
        {
            var delegation = await db.Delegations.SingleOrDefaultAsync(d => d.Id == delegationId, ct);
            if (delegation is null)
            {
                return Outcome.NotFound;
            }

            if (share is not { } value)
            {
                return Outcome.Invalid;
            }

            delegation.ShareFullRoster(value);
            await db.SaveChangesAsync(ct);
            return Outcome.Saved;
        }
    }
}
