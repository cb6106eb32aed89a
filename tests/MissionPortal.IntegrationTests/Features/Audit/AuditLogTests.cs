using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Data.Auditing;
using MissionPortal.Core.Domain.Auditing;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Features.Audit;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Audit;

public class AuditLogTests(CommandLogPortalFactory factory) : IClassFixture<CommandLogPortalFactory>
{
    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<(HttpClient Client, int Krasnoyarsk, int Kaluga)> AgencyAsync()
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.AgencyEmail);
        var regions = await factory.QueryAsync(db => db.Regions.ToDictionaryAsync(r => r.Name, r => r.Id));
        return (client, regions["Красноярский край"], regions["Калужская область"]);
    }

    private async Task<int> CreateMissionAsync(HttpClient client, int krasnoyarsk, int kaluga, string title)
    {
        using var created = await client.SubmitFormAsync("/missions/create", "form[data-testid=mission-form]",
        [
            new("Kind", "BusinessMission"), new("Title", title), new("OriginRegionId", S(kaluga)), new("HostRegionId", S(krasnoyarsk)),
            new("StartDate", "2027-05-18"), new("EndDate", "2027-05-20"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return await factory.QueryAsync(db => db.Missions.Where(m => m.Title == title).Select(m => m.Id).SingleAsync());
    }

    private Task<List<AuditEntry>> EntriesAsync(string type, int id) =>
        factory.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == type && a.EntityId == S(id)).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task A_change_is_recorded_with_the_user_the_time_and_each_old_and_new_value()
    {
        var (client, krasnoyarsk, kaluga) = await AgencyAsync();
        var before = DateTime.UtcNow.AddMinutes(-1);
        var id = await CreateMissionAsync(client, krasnoyarsk, kaluga, "Миссия для журнала");

        using var edited = await client.SubmitFormAsync($"/missions/edit/{id}", "form[data-testid=mission-form]",
        [
            new("Kind", "BusinessMission"), new("Title", "Миссия для журнала, исправленная"), new("OriginRegionId", S(kaluga)), new("HostRegionId", S(krasnoyarsk)),
            new("StartDate", "2027-05-18"), new("EndDate", "2027-05-19"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var agency = await factory.QueryAsync(db => db.Users.Where(u => u.Email == DemoOptions.AgencyEmail).Select(u => new { u.Id, u.DisplayName }).SingleAsync());
        var entries = await EntriesAsync("Mission", id);
        Assert.Equal([AuditAction.Added, AuditAction.Modified], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((agency.Id, agency.DisplayName, (int?)id), (e.UserId, e.UserName, e.MissionId)));
        Assert.All(entries, e => Assert.InRange(e.AtUtc, before, DateTime.UtcNow.AddMinutes(1)));
        Assert.Contains(new AuditChange("Title", null, "Миссия для журнала"), entries[0].ReadChanges());
        var changes = entries[1].ReadChanges();
        Assert.Contains(new AuditChange("Title", "Миссия для журнала", "Миссия для журнала, исправленная"), changes);
        Assert.Contains(new AuditChange("EndDate", "2027-05-20", "2027-05-19"), changes);
        Assert.DoesNotContain(changes, c => c.Field is "StartDate" or "Version" or "SearchText");

        // The delegations made with the mission are recorded under it too.
        var delegations = await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Delegation" && a.MissionId == id));
        Assert.Equal(2, delegations);
    }

    [Fact]
    public async Task Dates_are_days_of_the_chosen_missions_host_region_and_otherwise_of_the_portals_default_zone()
    {
        var (client, _, kaluga) = await AgencyAsync();
        var kaliningrad = await factory.QueryAsync(db => db.Regions.Where(r => r.Code == 39).Select(r => r.Id).SingleAsync());
        var id = await CreateMissionAsync(client, kaliningrad, kaluga, "Миссия в Калининградскую область для журнала");
        // The mission's creation at 20:30 UTC on 5 March: 22:30 that day in Kaliningrad (UTC+2), 03:30 on the 6th in Krasnoyarsk.
        var entry = (await EntriesAsync("Mission", id))[0].Id;
        await factory.QueryAsync(db => db.AuditEntries.Where(a => a.Id == entry)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.AtUtc, new DateTime(2026, 3, 5, 20, 30, 0, DateTimeKind.Utc))));
        async Task<(List<string> Rows, string Zone)> FilterAsync(string query)
        {
            var page = await client.GetPageAsync($"/audit?Entity=Mission&EntityId={S(id)}&{query}");
            return (page.QuerySelectorAll("[data-testid=audit-row] td:first-child").Select(td => td.TextContent.Trim()).ToList(),
                page.QuerySelector("[data-testid=audit-zone]")?.TextContent ?? "(no zone said)");
        }

        var (rows, zone) = await FilterAsync($"MissionId={S(id)}&From=2026-03-05&To=2026-03-05");
        Assert.Equal(["05.03.2026 22:30:00 (UTC+2)"], rows);
        Assert.Contains("Даты фильтра — местное время: Калининградская область, UTC+2.", zone, StringComparison.Ordinal);
        Assert.Empty((await FilterAsync($"MissionId={S(id)}&From=2026-03-06&To=2026-03-06")).Rows);

        // Across all missions the days are the portal's default zone's (Krasnoyarsk): the 6th.
        (rows, zone) = await FilterAsync("From=2026-03-06&To=2026-03-06");
        Assert.Equal(["05.03.2026 22:30:00 (UTC+2)"], rows);
        Assert.Contains("Даты фильтра — местное время: Asia/Krasnoyarsk, UTC+7.", zone, StringComparison.Ordinal);
        Assert.Empty((await FilterAsync("From=2026-03-05&To=2026-03-05")).Rows);
    }

    [Fact]
    public async Task A_save_that_fails_writes_no_audit_row()
    {
        var (client, krasnoyarsk, kaluga) = await AgencyAsync();
        var id = await CreateMissionAsync(client, krasnoyarsk, kaluga, "Миссия двух правок");
        var form = await client.GetPageAsync($"/missions/edit/{id}");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var version = form.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        FormUrlEncodedContent Edit(string title) => new(
        [
            new("Kind", "BusinessMission"), new("Title", title), new("OriginRegionId", S(kaluga)), new("HostRegionId", S(krasnoyarsk)),
            new("StartDate", "2027-05-18"), new("EndDate", "2027-05-20"), new("Version", version), new("__RequestVerificationToken", token),
        ]);

        using var first = await client.PostAsync($"/missions/edit/{id}", Edit("Первая правка"));
        using var second = await client.PostAsync($"/missions/edit/{id}", Edit("Вторая правка"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var modified = (await EntriesAsync("Mission", id)).Where(e => e.Action == AuditAction.Modified).ToList();
        var only = Assert.Single(modified);
        Assert.Contains(new AuditChange("Title", "Миссия двух правок", "Первая правка"), only.ReadChanges());
    }

    [Fact]
    public async Task The_audit_row_goes_in_one_insert_after_the_change_and_pages_send_no_audit_command()
    {
        var (client, _, _) = await AgencyAsync();
        var venue = await factory.QueryAsync(db => db.Venues.OrderBy(v => v.Id).Select(v => new { v.Id, v.Name, v.City, v.Address }).FirstAsync());
        var page = await client.GetPageAsync($"/venues/edit/{venue.Id}");
        Assert.NotNull(page.QuerySelector("form[data-testid=venue-form]"));

        var mark = factory.Commands.Mark;
        using (var saved = await client.SubmitFormAsync($"/venues/edit/{venue.Id}", "form[data-testid=venue-form]",
            [new("Name", venue.Name), new("City", venue.City), new("Address", venue.Address), new("Capacity", "321")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var commands = factory.Commands.Since(mark);
        var inserts = commands.Where(c => c.Contains("\"AuditEntries\"", StringComparison.Ordinal)).ToList();
        Assert.Single(inserts);
        Assert.StartsWith("INSERT INTO", inserts[0], StringComparison.Ordinal);
        Assert.True(commands.ToList().FindIndex(c => c.StartsWith("UPDATE \"Venues\"", StringComparison.Ordinal)) < commands.ToList().IndexOf(inserts[0]));

        mark = factory.Commands.Mark;
        foreach (var url in new[] { "/", "/missions", "/venues", $"/venues/edit/{venue.Id}", "/agreements" })
        {
            await client.GetPageAsync(url);
        }

        Assert.DoesNotContain(factory.Commands.Since(mark), c => c.Contains("AuditEntries", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Password_hashes_security_stamps_and_tokens_never_reach_the_audit_log()
    {
        var email = await factory.CreateUserAsync(MissionPortal.Core.Security.Roles.Ministry);
        var user = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => new { u.Id, u.PasswordHash, u.SecurityStamp }).SingleAsync());
        var calendarTokens = await factory.QueryAsync(db => db.Missions.Select(m => m.CalendarToken).ToListAsync());

        var rows = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "PortalUser" && a.EntityId == user.Id).ToListAsync());
        var added = Assert.Single(rows, r => r.Action == AuditAction.Added);
        Assert.Contains(new AuditChange("Email", null, email), added.ReadChanges());
        var all = await factory.QueryAsync(db => db.AuditEntries.Select(a => a.Changes).ToListAsync());
        Assert.All(all, changes =>
        {
            Assert.DoesNotContain(user.PasswordHash!, changes, StringComparison.Ordinal);
            Assert.DoesNotContain(user.SecurityStamp!, changes, StringComparison.Ordinal);
            Assert.DoesNotContain("\"PasswordHash\"", changes, StringComparison.Ordinal);
            Assert.DoesNotContain("\"SecurityStamp\"", changes, StringComparison.Ordinal);
            Assert.DoesNotContain("\"CalendarToken\"", changes, StringComparison.Ordinal);
            Assert.All(calendarTokens, token => Assert.DoesNotContain(token, changes, StringComparison.Ordinal));
        });
        var roles = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "IdentityUserRole" && a.EntityId.StartsWith(user.Id)).ToListAsync());
        Assert.Equal(AuditAction.Added, Assert.Single(roles).Action);
    }

    [Fact]
    public async Task The_agency_and_the_ministry_read_the_log_and_one_record_s_history_and_a_company_user_is_refused()
    {
        var (agency, krasnoyarsk, kaluga) = await AgencyAsync();
        var id = await CreateMissionAsync(agency, krasnoyarsk, kaluga, "Миссия на странице журнала");
        await CreateMissionAsync(agency, krasnoyarsk, kaluga, "Другая миссия журнала");
        var ministry = factory.CreatePortalClient();
        await ministry.LoginAsAsync(DemoOptions.MinistryEmail);
        var company = factory.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);

        var history = await ministry.GetPageAsync($"/audit?entity=Mission&entityId={id}");
        var byMission = await agency.GetPageAsync($"/audit?missionId={id}");
        using var refused = await company.GetAsync("/audit");

        var rows = history.QuerySelectorAll("[data-testid=audit-row]");
        var row = Assert.Single(rows);
        Assert.Contains("Создано", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(row.QuerySelectorAll("[data-testid=audit-change]"), c => c.TextContent.Contains("Название", StringComparison.Ordinal)
            && c.TextContent.Contains("Миссия на странице журнала", StringComparison.Ordinal));
        Assert.Contains(row.QuerySelectorAll("[data-testid=audit-change]"), c => c.TextContent.Contains("Бизнес-миссия", StringComparison.Ordinal));
        Assert.Equal(3, byMission.QuerySelectorAll("[data-testid=audit-row]").Length);
        Assert.DoesNotContain("Другая миссия журнала", byMission.QuerySelector("[data-testid=audit]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task The_log_pages_and_filters_by_user_and_date()
    {
        var (agency, krasnoyarsk, kaluga) = await AgencyAsync();
        for (var i = 0; i < 3; i++)
        {
            await CreateMissionAsync(agency, krasnoyarsk, kaluga, $"Миссия для страниц журнала {i}");
        }

        var agencyId = await factory.QueryAsync(db => db.Users.Where(u => u.Email == DemoOptions.AgencyEmail).Select(u => u.Id).SingleAsync());
        var total = await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.UserId == agencyId));
        Assert.True(total > AuditController.PageSize / 6);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var first = await agency.GetPageAsync($"/audit?userId={agencyId}&from={today}&to={today}");
        var tomorrow = await agency.GetPageAsync($"/audit?userId={agencyId}&from=2099-01-01");
        var beyond = await agency.GetPageAsync("/audit?page=100000");

        Assert.Equal(Math.Min(total, AuditController.PageSize), first.QuerySelectorAll("[data-testid=audit-row]").Length);
        Assert.Empty(tomorrow.QuerySelectorAll("[data-testid=audit-row]"));
        Assert.NotEmpty(beyond.QuerySelectorAll("[data-testid=audit-row]"));
    }

    [Fact]
    public async Task Every_audited_record_type_has_a_Russian_name_on_the_log()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        var unnamed = db.Model.GetEntityTypes()
            .Where(t => ChangeAuditor.IsAuditedType(t.ClrType) && !t.IsOwned())
            .Select(t => t.ShortName())
            .Where(name => !AuditText.Entities.ContainsKey(name))
            .ToList();

        Assert.Empty(unnamed);
    }
}
