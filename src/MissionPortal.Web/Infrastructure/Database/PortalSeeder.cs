using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MissionPortal.Core.Data;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Identity;
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
    ILogger<PortalSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        await SeedFirstAdministratorAsync();
        await SeedTravelTimesAsync(ct);

        if (demo.Value.Enabled)
        {
            await DemoData.SeedAsync(db, ct);
            await SeedDemoAccountsAsync(ct);
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

    private async Task SeedDemoAccountsAsync(CancellationToken ct)
    {
        var firstCompany = await db.Organizations
            .Where(o => o.Name == DemoData.FirstKalugaCompanyName)
            .Select(o => (int?)o.Id)
            .FirstOrDefaultAsync(ct);

        await EnsureUserAsync(DemoOptions.AgencyEmail, "Анна Сергеевна Белова", null, Roles.Agency, Roles.Administrator);
        await EnsureUserAsync(DemoOptions.MinistryEmail, "Игорь Викторович Лаптев", null, Roles.Ministry);
        await EnsureUserAsync(DemoOptions.CompanyEmail, "Ольга Николаевна Сафронова", firstCompany, Roles.Company);
        var hostCompany = await db.Organizations
            .Where(o => o.Name == DemoData.DemoHostCompanyName)
            .Select(o => (int?)o.Id)
            .FirstOrDefaultAsync(ct);
        if (hostCompany is not null)
        {
            await EnsureUserAsync(DemoOptions.HostCompanyEmail, "Ирина Павловна Гончаренко", hostCompany, Roles.Company);
        }
        if (await users.FindByEmailAsync(DemoOptions.CompanyEmail) is { IsCompanyMain: false } companyUser)
        {
            // The demo company's user registered it, so colleagues' requests to join come to her.
            companyUser.IsCompanyMain = true;
            await users.UpdateAsync(companyUser);
        }
    }

    private async Task EnsureUserAsync(string email, string displayName, int? organizationId, params string[] userRoles)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            OrganizationId = organizationId,
        };
        Check(await users.CreateAsync(user, DemoOptions.Password), $"demo user {email}");
        Check(await users.AddToRolesAsync(user, userRoles), $"roles of {email}");
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
