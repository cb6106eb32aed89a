using MissionPortal.Core.Data;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Programme;

/// <summary>
/// Saves the item form over an item (checked by <see cref="ProgrammeItemInputValidator"/>) against the version the
/// form was opened on; a tracked programme writes down each field that changed.
/// </summary>
public static class EditItem
{
    public enum Outcome
    {
        Saved,
        NotFound,
        Stale,
    }

    public sealed class Handler(PortalDbContext db, ProgrammeChangeLog changes)
    {
        /// <summary>Saves a valid form; the outcome and the item's title as saved.</summary>
        public async Task<(Outcome Outcome, string Title)> HandleAsync(int id, ProgrammeItemInput input, string by, CancellationToken ct)
        {
            if (await db.LoadItemAsync(id, ct) is not { } item)
            {
                return (Outcome.NotFound, string.Empty);
            }

            var before = await changes.FactsOfAsync(item, ct);
            db.ExpectVersion(item, input.Version);
            ProgrammeItemWrites.Apply(item, input, input.Date!.Value);
            await db.LinkAgreementAsync(item, input.AgreementId, ct);
            if (await changes.IsTrackedAsync(item.MissionId, ct))
            {
                await changes.RecordChangesAsync(item.MissionId, item, before, by, ct);
            }

            return (await db.TrySaveAsync(ct) ? Outcome.Saved : Outcome.Stale, item.Title);
        }
    }
}
