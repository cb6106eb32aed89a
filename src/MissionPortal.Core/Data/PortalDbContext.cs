using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data.Auditing;
using MissionPortal.Core.Domain.Auditing;
using MissionPortal.Core.Domain.Agreements;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Mail;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Notifications;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Core.Domain.Results;

namespace MissionPortal.Core.Data;

/// <summary>The one context of the portal: Identity, data-protection keys and the domain.</summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Settlement> Settlements => Set<Settlement>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Venue> Venues => Set<Venue>();

    public DbSet<Mission> Missions => Set<Mission>();

    public DbSet<MissionOrganizer> MissionOrganizers => Set<MissionOrganizer>();

    public DbSet<Delegation> Delegations => Set<Delegation>();

    public DbSet<DelegationGroup> DelegationGroups => Set<DelegationGroup>();

    public DbSet<Participant> Participants => Set<Participant>();

    public DbSet<ItemRegistration> ItemRegistrations => Set<ItemRegistration>();

    public DbSet<ProgrammeItem> ProgrammeItems => Set<ProgrammeItem>();

    public DbSet<Visit> Visits => Set<Visit>();

    public DbSet<RoundTable> RoundTables => Set<RoundTable>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    public DbSet<TravelTime> TravelTimes => Set<TravelTime>();

    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    public DbSet<CompanyJoinRequest> CompanyJoinRequests => Set<CompanyJoinRequest>();

    public DbSet<ConflictAcknowledgement> ConflictAcknowledgements => Set<ConflictAcknowledgement>();

    public DbSet<ProgrammeReview> ProgrammeReviews => Set<ProgrammeReview>();

    public DbSet<ProgrammeChange> ProgrammeChanges => Set<ProgrammeChange>();

    public DbSet<Attendance> Attendances => Set<Attendance>();

    public DbSet<B2bSession> B2bSessions => Set<B2bSession>();

    public DbSet<B2bParticipation> B2bParticipations => Set<B2bParticipation>();

    public DbSet<MeetingRequest> MeetingRequests => Set<MeetingRequest>();

    public DbSet<B2bMeeting> B2bMeetings => Set<B2bMeeting>();

    public DbSet<MeetingOutcome> MeetingOutcomes => Set<MeetingOutcome>();

    public DbSet<CompanyResult> CompanyResults => Set<CompanyResult>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationOptOut> NotificationOptOuts => Set<NotificationOptOut>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var newMail = HasNewMail();
        var result = SaveChangesCore(acceptAllChangesOnSuccess);
        if (newMail)
        {
            SignalOutbox();
        }

        return result;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var newMail = HasNewMail();
        var result = await SaveChangesCoreAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (newMail)
        {
            SignalOutbox();
        }

        return result;
    }

    private int SaveChangesCore(bool acceptAllChangesOnSuccess)
    {
        RenewVersions();
        if (PendingAudit() is not { } actor)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        int SaveAndAudit()
        {
            var saved = base.SaveChanges(acceptAllChangesOnSuccess: false);
            ChangeAuditor.Insert(this, ChangeAuditor.Build(AuditedEntries(), ChangeTracker.Entries(), actor));
            return saved;
        }

        int result;
        if (Database.CurrentTransaction is not null)
        {
            result = SaveAndAudit();
        }
        else
        {
            result = Database.CreateExecutionStrategy().Execute(() =>
            {
                using var transaction = Database.BeginTransaction();
                var saved = SaveAndAudit();
                transaction.Commit();
                return saved;
            });
        }

        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return result;
    }

    private async Task<int> SaveChangesCoreAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        RenewVersions();
        if (PendingAudit() is not { } actor)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        async Task<int> SaveAndAuditAsync(CancellationToken ct)
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            await ChangeAuditor.InsertAsync(this, ChangeAuditor.Build(AuditedEntries(), ChangeTracker.Entries(), actor), ct);
            return saved;
        }

        int result;
        if (Database.CurrentTransaction is not null)
        {
            result = await SaveAndAuditAsync(cancellationToken);
        }
        else
        {
            result = await Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                await using var transaction = await Database.BeginTransactionAsync(ct);
                var saved = await SaveAndAuditAsync(ct);
                await transaction.CommitAsync(ct);
                return saved;
            }, cancellationToken);
        }

        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return result;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    /// <summary>
    /// The actor when this save has changes to record: the audit rows are then written by one INSERT after the
    /// changes, in the same transaction, so a save that fails leaves no row and a row never outlives its change.
    /// </summary>
    private AuditActor? PendingAudit()
    {
        var options = this.GetService<IDbContextOptions>();
        var actor = options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<IAuditActor>()?.Current;
        if (actor is null)
        {
            return null;
        }

        if (ChangeTracker.AutoDetectChangesEnabled)
        {
            ChangeTracker.DetectChanges();
        }

        return ChangeTracker.Entries().Any(ChangeAuditor.IsAudited) ? actor : null;
    }

    /// <summary>Whether this save writes messages into the outbox (the change tracker is brought up to date first).</summary>
    private bool HasNewMail() => ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);

    /// <summary>Wakes the sender, when the app has one, so new messages go at once.</summary>
    private void SignalOutbox() =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<IOutboxSignal>()?.Pulse();

    private List<EntityEntry> AuditedEntries() => ChangeTracker.Entries().Where(ChangeAuditor.IsAudited).ToList();

    /// <summary>Every modified aggregate gets a new version; the original value is what the UPDATE checks.</summary>
    private void RenewVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.RenewVersion();
            }
        }
    }
}
