using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Programme;

/// <summary>
/// Moves an item to the deleted ones, from the version the page showed. An agreement signed at the item keeps pointing
/// to it: the deleted item is hidden from the agreement's card, and restoring the item brings the link back as it was.
/// </summary>
public static class DeleteItem
{
    public enum Outcome
    {
        Deleted,
        NotFound,
        Stale,
    }

    public sealed class Handler(PortalDbContext db, ProgrammeChangeLog changes, TimeProvider clock)
    {
        public async Task<(Outcome Outcome, string Title, int MissionId)> HandleAsync(int id, Guid? version, string by, CancellationToken ct)
        {
            if (await db.LoadItemAsync(id, ct) is not { } item)
            {
                return (await db.ProgrammeItems.IgnoreQueryFilters().AnyAsync(i => i.Id == id, ct) ? Outcome.Stale : Outcome.NotFound, string.Empty, 0);
            }

            if (item.IsStale(version))
            {
                return (Outcome.Stale, item.Title, item.MissionId);
            }

            if (await changes.IsTrackedAsync(item.MissionId, ct))
            {
                changes.Record(item.MissionId, item.Id, ProgrammeChangeKind.Removed, item.Title, await changes.SlotOfAsync(item, ct), null, by);
            }

            db.ExpectVersion(item, version);
            item.Delete(clock.GetUtcNow().UtcDateTime);
            return (await db.TrySaveAsync(ct) ? Outcome.Deleted : Outcome.Stale, item.Title, item.MissionId);
        }
    }
}
