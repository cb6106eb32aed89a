using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.Web.Features.CheckIn;

/// <summary>Marks a person present at a programme item, once: a second scan of the same badge changes nothing.</summary>
public static class MarkPresent
{
    public sealed class Handler(PortalDbContext db, TimeProvider clock)
    {
        public async Task HandleAsync(int itemId, int participantId, string markedBy, CancellationToken ct)
        {
            db.Attendances.Add(new Attendance(itemId, participantId, clock.GetUtcNow().UtcDateTime, markedBy));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Scanned twice at once: the unique index kept one mark, which is what both scans wanted.
                db.ChangeTracker.Clear();
            }
        }
    }
}
