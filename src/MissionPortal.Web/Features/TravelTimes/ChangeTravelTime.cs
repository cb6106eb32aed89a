using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.TravelTimes;

/// <summary>A new time for a pair, checked against the version the user saw.</summary>
public static class ChangeTravelTime
{
    public const int MaxMinutes = 2880;

    public enum Outcome
    {
        Changed,
        NotFound,
        OutOfRange,
        Stale,
    }

    /// <summary>The outcome, and the pair as it is stored now (after the change, or someone else's).</summary>
    public sealed class Handler(PortalDbContext db, ReferenceData reference)
    {
        public async Task<(Outcome Outcome, TravelTime? Current)> HandleAsync(int id, int? minutes, Guid? version, CancellationToken ct)
        {
            var travel = await db.TravelTimes.SingleOrDefaultAsync(t => t.Id == id, ct);
            if (travel is null)
            {
                return (Outcome.NotFound, null);
            }

            if (minutes is not (>= 1 and <= MaxMinutes))
            {
                return (Outcome.OutOfRange, travel);
            }

            db.ExpectVersion(travel, version);
            travel.Change(minutes.Value);
            if (!await db.TrySaveAsync(ct))
            {
                return (Outcome.Stale, await db.TravelTimes.AsNoTracking().SingleAsync(t => t.Id == id, ct));
            }

            reference.ForgetTravelTimes();
            return (Outcome.Changed, travel);
        }
    }
}
