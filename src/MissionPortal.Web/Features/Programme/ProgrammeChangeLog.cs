using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.Web.Features.Programme;

/// <summary>
/// Once the ministry has approved a programme, every change to it is written down (in the same save),
/// so the ministry sees exactly what was added, removed, moved or changed since its approval.
/// </summary>
public sealed class ProgrammeChangeLog(PortalDbContext db, TimeProvider clock)
{
    public async Task<bool> IsTrackedAsync(int missionId, CancellationToken ct) =>
        await db.ProgrammeReviews.AnyAsync(r => r.MissionId == missionId && r.Decision == ReviewDecision.Approved, ct);

    public static string Slot(DateOnly date, TimeOnly start, TimeOnly end, string? venue) =>
        string.Create(CultureInfo.InvariantCulture, $"{date:dd.MM.yyyy} {start:HH\\:mm}–{end:HH\\:mm}") + (venue is null ? string.Empty : ", " + venue);

    /// <summary>Where and when the item is now, as the change log writes it.</summary>
    public async Task<string> SlotOfAsync(ProgrammeItem item, CancellationToken ct) =>
        Slot(item.Date, item.Start, item.End, await VenueNameAsync(item.VenueId, ct));

    public void Record(int missionId, int? itemId, ProgrammeChangeKind kind, string title, string? before, string? after, string by) =>
        db.ProgrammeChanges.Add(new ProgrammeChange(missionId, itemId, kind, title, before, after, by, clock.GetUtcNow().UtcDateTime));

    /// <summary>Writes down an item added to (or brought back into) a tracked programme.</summary>
    public async Task RecordAddedAsync(int missionId, ProgrammeItem item, string by, CancellationToken ct)
    {
        if (await IsTrackedAsync(missionId, ct))
        {
            Record(missionId, null, ProgrammeChangeKind.Added, item.Title, null, await SlotOfAsync(item, ct), by);
        }
    }

    public async Task<string?> VenueNameAsync(int? venueId, CancellationToken ct) =>
        venueId is null ? null : await db.Venues.Where(v => v.Id == venueId).Select(v => v.Name).SingleOrDefaultAsync(ct);
}
