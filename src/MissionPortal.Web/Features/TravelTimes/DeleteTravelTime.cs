using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.TravelTimes;

/// <summary>Removes a pair, unless someone changed it since the user saw it.</summary>
public static class DeleteTravelTime
{
    public enum Outcome
    {
        Deleted,
        NotFound,
        Stale,
    }

    public sealed class Handler(PortalDbContext db, ReferenceData reference)
    {
        public async Task<(Outcome Outcome, TravelTime? Current)> HandleAsync(int id, Guid? version, CancellationToken ct)
        {
            var travel = await db.TravelTimes.SingleOrDefaultAsync(t => t.Id == id, ct);
            if (travel is null)
            {
                return (Outcome.NotFound, null);
            }

            // Deleting a pair someone has just changed would drop a value the user never saw.
            if (travel.IsStale(version))
            {
                return (Outcome.Stale, travel);
            }

            db.ExpectVersion(travel, version);
            db.TravelTimes.Remove(travel);
            if (!await db.TrySaveAsync(ct))
            {
                return await db.TravelTimes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct) is { } current
                    ? (Outcome.Stale, current)
                    : (Outcome.NotFound, null);
            }

            reference.ForgetTravelTimes();
            return (Outcome.Deleted, null);
        }
    }
}
