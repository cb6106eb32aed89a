using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.Web.Features.Programme;

/// <summary>
/// Adds an item to one day or the same item to several days (the form is <see cref="ProgrammeItemInput"/>, checked by
/// <see cref="ProgrammeItemInputValidator"/>). One transaction however many days: the items, their change log and the
/// agreement signed at them are saved together or not at all.
/// </summary>
public static class AddItem
{
    public sealed class Handler(PortalDbContext db, ProgrammeChangeLog changes)
    {
        /// <summary>Adds a valid item on each of the days, in order; the items added.</summary>
        public async Task<IReadOnlyList<ProgrammeItem>> HandleAsync(int missionId, ProgrammeItemInput input, IReadOnlyList<DateOnly> dates, string by, CancellationToken ct)
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var mission = await db.Missions.SingleAsync(m => m.Id == missionId, ct);
                var items = new List<ProgrammeItem>();
                foreach (var date in dates)
                {
                    var item = mission.AddItem(date, input.Start!.Value, input.End!.Value, input.Kind!.Value, input.Title!.Trim(), null);
                    ProgrammeItemWrites.Apply(item, input, date);
                    await changes.RecordAddedAsync(missionId, item, by, ct);
                    items.Add(item);
                }

                // The agreement points at the item by its id, which the first save gives.
                await db.SaveChangesAsync(ct);
                foreach (var item in items)
                {
                    await db.LinkAgreementAsync(item, input.AgreementId, ct);
                }

                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return items;
            });
        }
    }
}
