using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.Web.Features.Programme;

/// <summary>
/// Once the ministry has approved a programme, every change to it is written down (in the same save),
/// so the ministry sees exactly what was added, removed, moved or changed since its approval: an edit is written
/// field by field (title, time, venue, attendees, host, description), each with what it was and what it is, and an
/// edit that changes none of them writes nothing.
/// </summary>
public sealed class ProgrammeChangeLog(PortalDbContext db, TimeProvider clock)
{
    public async Task<bool> IsTrackedAsync(int missionId, CancellationToken ct) =>
        await db.ProgrammeReviews.AnyAsync(r => r.MissionId == missionId && r.Decision == ReviewDecision.Approved, ct);

    /// <summary>Where and when the item is now, as the change log writes an added or removed item.</summary>
    public async Task<string> SlotOfAsync(ProgrammeItem item, CancellationToken ct) =>
        ProgrammeItemFacts.Slot(item.Date, item.Start, item.End) + (await VenueNameAsync(item.VenueId, ct) is { } venue ? ", " + venue : string.Empty);

    public void Record(int missionId, int? itemId, ProgrammeChangeKind kind, string title, string? before, string? after, string by) =>
        db.ProgrammeChanges.Add(new ProgrammeChange(missionId, itemId, kind, title, before, after, by, clock.GetUtcNow().UtcDateTime));

    /// <summary>Writes down each field that differs between <paramref name="before"/> and the item as it is now.</summary>
    public async Task RecordChangesAsync(int missionId, ProgrammeItem item, ProgrammeItemFacts before, string by, CancellationToken ct)
    {
        var after = await FactsOfAsync(item, ct);
        foreach (var change in before.ChangesTo(after))
        {
            Record(missionId, item.Id, change.Kind, item.Title, change.Before, change.After, by);
        }
    }

    /// <summary>Writes down an item added to (or brought back into) a tracked programme.</summary>
    public async Task RecordAddedAsync(int missionId, ProgrammeItem item, string by, CancellationToken ct)
    {
        if (await IsTrackedAsync(missionId, ct))
        {
            Record(missionId, null, ProgrammeChangeKind.Added, item.Title, null, await SlotOfAsync(item, ct), by);
        }
    }

    /// <summary>The item's approved fields in words, read from what it holds now (saved or not).</summary>
    public async Task<ProgrammeItemFacts> FactsOfAsync(ProgrammeItem item, CancellationToken ct)
    {
        string? attendees = item.AttendeeScope switch
        {
            AttendeeScope.WholeDelegation when item.DelegationId is { } delegationId =>
                await db.Delegations.Where(d => d.Id == delegationId).Select(d => d.Name).SingleOrDefaultAsync(ct),
            AttendeeScope.Group when item.GroupId is { } groupId =>
                await db.DelegationGroups.Where(g => g.Id == groupId).Select(g => g.Name).SingleOrDefaultAsync(ct),
            AttendeeScope.Named => await NamesAsync(item.Attendees.Select(a => a.ParticipantId).ToList(), ct),
            _ => null,
        };
        var host = item.Visit?.HostOrganizationId is { } hostId
            ? await db.Organizations.Where(o => o.Id == hostId).Select(o => o.Name).SingleOrDefaultAsync(ct)
            : null;
        return new ProgrammeItemFacts(item.Title, item.Date, item.Start, item.End, await VenueNameAsync(item.VenueId, ct), attendees, host, item.Description);
    }

    public async Task<string?> VenueNameAsync(int? venueId, CancellationToken ct) =>
        venueId is null ? null : await db.Venues.Where(v => v.Id == venueId).Select(v => v.Name).SingleOrDefaultAsync(ct);

    private async Task<string?> NamesAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return null;
        }

        var people = await db.Participants.Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Surname, p.GivenName, p.Patronymic })
            .ToListAsync(ct);
        return string.Join(", ", people.Select(p => PersonName.Short(p.Surname, p.GivenName, p.Patronymic)).Order(RussianCollation.Instance));
    }
}
