using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Domain.Agreements;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Core.Domain.Results;

namespace MissionPortal.Core.Data;

/// <summary>The one context of the portal: Identity, data-protection keys and the domain.</summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<Region> Regions => Set<Region>();

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

    public DbSet<CompanyResult> CompanyResults => Set<CompanyResult>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenewVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

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
