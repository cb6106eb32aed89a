using MissionPortal.Core.Data;

namespace MissionPortal.Web.Features.Programme;

/// <summary>Copies an item to the same day and time, with its people, visit and round table.</summary>
public static class DuplicateItem
{
    public sealed record Result(string Title, int MissionId, int CopyId);

    public sealed class Handler(PortalDbContext db, ProgrammeChangeLog changes)
    {
        /// <summary>The copy, or null when there is no such item.</summary>
        public async Task<Result?> HandleAsync(int id, string by, CancellationToken ct)
        {
            if (await db.LoadItemAsync(id, ct) is not { } item)
            {
                return null;
            }

            var copy = item.CopyTo(item.Date);
            db.ProgrammeItems.Add(copy);
            await changes.RecordAddedAsync(item.MissionId, copy, by, ct);
            await db.SaveChangesAsync(ct);
            return new Result(item.Title, item.MissionId, copy.Id);
        }
    }
}
