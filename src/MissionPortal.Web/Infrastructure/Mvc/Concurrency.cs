using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Common;

namespace MissionPortal.Web.Infrastructure.Mvc;

/// <summary>What the shared conflict page shows: what is stored now and where to look at it again.</summary>
public sealed record StaleDecisionViewModel(string Message, string BackUrl);

/// <summary>
/// Optimistic concurrency for forms and one-click decisions: the version the user saw goes back with the form,
/// the UPDATE checks it, and a stale one is answered with a conflict page (409), never a silent overwrite.
/// </summary>
public static class Concurrency
{
    /// <summary>
    /// Makes the save check the version the user saw instead of the one just read. Every form and one-click button
    /// carries the version it was shown with: one posted without it (a script, a hand-made request) is saved against a
    /// version no record has, so it meets the conflict page instead of overwriting.
    /// </summary>
    public static void ExpectVersion<T>(this PortalDbContext db, T entity, Guid? seen)
        where T : VersionedEntity =>
        db.Entry(entity).Property(e => e.Version).OriginalValue = seen ?? Guid.Empty;

    /// <summary>
    /// The page the user acted on showed an older version, or none was posted: checked before any rule about the step
    /// itself, so a decision taken without knowing what it applies to changes nothing.
    /// </summary>
    public static bool IsStale(this VersionedEntity entity, Guid? seen) => seen != entity.Version;

    /// <summary>Saves; false (and a clean context) when someone else saved the record first.</summary>
    public static async Task<bool> TrySaveAsync(this PortalDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>The shared conflict page with status 409: the decision was taken on a page that is out of date.</summary>
    public static ViewResult StaleDecision(this Controller controller, string message, string backUrl)
    {
        controller.Response.StatusCode = StatusCodes.Status409Conflict;
        return controller.View("StaleDecision", new StaleDecisionViewModel(message, backUrl));
    }
}
