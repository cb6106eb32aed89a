using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Auditing;

namespace MissionPortal.Web.Features.PersonalData;

/// <summary>
/// Anonymises the participants of missions that ended more than <c>PersonalData:RetentionDays</c> days ago, every
/// <c>PersonalData:RetentionCheckMinutes</c>. Each change is audited under the portal's own name. A run only touches
/// people not anonymised yet, so a second run changes nothing; two instances running at once meet the participants'
/// version check, and the one that loses leaves the mission to the one that won.
/// </summary>
public sealed class PersonalDataRetention(
    IServiceScopeFactory scopes,
    IOptions<PersonalDataOptions> options,
    TimeProvider clock,
    ILogger<PersonalDataRetention> logger) : BackgroundService
{
    /// <summary>The audit log's «who» for these changes.</summary>
    public const string Actor = "Портал: срок хранения персональных данных";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(options.Value.RetentionCheckMinutes);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, stoppingToken);
                var anonymised = await RunOnceAsync(stoppingToken);
                if (anonymised > 0)
                {
                    logger.LogInformation("Retention period over: {Count} participants anonymised", anonymised);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database is away, say: nothing is lost, the next round tries again.
                logger.LogWarning(e, "Personal data past its retention period could not be anonymised; trying again later");
            }
        }
    }

    /// <summary>One round over every mission past its retention period; how many people it anonymised.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var cutoff = HostCalendar.Today(clock).AddDays(-options.Value.RetentionDays);
        List<int> missions;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            missions = await db.Missions.AsNoTracking()
                .Where(m => m.EndDate < cutoff && m.Delegations.Any(d => d.Participants.Any(p => p.AnonymisedAtUtc == null)))
                .OrderBy(m => m.EndDate).Select(m => m.Id).ToListAsync(ct);
        }

        var total = 0;
        foreach (var missionId in missions)
        {
            total += await AnonymiseMissionAsync(missionId, ct);
        }

        return total;
    }

    private async Task<int> AnonymiseMissionAsync(int missionId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var erasure = scope.ServiceProvider.GetRequiredService<Erasure>();
        using var actor = SystemAuditActor.Begin(Actor);
        var people = await db.Participants.Include(p => p.Delegation)
            .Where(p => p.Delegation!.MissionId == missionId && p.AnonymisedAtUtc == null).ToListAsync(ct);
        var count = await erasure.AnonymiseAsync(people, clock.GetUtcNow().UtcDateTime, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            if (await erasure.FinishAsync(ct))
            {
                await db.SaveChangesAsync(ct);
            }

            return count;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance anonymised some of these people first; what is left is taken up in the next round.
            return 0;
        }
    }
}
