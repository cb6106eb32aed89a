using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MissionPortal.Web.Infrastructure.Database;

/// <summary>
/// Remembers a save that failed because the database couldn't take it (disk full, read-only, file gone, server down)
/// until a later save succeeds: <c>/health/ready</c> is red in between, whatever a read would say.
/// </summary>
public sealed class WriteFailures(TimeProvider clock) : SaveChangesInterceptor
{
    private string? _lastFailure;
    private DateTimeOffset _failedAt;

    /// <summary>The failed save's error and its time, or null when the last save went through.</summary>
    public (string Error, DateTimeOffset At)? Last => _lastFailure is { } error ? (error, _failedAt) : null;

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        _lastFailure = null;
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        _lastFailure = null;
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Note(eventData.Exception);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Note(eventData.Exception);
        return Task.CompletedTask;
    }

    private void Note(Exception exception)
    {
        if (DatabaseFailure.Is(exception))
        {
            _failedAt = clock.GetUtcNow();
            _lastFailure = exception.GetBaseException().Message.ReplaceLineEndings(" ");
        }
    }
}
