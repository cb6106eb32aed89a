using Microsoft.Extensions.Options;

namespace MissionPortal.Web.Features.Notifications;

/// <summary>Runs the notices no request raises: the day-before programmes and the changes to approved programmes.</summary>
public sealed class NotificationJobs(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, ILogger<NotificationJobs> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromMinutes(options.Value.JobMinutes);
        if (every <= TimeSpan.Zero)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The notification job failed; trying again at its next run");
            }

            try
            {
                await Task.Delay(every, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MissionEveLetters>().RunAsync(ct);
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProgrammeChangeDigest>().RunAsync(ct);
        }
    }
}
