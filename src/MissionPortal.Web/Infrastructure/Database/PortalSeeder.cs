using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MissionPortal.Core.Data;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Core.Security;

namespace MissionPortal.Web.Infrastructure.Database;

/// <summary>
/// Fills what a new database needs: the roles always; the first administrator from configuration
/// (Admin:Email, Admin:Password) when no administrator exists; demo data and demo accounts in demo mode.
/// </summary>
public sealed class PortalSeeder(
    PortalDbContext db,
    UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<DemoOptions> demo,
    IConfiguration configuration,
    DemoAccountRetirement retirement,
    ILogger<PortalSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        await SeedFirstAdministratorAsync();
        await SeedRegionsAsync(ct);
        await FillNameKeysAsync(ct);
        await SeedTravelTimesAsync(ct);

        if (demo.Value.Enabled)
        {
            // Each password hash is 210,000 rounds of PBKDF2: the missing accounts' hashes are computed on the other
            // cores while the demo data is written, instead of one after another once it is.
            var accounts = await MissingDemoAccountsAsync();
            var hashes = accounts.Select(a => Task.Run(() => users.PasswordHasher.HashPassword(a.User, DemoOptions.Password), ct)).ToList();
            await DemoData.SeedAsync(db, ct);
            var data = Stopwatch.GetElapsedTime(started);
            for (var i = 0; i < accounts.Count; i++)
            {
                await CreateDemoAccountAsync(accounts[i], await hashes[i], ct);
            }

            await MakeDemoCompanyUserMainAsync();
            logger.LogInformation("Seeded: roles and demo data in {DataMs} ms, {Accounts} demo accounts in {AccountsMs} ms",
                (int)data.TotalMilliseconds, accounts.Count, (int)(Stopwatch.GetElapsedTime(started) - data).TotalMilliseconds);
        }
        else
        {
            await retirement.RetireAsync();
            await retirement.WarnWithoutAdministratorAsync();
        }
    }

    /// <summary>
    /// The 89 federal subjects, in every mode and on every provider: a missing one is added, one seeded before (by demo
    /// data or an earlier version) is found by its code and brought in line, keeping its id; a start with nothing to do
    /// writes nothing.
    /// </summary>
    private async Task SeedRegionsAsync(CancellationToken ct)
    {
        var existing = await db.Regions.ToDictionaryAsync(r => r.Code, ct);
        var changed = 0;
        foreach (var entry in RussianRegions.All)
        {
            if (existing.TryGetValue(entry.Code, out var region))
            {
                changed += region.Apply(entry) ? 1 : 0;
                continue;
            }

            region = new Region(entry.Name, entry.Code);
            region.Apply(entry);
            db.Regions.Add(region);
            changed++;
        }

        if (changed > 0)
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Reference data: {Count} regions added or updated", changed);
        }
    }

    /// <summary>Organisations written before names had a comparison key get theirs (once: a filled key is never read again here).</summary>
    private async Task FillNameKeysAsync(CancellationToken ct)
    {
        var missing = await db.Organizations.Where(o => o.NameKey == string.Empty).ToListAsync(ct);
        if (missing.Count(o => o.RefreshNameKey()) > 0)
        {
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Road times around Krasnoyarsk the agency starts with; it edits the table afterwards.</summary>
    private async Task SeedTravelTimesAsync(CancellationToken ct)
    {
        if (await db.TravelTimes.AnyAsync(ct))
        {
            return;
        }

        db.TravelTimes.AddRange(
            new TravelTime("Красноярск", "Железногорск", 60),
            new TravelTime("Красноярск", "Дивногорск", 45),
            new TravelTime("Красноярск", "Сосновоборск", 40),
            new TravelTime("Красноярск", "Емельяново", 40),
            new TravelTime("Железногорск", "Сосновоборск", 30));
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedFirstAdministratorAsync()
    {
        var email = configuration["Admin:Email"];
        var password = configuration["Admin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            return;
        }

        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
        {
            return;
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
            Check(await users.CreateAsync(user, password), $"administrator {email}");
        }

        Check(await users.AddToRolesAsync(user, [Roles.Agency, Roles.Administrator]), $"roles of {email}");
        logger.LogInformation("First administrator {Email} created from configuration", email);
    }

    /// <summary>The demo accounts not in the database yet, with the organisations they act for (found once the demo data is in).</summary>
    private async Task<List<DemoAccount>> MissingDemoAccountsAsync()
    {
        List<DemoAccount> all =
        [
            new(NewUser(DemoOptions.AgencyEmail, "Анна Сергеевна Белова"), null, [Roles.Agency, Roles.Administrator]),
            new(NewUser(DemoOptions.MinistryEmail, "Игорь Викторович Лаптев"), null, [Roles.Ministry]),
            new(NewUser(DemoOptions.CompanyEmail, "Ольга Николаевна Сафронова"), DemoData.FirstKalugaCompanyName, [Roles.Company]),
            new(NewUser(DemoOptions.HostCompanyEmail, "Ирина Павловна Гончаренко"), DemoData.DemoHostCompanyName, [Roles.Company]),
        ];
        var missing = new List<DemoAccount>();
        foreach (var account in all)
        {
            if (await users.FindByEmailAsync(account.User.Email!) is null)
            {
                missing.Add(account);
            }
        }

        return missing;
    }

    /// <summary>The account and its roles together: an account never stays without its roles when the start is interrupted.</summary>
    private async Task CreateDemoAccountAsync(DemoAccount account, string passwordHash, CancellationToken ct)
    {
        var user = account.User;
        if (account.Organization is { } organization)
        {
            var organizationId = await db.Organizations.Where(o => o.Name == organization).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
            if (organizationId is null && organization == DemoData.DemoHostCompanyName)
            {
                return;
            }

            user.OrganizationId = organizationId;
        }

        foreach (var validator in users.PasswordValidators)
        {
            Check(await validator.ValidateAsync(users, user, DemoOptions.Password), $"password of {user.Email}");
        }

        user.PasswordHash = passwordHash;
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            Check(await users.CreateAsync(user), $"demo user {user.Email}");
            Check(await users.AddToRolesAsync(user, account.Roles), $"roles of {user.Email}");
            await tx.CommitAsync(ct);
        });
    }

    private async Task MakeDemoCompanyUserMainAsync()
    {
        if (await users.FindByEmailAsync(DemoOptions.CompanyEmail) is { IsCompanyMain: false } companyUser)
        {
            // The demo company's user registered it, so colleagues' requests to join come to her.
            companyUser.IsCompanyMain = true;
            await users.UpdateAsync(companyUser);
        }
    }

    private static PortalUser NewUser(string email, string displayName) =>
        new() { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    private sealed record DemoAccount(PortalUser User, string? Organization, string[] Roles);
}
