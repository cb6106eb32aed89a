using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Core.Security;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Localization;

namespace MissionPortal.Web.Features.Notifications;

/// <summary>
/// Tells the ministry that an approved programme changed: one notice per burst of changes, raised once no change came
/// for <see cref="NotificationOptions.ChangeQuietMinutes"/>, listing what changed since the last notice. The notice's
/// unique key holds the last change it told, so the next burst starts after it and two instances raise it once.
/// </summary>
public sealed class ProgrammeChangeDigest(PortalDbContext db, Notifier notifier, TimeProvider clock, IOptions<NotificationOptions> options, ILogger<ProgrammeChangeDigest> logger)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var quietSince = now.AddMinutes(-Math.Max(0, options.Value.ChangeQuietMinutes));
        var approvals = await db.ProgrammeReviews.AsNoTracking().Where(r => r.Decision == ReviewDecision.Approved)
            .GroupBy(r => r.MissionId).Select(g => new { MissionId = g.Key, At = g.Max(r => r.AtUtc) }).ToListAsync(ct);
        var raised = 0;
        foreach (var approval in approvals)
        {
            var changes = await db.ProgrammeChanges.AsNoTracking().Where(c => c.MissionId == approval.MissionId && c.AtUtc > approval.At)
                .OrderBy(c => c.Id).ToListAsync(ct);
            if (changes.Count == 0 || changes.Max(c => c.AtUtc) > quietSince)
            {
                continue; // nothing, or the burst goes on
            }

            var prefix = $"{Notifier.ProgrammeChanged}:{approval.MissionId.ToString(CultureInfo.InvariantCulture)}:";
            var told = (await db.Notifications.AsNoTracking().Where(n => n.OnceKey != null && n.OnceKey.StartsWith(prefix)).Select(n => n.OnceKey!).ToListAsync(ct))
                .Select(k => int.Parse(k[prefix.Length..].Split(':')[0], CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
            var fresh = changes.Where(c => c.Id > told).ToList();
            if (fresh.Count == 0)
            {
                continue;
            }

            var title = await db.Missions.Where(m => m.Id == approval.MissionId).Select(m => m.Title).SingleAsync(ct);
            var listed = Math.Max(1, options.Value.ChangesListed);
            var key = prefix + fresh[^1].Id.ToString(CultureInfo.InvariantCulture);
            await notifier.RaiseAsync(Notifier.ProgrammeChanged, await notifier.PeopleInRoleAsync(Roles.Ministry, ct), l =>
            {
                var lines = fresh.Take(listed).Select(c => $"{l[EnumText.Of(c.Kind)]}: {c.Title}" + (c.Before is null && c.After is null
                    ? string.Empty
                    : $" ({c.Before ?? "—"} → {c.After ?? "—"})"));
                var paragraphs = new List<string>
                {
                    l["После согласования программа миссии «{0}» изменена (изменений: {1}).", title, fresh.Count],
                    string.Join('\n', lines),
                };
                if (fresh.Count > listed)
                {
                    paragraphs.Add(l["Остальные изменения — на странице изменений программы."]);
                }

                return new Notice(l["Согласованная программа миссии «{0}» изменена", title], paragraphs, l["Открыть изменения программы"], $"/programme/{approval.MissionId}/changes");
            }, ct, key);

            try
            {
                await db.SaveChangesAsync(ct);
                raised++;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                logger.LogInformation("Programme change notice {Key} already raised elsewhere", key);
            }
        }

        return raised;
    }
}
