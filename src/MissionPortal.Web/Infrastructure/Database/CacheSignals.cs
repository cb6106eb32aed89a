using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Web.Infrastructure.Security;
using Npgsql;

namespace MissionPortal.Web.Infrastructure.Database;

/// <summary>
/// What this instance keeps in memory and must forget when the data behind it changes: the reference lists
/// (regions, product categories, travel times; the reference data of the features) and the users' security stamps
/// (<see cref="SessionStampCache"/>). A change saved through any instance forgets them here at once; on PostgreSQL
/// every instance hears of it through NOTIFY on <see cref="Channel"/>, sent in the saving transaction and so
/// delivered when it commits (<see cref="CacheChangeInterceptor"/>, <see cref="PostgreSqlCacheListener"/>).
/// The one-minute lifetimes of the entries remain as the bound on SQL Server, which has no such channel.
/// </summary>
public sealed class CacheSignals(IMemoryCache cache, SessionStampCache stamps)
{
    public const string Channel = "missionportal_cache";
    public const string Reference = "reference";
    private const string StampPrefix = "stamp:";

    private long _generation;

    /// <summary>Part of every reference entry's key: a list loaded before a change is stored under a key no one reads.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public static string Stamp(string userId) => StampPrefix + userId;

    public void Forget(string topic)
    {
        if (topic == Reference)
        {
            Interlocked.Increment(ref _generation);
        }
        else if (topic.StartsWith(StampPrefix, StringComparison.Ordinal))
        {
            stamps.Forget(topic[StampPrefix.Length..]);
        }
    }

    /// <summary>After a gap in the signals (the listener reconnecting): whatever changed meanwhile is unknown.</summary>
    public void ForgetAll()
    {
        Interlocked.Increment(ref _generation);
        (cache as MemoryCache)?.Compact(1.0);
    }
}

/// <summary>
/// Notes which cached data a save changes and signals it: locally once saved, and on PostgreSQL to every instance by
/// <c>pg_notify</c> on the saving connection (inside the transaction when there is one, so it is heard at commit).
/// </summary>
public sealed class CacheChangeInterceptor(IServiceProvider services) : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, List<string>> Pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is { } topics)
        {
            Signal(topics);
            if (eventData.Context!.Database.IsNpgsql())
            {
                eventData.Context.Database.ExecuteSqlRaw(NotifySql, CacheSignals.Channel, topics);
            }
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } topics)
        {
            Signal(topics);
            if (eventData.Context!.Database.IsNpgsql())
            {
                await eventData.Context.Database.ExecuteSqlRawAsync(NotifySql, [CacheSignals.Channel, topics], cancellationToken);
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    private const string NotifySql = "SELECT pg_notify({0}, topic) FROM unnest({1}) AS topic";

    private static void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var topics = new List<string>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Region or Product or TravelTime:
                    topics.Add(CacheSignals.Reference);
                    break;
                case PortalUser user when entry.State == EntityState.Deleted
                                          || (entry.State == EntityState.Modified && entry.Property(nameof(PortalUser.SecurityStamp)).IsModified):
                    topics.Add(CacheSignals.Stamp(user.Id));
                    break;
            }
        }

        if (topics.Count > 0)
        {
            Pending.AddOrUpdate(context, [.. topics.Distinct()]);
        }
    }

    private static string[]? Take(DbContext? context)
    {
        if (context is null || !Pending.TryGetValue(context, out var topics))
        {
            return null;
        }

        Pending.Remove(context);
        return [.. topics];
    }

    private void Signal(string[] topics)
    {
        var signals = services.GetService<CacheSignals>();
        foreach (var topic in topics)
        {
            signals?.Forget(topic);
        }
    }
}

/// <summary>
/// On PostgreSQL, one connection per instance LISTENs on <see cref="CacheSignals.Channel"/> and forgets what other
/// instances changed. When it loses the server it forgets everything on reconnecting, since it may have missed signals.
/// </summary>
public sealed class PostgreSqlCacheListener(
    IOptions<DatabaseOptions> database,
    IConfiguration configuration,
    CacheSignals signals,
    ILogger<PostgreSqlCacheListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Value.Provider != DatabaseProvider.PostgreSql || configuration.GetConnectionString("PostgreSql") is not { Length: > 0 } connectionString)
        {
            return;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString) { KeepAlive = 15, Pooling = false, ApplicationName = "MissionPortal cache listener" };
        var lostAt = (DateTime?)null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ToString());
                connection.Notification += (_, e) => signals.Forget(e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {CacheSignals.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                signals.ForgetAll();
                if (lostAt is not null)
                {
                    logger.LogInformation("Cache signals heard again after {Seconds} s", (int)(DateTime.UtcNow - lostAt.Value).TotalSeconds);
                    lostAt = null;
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                if (lostAt is null)
                {
                    lostAt = DateTime.UtcNow;
                    logger.LogWarning("Cache signals from other instances are not heard ({Error}); retrying every 2 s", e.Message);
                }

                signals.ForgetAll();
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
