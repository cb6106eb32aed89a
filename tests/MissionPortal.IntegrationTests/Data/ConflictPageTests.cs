using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Agreements;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Core.Security;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Data;

/// <summary>
/// Every editable aggregate: two people act on the same loaded version; the first is saved, the second gets the
/// conflict page (409) and the database keeps the first.
/// </summary>
public class ConflictPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<HttpClient> AgencyAsync()
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.AgencyEmail);
        return client;
    }

    private async Task<T> AddAsync<T>(T entity)
        where T : class
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.Add(entity);
        await db.SaveChangesAsync();
        return entity;
    }

    private static async Task AssertConflictAsync(HttpResponseMessage second)
    {
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("другой", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_venue_edited_twice_from_one_version_keeps_the_first_and_shows_the_second_a_conflict()
    {
        var venue = await AddAsync(new Venue("Зал для двух правок", "Красноярск", "ул. Мира, 5", 50));
        var client = await AgencyAsync();
        var form = await client.ReadFormAsync($"/venues/edit/{venue.Id}", "form[data-testid=venue-form]");
        KeyValuePair<string, string>[] Fields(string name) => [new("Name", name), new("City", "Красноярск"), new("Address", "ул. Мира, 5"), new("Capacity", "50")];

        using var first = await client.PostFormAsync(form, Fields("Зал, первая правка"));
        using var second = await client.PostFormAsync(form, Fields("Зал, вторая правка"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        await AssertConflictAsync(second);
        Assert.Contains("Зал, первая правка", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Зал, первая правка", await factory.QueryAsync(db => db.Venues.Where(v => v.Id == venue.Id).Select(v => v.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_travel_time_changed_twice_from_one_version_keeps_the_first()
    {
        var travel = await AddAsync(new TravelTime("Красноярск", $"Посёлок {Guid.NewGuid():N}", 45));
        var client = await AgencyAsync();
        var form = await client.ReadFormAsync("/travel-times", $"form[action='/travel-times/{travel.Id}']");

        using var first = await client.PostFormAsync(form, [new("minutes", "50")]);
        using var second = await client.PostFormAsync(form, [new("minutes", "70")]);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        await AssertConflictAsync(second);
        Assert.Equal(50, await factory.QueryAsync(db => db.TravelTimes.Where(t => t.Id == travel.Id).Select(t => t.Minutes).SingleAsync()));
    }

    [Fact]
    public async Task A_participant_approved_by_one_and_declined_from_the_same_page_by_another_stays_approved()
    {
        var scenario = await Scenario.CreateAsync(factory, "Миссия двух решений");
        var person = scenario.PeopleIds[1];
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            (await db.Participants.SingleAsync(p => p.Id == person)).MarkPending();
            await db.SaveChangesAsync();
        }

        var one = await AgencyAsync();
        var other = await AgencyAsync();
        var page = $"/missions/{scenario.MissionId}/participants";
        var approve = await one.ReadFormAsync(page, $"form[action='/participants/{person}/approve']");
        var decline = await other.ReadFormAsync(page, $"form[action='/participants/{person}/decline']");

        using var first = await one.PostFormAsync(approve, []);
        using var second = await other.PostFormAsync(decline, []);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        await AssertConflictAsync(second);
        Assert.Equal(ParticipantStatus.Approved, await factory.QueryAsync(db => db.Participants.Where(p => p.Id == person).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_company_approved_by_one_and_rejected_from_the_same_page_by_another_stays_approved()
    {
        var region = await factory.QueryAsync(db => db.Regions.Select(r => r.Id).FirstAsync());
        var company = new Organization("ООО «Две проверки»", OrganizationKind.Company, region);
        company.MarkPending();
        await AddAsync(company);
        var one = await AgencyAsync();
        var other = await AgencyAsync();
        var approve = await one.ReadFormAsync("/companies", $"form[action='/companies/{company.Id}/approve']");
        var reject = await other.ReadFormAsync("/companies", $"form[action='/companies/{company.Id}/reject']");

        using var first = await one.PostFormAsync(approve, []);
        using var second = await other.PostFormAsync(reject, [new("reason", "Нет документов")]);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        await AssertConflictAsync(second);
        Assert.Equal(OrganizationStatus.Approved, await factory.QueryAsync(db => db.Organizations.Where(o => o.Id == company.Id).Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_mission_status_step_taken_from_a_stale_page_is_refused()
    {
        var scenario = await Scenario.CreateAsync(factory, "Миссия двух статусов");
        var client = await AgencyAsync();
        var form = await client.ReadFormAsync($"/missions/edit/{scenario.MissionId}", $"form[action='/missions/status/{scenario.MissionId}']");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            (await db.Missions.SingleAsync(m => m.Id == scenario.MissionId)).Describe("Другой сотрудник поправил описание");
            await db.SaveChangesAsync();
        }

        using var stale = await client.PostFormAsync(form, [new("status", "Cancelled")]);

        await AssertConflictAsync(stale);
        Assert.Equal(MissionStatus.Draft, await factory.QueryAsync(db => db.Missions.Where(m => m.Id == scenario.MissionId).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task An_agreement_moved_twice_from_one_card_takes_one_step()
    {
        var agreement = await AddAsync(new Agreement("Соглашение двух шагов", AgreementKind.Interregional, CooperationAreas.Cultural));
        var one = await AgencyAsync();
        var form = await one.ReadFormAsync($"/agreements/{agreement.Id}", "form[data-testid=agreement-step-Negotiation]");

        using var first = await one.PostFormAsync(form, []);
        using var second = await one.PostFormAsync(form, [new("Status", "Draft")]);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        await AssertConflictAsync(second);
        Assert.Equal(AgreementStatus.Negotiation, await factory.QueryAsync(db => db.Agreements.Where(a => a.Id == agreement.Id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task An_agreement_edited_twice_from_one_version_keeps_the_first()
    {
        var agreement = await AddAsync(new Agreement("Соглашение двух правок", AgreementKind.Interregional, CooperationAreas.Cultural));
        var parties = await factory.QueryAsync(db => db.Organizations.OrderBy(o => o.Id).Select(o => o.Id).Take(2).ToListAsync());
        var client = await AgencyAsync();
        var form = await client.ReadFormAsync($"/agreements/{agreement.Id}/edit", "form[data-testid=agreement-form]");
        KeyValuePair<string, string>[] Fields(string title) => [new("Title", title), new("Kind", "Interregional"), new("Areas", "Cultural"), new("PartyIds", S(parties[0])), new("PartyIds", S(parties[1]))];

        using var first = await client.PostFormAsync(form, Fields("Соглашение, первая правка"));
        using var second = await client.PostFormAsync(form, Fields("Соглашение, вторая правка"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        await AssertConflictAsync(second);
        Assert.Equal("Соглашение, первая правка", await factory.QueryAsync(db => db.Agreements.Where(a => a.Id == agreement.Id).Select(a => a.Title).SingleAsync()));
    }

    [Fact]
    public async Task A_user_edited_by_two_administrators_from_one_version_keeps_the_first()
    {
        var email = await factory.CreateUserAsync(Roles.Ministry);
        var id = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var client = await AgencyAsync();
        var form = await client.ReadFormAsync($"/users/edit/{id}", $"form[action='/users/edit/{id}']");
        KeyValuePair<string, string>[] Fields(string name) => [new("DisplayName", name), new("Roles", Roles.Ministry)];

        using var first = await client.PostFormAsync(form, Fields("Первое Имя"));
        using var second = await client.PostFormAsync(form, Fields("Второе Имя"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        await AssertConflictAsync(second);
        Assert.Equal("Первое Имя", await factory.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task A_company_withdrawing_a_person_the_agency_has_just_declined_sees_a_conflict()
    {
        var company = factory.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);
        var own = await factory.QueryAsync(db => db.Users.Where(u => u.Email == DemoOptions.CompanyEmail).Select(u => u.OrganizationId).SingleAsync());
        var person = await factory.QueryAsync(db => db.Participants.Where(p => p.OrganizationId == own && p.Status == ParticipantStatus.Approved).OrderBy(p => p.Id).Select(p => new { p.Id, p.Delegation!.MissionId }).FirstAsync());
        var withdraw = await company.ReadFormAsync($"/applications/participants/{person.Id}/withdraw", $"form[action='/applications/participants/{person.Id}/withdraw']");
        var agency = await AgencyAsync();
        using (var declined = await agency.SubmitFormAsync($"/missions/{person.MissionId}/participants", $"form[action='/participants/{person.Id}/decline']", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        }

        using var stale = await company.PostFormAsync(withdraw, []);

        await AssertConflictAsync(stale);
        Assert.Equal(ParticipantStatus.Declined, await factory.QueryAsync(db => db.Participants.Where(p => p.Id == person.Id).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_venue_deleted_from_a_page_older_than_another_s_edit_stays_in_the_registry()
    {
        var venue = await AddAsync(new Venue("Зал удаления со старой страницы", "Красноярск", "ул. Мира, 7", 40));
        var client = await AgencyAsync();
        var form = await client.ReadFormAsync($"/venues/edit/{venue.Id}", "form[data-testid=venue-delete]");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            (await db.Venues.SingleAsync(v => v.Id == venue.Id)).Update("Зал после чужой правки", "Красноярск", "ул. Мира, 7", 40, null);
            await db.SaveChangesAsync();
        }

        using var stale = await client.PostFormAsync(form, []);

        await AssertConflictAsync(stale);
        Assert.Contains("Зал после чужой правки", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await factory.QueryAsync(db => db.Venues.Where(v => v.Id == venue.Id).Select(v => v.DeletedAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task A_venue_restored_from_a_page_older_than_another_s_restore_and_delete_stays_deleted()
    {
        var venue = new Venue("Зал восстановления со старой страницы", "Красноярск", "ул. Мира, 9", 40);
        venue.Delete(DateTime.UtcNow);
        await AddAsync(venue);
        var client = await AgencyAsync();
        var form = await client.ReadFormAsync("/venues/deleted", $"form[action='/venues/restore/{venue.Id}']");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var stored = await db.Venues.SingleAsync(v => v.Id == venue.Id);
            stored.Restore();
            await db.SaveChangesAsync();
            stored.Delete(DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        using var stale = await client.PostFormAsync(form, []);

        await AssertConflictAsync(stale);
        Assert.NotNull(await factory.QueryAsync(db => db.Venues.Where(v => v.Id == venue.Id).Select(v => v.DeletedAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task A_user_locked_from_a_page_older_than_another_administrator_s_edit_stays_active()
    {
        var email = await factory.CreateUserAsync(Roles.Ministry);
        var id = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var client = await AgencyAsync();
        var form = await client.ReadFormAsync("/users", $"form[action='/users/lock/{id}']");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByIdAsync(id))!;
            user.DisplayName = "Имя после чужой правки";
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }

        using var stale = await client.PostFormAsync(form, []);

        await AssertConflictAsync(stale);
        Assert.Contains("Имя после чужой правки", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await factory.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task A_user_unlocked_from_a_page_older_than_another_administrator_s_unlock_and_lock_stays_locked()
    {
        var email = await factory.CreateUserAsync(Roles.Ministry);
        var id = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        async Task SetLockAsync(DateTimeOffset? end)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByIdAsync(id))!;
            await users.SetLockoutEnabledAsync(user, true);
            Assert.True((await users.SetLockoutEndDateAsync(user, end)).Succeeded);
        }

        await SetLockAsync(DateTimeOffset.MaxValue);
        var client = await AgencyAsync();
        var form = await client.ReadFormAsync("/users", $"form[action='/users/unlock/{id}']");
        await SetLockAsync(null);
        await SetLockAsync(DateTimeOffset.MaxValue);

        using var stale = await client.PostFormAsync(form, []);

        await AssertConflictAsync(stale);
        Assert.NotNull(await factory.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task A_programme_item_deleted_from_a_page_older_than_another_s_edit_stays_in_the_programme()
    {
        var scenario = await Scenario.CreateAsync(factory, "Миссия удаления со старой страницы");
        var client = await AgencyAsync();
        var form = await client.ReadFormAsync($"/programme/{scenario.MissionId}", $"form[action='/programme/items/{scenario.MorningItemId}/delete']");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var item = await db.ProgrammeItems.SingleAsync(i => i.Id == scenario.MorningItemId);
            item.Reschedule(item.Date, new TimeOnly(9, 0), new TimeOnly(10, 0));
            await db.SaveChangesAsync();
        }

        using var stale = await client.PostFormAsync(form, []);

        await AssertConflictAsync(stale);
        Assert.Contains("09:00", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await factory.QueryAsync(db => db.ProgrammeItems.IgnoreQueryFilters().Where(i => i.Id == scenario.MorningItemId).Select(i => i.DeletedAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task A_programme_item_restored_from_a_page_older_than_another_s_restore_and_delete_stays_deleted()
    {
        var scenario = await Scenario.CreateAsync(factory, "Миссия восстановления со старой страницы");
        async Task SetDeletedAsync(bool deleted)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var item = await db.ProgrammeItems.IgnoreQueryFilters().SingleAsync(i => i.Id == scenario.MorningItemId);
            if (deleted)
            {
                item.Delete(DateTime.UtcNow);
            }
            else
            {
                item.Restore();
            }

            await db.SaveChangesAsync();
        }

        await SetDeletedAsync(true);
        var client = await AgencyAsync();
        var form = await client.ReadFormAsync($"/programme/{scenario.MissionId}/deleted", $"form[action='/programme/items/{scenario.MorningItemId}/restore']");
        await SetDeletedAsync(false);
        await SetDeletedAsync(true);

        using var stale = await client.PostFormAsync(form, []);

        await AssertConflictAsync(stale);
        Assert.NotNull(await factory.QueryAsync(db => db.ProgrammeItems.IgnoreQueryFilters().Where(i => i.Id == scenario.MorningItemId).Select(i => i.DeletedAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task A_travel_time_deleted_from_a_page_older_than_another_s_change_is_kept()
    {
        var travel = await AddAsync(new TravelTime("Красноярск", $"Посёлок {Guid.NewGuid():N}", 45));
        var client = await AgencyAsync();
        var form = await client.ReadFormAsync("/travel-times", $"form[action='/travel-times/{travel.Id}/delete']");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            (await db.TravelTimes.SingleAsync(t => t.Id == travel.Id)).Change(55);
            await db.SaveChangesAsync();
        }

        using var stale = await client.PostFormAsync(form, []);

        await AssertConflictAsync(stale);
        Assert.Equal(55, await factory.QueryAsync(db => db.TravelTimes.Where(t => t.Id == travel.Id).Select(t => t.Minutes).SingleAsync()));
    }

    [Fact]
    public async Task A_product_deleted_from_a_page_older_than_another_s_change_stays_in_the_catalogue()
    {
        var company = await factory.QueryAsync(db => db.Users.Where(u => u.Email == DemoOptions.CompanyEmail).Select(u => u.OrganizationId!.Value).SingleAsync());
        int id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var product = (await db.Organizations.SingleAsync(o => o.Id == company)).AddProduct("Прибор со старой страницы", "Медицинские изделия", "Описание");
            await db.SaveChangesAsync();
            id = product.Id;
        }

        var client = await AgencyAsync();
        var form = await client.ReadFormAsync($"/products/{id}/delete", $"form[action='/products/{id}/delete']");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var product = await db.Products.SingleAsync(p => p.Id == id);
            product.Delete(DateTime.UtcNow);
            await db.SaveChangesAsync();
            product.Restore();
            await db.SaveChangesAsync();
        }

        using var stale = await client.PostFormAsync(form, []);

        await AssertConflictAsync(stale);
        Assert.Null(await factory.QueryAsync(db => db.Products.IgnoreQueryFilters().Where(p => p.Id == id).Select(p => p.DeletedAtUtc).SingleAsync()));
    }
}
