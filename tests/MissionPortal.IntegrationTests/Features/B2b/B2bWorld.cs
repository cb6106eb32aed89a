using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Core.Security;
using MissionPortal.IntegrationTests.Infrastructure;

namespace MissionPortal.IntegrationTests.Features.B2b;

/// <summary>
/// A mission of a test's own with a B2B item yesterday (host region time) 10:00–11:00, and four companies with a user
/// each: two of the host region (Krasnoyarsk, or the region of <c>hostRegionCode</c>) and two visiting ones whose
/// people are in the delegation. With
/// <c>withSession</c> the agency has set up the session already: 20-minute meetings, no pause, 2 tables (3 slots),
/// requests open from a day ago to a day ahead.
/// </summary>
public sealed record B2bWorld(int MissionId, int ItemId, int? SessionId, Company HostA, Company HostB, Company GuestA, Company GuestB)
{
    public const string Password = "Пароль-для-проверки-2026";

    public static async Task<B2bWorld> CreateAsync(PortalFactory factory, bool withSession = true, int hostRegionCode = 24)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var host = await db.Regions.Where(r => r.Code == hostRegionCode).Select(r => new { r.Id, r.TimeZoneId }).SingleAsync();
        var krasnoyarsk = host.Id;
        var kaluga = await db.Regions.Where(r => r.Code == 40).Select(r => r.Id).SingleAsync();
        var yesterday = HostCalendar.Today(TimeProvider.System, HostCalendar.Zone(host.TimeZoneId)).AddDays(-1);

        Organization NewCompany(string name, int region) =>
            new Organization($"{name} {tag}", OrganizationKind.Company, region).WithContacts($"Контакт {name}", null, "+73912000000");
        var hostA = NewCompany("ООО «Хозяин А»", krasnoyarsk);
        var hostB = NewCompany("ООО «Хозяин Б»", krasnoyarsk);
        var guestA = NewCompany("ООО «Гость А»", kaluga);
        var guestB = NewCompany("ООО «Гость Б»", kaluga);
        guestA.AddProduct("Раствор для инфузий", "Инфузионные растворы", "Флаконы 500 мл");
        db.Organizations.AddRange(hostA, hostB, guestA, guestB);

        var mission = new Mission(MissionKind.TradeEconomic, $"Миссия B2B {tag}", kaluga, krasnoyarsk, yesterday, yesterday.AddDays(2));
        var delegation = mission.AddDelegation($"Делегация {tag}", DelegationSide.Visiting);
        delegation.AddParticipant("Гостев", "Антон", null, "Директор", guestA);
        delegation.AddParticipant("Гостева", "Белла", null, "Директор", guestB);
        var item = mission.AddItem(yesterday, new TimeOnly(10, 0), new TimeOnly(11, 0), ProgrammeItemKind.B2BSession, $"B2B-встречи {tag}", null);
        db.Missions.Add(mission);
        await db.SaveChangesAsync();

        int? sessionId = null;
        if (withSession)
        {
            var now = DateTime.UtcNow;
            var session = new B2bSession(item.Id, mission.Id, new SessionSettings(
                new TimeOnly(10, 0), new TimeOnly(11, 0), 20, 0, 2, now.AddDays(-1), now.AddDays(1), []));
            db.B2bSessions.Add(session);
            await db.SaveChangesAsync();
            sessionId = session.Id;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        async Task<Company> UserFor(Organization organization)
        {
            var email = $"b2b-{Guid.NewGuid():N}@example.ru";
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = organization.Name, OrganizationId = organization.Id };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Company)).Succeeded);
            return new Company(organization.Id, organization.Name, email);
        }

        return new B2bWorld(mission.Id, item.Id, sessionId, await UserFor(hostA), await UserFor(hostB), await UserFor(guestA), await UserFor(guestB));
    }
}

public sealed record Company(int Id, string Name, string Email)
{
    public async Task<HttpClient> ClientAsync(PortalFactory factory)
    {
        var client = factory.CreatePortalClient();
        using var response = await client.LoginAsync(Email, B2bWorld.Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
