using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;

namespace MissionPortal.Web.Features.Programme;

/// <summary>Copies every item of one day of the mission to another day of it.</summary>
public static class CopyDay
{
    public sealed class Input
    {
        public DateOnly? From { get; set; }

        public DateOnly? To { get; set; }
    }

    public enum Outcome
    {
        Copied,
        NotFound,
        Refused,
    }

    public sealed class Handler(PortalDbContext db, ProgrammeChangeLog changes, IStringLocalizer<SharedResource> l)
    {
        /// <summary>The outcome and the sentence that says it.</summary>
        public async Task<(Outcome Outcome, string Message)> HandleAsync(int missionId, Input input, string by, CancellationToken ct)
        {
            var mission = await db.Missions.AsNoTracking().SingleOrDefaultAsync(m => m.Id == missionId, ct);
            if (mission is null)
            {
                return (Outcome.NotFound, string.Empty);
            }

            if (input.From is not { } from || input.To is not { } to || from == to || !mission.IsWithinDates(to))
            {
                return (Outcome.Refused, l["Выберите другой день миссии, куда копировать."]);
            }

            var items = await db.ProgrammeItems
                .Include(i => i.Attendees).Include(i => i.Visit!.Officials).Include(i => i.RoundTable!.Speakers)
                .Where(i => i.MissionId == missionId && i.Date == from)
                .AsSplitQuery()
                .ToListAsync(ct);
            foreach (var item in items)
            {
                var copy = item.CopyTo(to);
                db.ProgrammeItems.Add(copy);
                await changes.RecordAddedAsync(missionId, copy, by, ct);
            }

            await db.SaveChangesAsync(ct);
            return (Outcome.Copied, l["Скопировано пунктов: {0}.", items.Count]);
        }
    }
}
