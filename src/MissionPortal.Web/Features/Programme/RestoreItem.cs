using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Programme;

/// <summary>Brings a deleted item back into the programme, from the version the page of deleted items showed.</summary>
public static class RestoreItem
{
    public enum Outcome
    {
        Restored,
        NotFound,
        Stale,
    }

    public sealed class Handler(PortalDbContext db, ProgrammeChangeLog changes)
    {
        public async Task<(Outcome Outcome, string Title, int MissionId)> HandleAsync(int id, Guid? version, string by, CancellationToken ct)
        {
            var item = await db.ProgrammeItems.IgnoreQueryFilters().SingleOrDefaultAsync(i => i.Id == id, ct);
            if (item is null)
            {
                return (Outcome.NotFound, string.Empty, 0);
            }

            if (item.IsStale(version) || item.DeletedAtUtc is null)
            {
                return (Outcome.Stale, item.Title, item.MissionId);
            }

            db.ExpectVersion(item, version);
            item.Restore();
            await changes.RecordAddedAsync(item.MissionId, item, by, ct);
            return (await db.TrySaveAsync(ct) ? Outcome.Restored : Outcome.Stale, item.Title, item.MissionId);
        }
    }
}
