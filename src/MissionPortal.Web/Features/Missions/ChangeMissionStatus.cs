using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Missions;

/// <summary>Running, completed or cancelled: the steps the agency takes itself (approval is the ministry's, on the programme page).</summary>
public static class ChangeMissionStatus
{
    public enum Outcome
    {
        Changed,
        NotFound,
        Refused,
        Stale,
    }

    public sealed class Handler(PortalDbContext db)
    {
        /// <summary>The outcome, and the mission as it is now.</summary>
        public async Task<(Outcome Outcome, Mission? Mission)> HandleAsync(int id, MissionStatus status, Guid? version, CancellationToken ct)
        {
            var mission = await db.Missions.SingleOrDefaultAsync(m => m.Id == id, ct);
            if (mission is null)
            {
                return (Outcome.NotFound, null);
            }

            if (mission.IsStale(version))
            {
                return (Outcome.Stale, mission);
            }

            if (status is not (MissionStatus.Running or MissionStatus.Completed or MissionStatus.Cancelled) || !mission.CanMoveTo(status))
            {
                return (Outcome.Refused, mission);
            }

            db.ExpectVersion(mission, version);
            mission.ChangeStatus(status);
            return await db.TrySaveAsync(ct)
                ? (Outcome.Changed, mission)
                : (Outcome.Stale, await db.Missions.AsNoTracking().SingleAsync(m => m.Id == id, ct));
        }
    }
}
