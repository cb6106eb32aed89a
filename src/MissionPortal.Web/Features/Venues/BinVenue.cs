using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Venues;

/// <summary>
/// A venue goes to the bin of deleted venues, or comes back from it; the items held there keep it either way. A button
/// pressed on a page older than the venue changes nothing.
/// </summary>
public static class BinVenue
{
    public enum Outcome
    {
        Done,
        NotFound,
        Stale,
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock)
    {
        /// <summary>The outcome, and the venue as it is now.</summary>
        public async Task<(Outcome Outcome, Venue? Venue)> HandleAsync(int id, bool restore, Guid? version, CancellationToken ct)
        {
            var venue = await db.Venues.SingleOrDefaultAsync(v => v.Id == id, ct);
            if (venue is null)
            {
                return (Outcome.NotFound, null);
            }

            if (venue.IsStale(version) || (venue.DeletedAtUtc is null) == restore)
            {
                return (Outcome.Stale, venue);
            }

            db.ExpectVersion(venue, version);
            if (restore)
            {
                venue.Restore();
            }
            else
            {
                venue.Delete(clock.GetUtcNow().UtcDateTime);
            }

            return await db.TrySaveAsync(ct)
                ? (Outcome.Done, venue)
                : (Outcome.Stale, await db.Venues.AsNoTracking().SingleAsync(v => v.Id == id, ct));
        }
    }
}
