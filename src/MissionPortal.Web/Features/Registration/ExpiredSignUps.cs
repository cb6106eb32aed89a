using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Agreements;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Infrastructure.Auditing;

namespace MissionPortal.Web.Features.Registration;

/// <summary>
/// A sign-up whose address is not confirmed within <see cref="Period"/> is deleted: the account, its request to join
/// a company, and the pending company it registered when nothing else refers to that company. Its ИНН is then free for
/// the real company. Each deletion is audited under the portal's own name, in one transaction per account; an account
/// confirmed meanwhile changes its concurrency stamp, so its deletion fails and the account stays, and of two instances
/// deleting the same account the second finds nothing to delete.
/// </summary>
public sealed class ExpiredSignUps(PortalDbContext db, TimeProvider clock, ILogger<ExpiredSignUps> logger)
{
    /// <summary>How long a sign-up waits for its address to be confirmed.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromDays(7);

    /// <summary>The audit log's «who» for these deletions.</summary>
    public const string Actor = "Портал: неподтверждённая регистрация";

    /// <summary>Whether the account is a sign-up that waited longer than <see cref="Period"/> for its address.</summary>
    public bool IsExpired(PortalUser user) =>
        !user.EmailConfirmed && user.AnonymisedAtUtc is null && user.PersonalDataConsentAtUtc is { } signedUp
        && signedUp < Cutoff();

    /// <summary>Deletes every expired sign-up (those matching <paramref name="only"/>, when given); how many accounts went.</summary>
    public async Task<int> RunAsync(Expression<Func<PortalUser, bool>>? only, CancellationToken ct)
    {
        var cutoff = Cutoff();
        // Self-confirmed sign-ups carry the moment of their consent; accounts made by the agency or the demo carry none and are confirmed.
        var expired = db.Users.AsNoTracking()
            .Where(u => !u.EmailConfirmed && u.AnonymisedAtUtc == null && u.PersonalDataConsentAtUtc != null && u.PersonalDataConsentAtUtc < cutoff);
        if (only is not null)
        {
            expired = expired.Where(only);
        }

        // Requests to join go first, so a company whose only other tie was an expired request can go with its own account.
        var ids = await expired.OrderBy(u => u.OrganizationId != null).ThenBy(u => u.PersonalDataConsentAtUtc).Select(u => u.Id).ToListAsync(ct);
        var deleted = 0;
        foreach (var id in ids)
        {
            if (await DeleteAsync(id, cutoff, ct))
            {
                deleted++;
            }
        }

        return deleted;
    }

    private DateTime Cutoff() => clock.GetUtcNow().UtcDateTime - Period;

    private async Task<bool> DeleteAsync(string userId, DateTime cutoff, CancellationToken ct)
    {
        using var actor = SystemAuditActor.Begin(Actor);
        try
        {
            var user = await db.Users.SingleOrDefaultAsync(
                u => u.Id == userId && !u.EmailConfirmed && u.AnonymisedAtUtc == null && u.PersonalDataConsentAtUtc != null && u.PersonalDataConsentAtUtc < cutoff, ct);
            if (user is null)
            {
                return false;
            }

            db.UserRoles.RemoveRange(await db.UserRoles.Where(r => r.UserId == userId).ToListAsync(ct));
            db.CompanyJoinRequests.RemoveRange(await db.CompanyJoinRequests.Where(r => r.UserId == userId).ToListAsync(ct));
            db.NotificationOptOuts.RemoveRange(await db.NotificationOptOuts.Where(o => o.UserId == userId).ToListAsync(ct));
            var company = user.IsCompanyMain && user.OrganizationId is { } companyId ? await OwnGhostAsync(companyId, userId, ct) : null;
            db.Users.Remove(user);
            if (company is not null)
            {
                db.Organizations.Remove(company);
            }

            await db.SaveChangesAsync(ct);
            logger.LogInformation("Sign-up of user {UserId} not confirmed in {Days} days: account deleted{Company}",
                userId, Period.TotalDays, company is null ? string.Empty : $", with its pending company {company.Id}");
            return true;
        }
        catch (DbUpdateException e)
        {
            // Confirmed, deleted by another instance, or the company gained a tie meanwhile: the next round looks again.
            logger.LogInformation(e, "Expired sign-up of user {UserId} left as it is for now", userId);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The company the account registered, when it still waits for the agency and nothing but this account refers to it.</summary>
    private async Task<Organization?> OwnGhostAsync(int id, string userId, CancellationToken ct)
    {
        var tied = await db.Users.AnyAsync(u => u.OrganizationId == id && u.Id != userId, ct)
            || await db.CompanyJoinRequests.AnyAsync(r => r.OrganizationId == id && r.UserId != userId, ct)
            || await db.Organizations.AnyAsync(o => o.MergedIntoId == id, ct)
            || await db.Products.AnyAsync(p => p.OrganizationId == id, ct)
            || await db.Venues.AnyAsync(v => v.OrganizationId == id, ct)
            || await db.StoredFiles.AnyAsync(f => f.OrganizationId == id, ct)
            || await db.Participants.AnyAsync(p => p.OrganizationId == id, ct)
            || await db.B2bParticipations.AnyAsync(p => p.OrganizationId == id, ct)
            || await db.Set<MissionOrganizer>().AnyAsync(o => o.OrganizationId == id, ct)
            || await db.Set<AgreementParty>().AnyAsync(p => p.OrganizationId == id, ct)
            || await db.Set<AgreementSignatory>().AnyAsync(s => s.OrganizationId == id, ct)
            || await db.Visits.AnyAsync(v => v.HostOrganizationId == id, ct)
            || await db.CompanyResults.AnyAsync(r => r.OrganizationId == id, ct);
        return tied
            ? null
            : await db.Organizations.SingleOrDefaultAsync(o => o.Id == id && o.Status == OrganizationStatus.Pending && o.LogoFileId == null, ct);
    }
}

/// <summary>Runs <see cref="ExpiredSignUps"/> every hour.</summary>
public sealed class ExpiredSignUpsJob(IServiceScopeFactory scopes, ILogger<ExpiredSignUpsJob> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Every, stoppingToken);
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Expired sign-ups could not be deleted; trying again later");
            }
        }
    }

    /// <summary>One round; how many accounts it deleted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExpiredSignUps>().RunAsync(null, ct);
    }
}
