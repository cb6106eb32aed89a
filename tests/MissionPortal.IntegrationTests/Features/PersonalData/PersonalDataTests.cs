using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Auditing;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Mail;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.PersonalData;

/// <summary>
/// 152-ФЗ: the basis recorded for people the agency adds, a copy of one's data read back, erasure that anonymises a
/// person everywhere (rows, audit log, outbox) while every count stays. A portal of its own: erasure is for good.
/// </summary>
public class PersonalDataTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private Task<int> KalugaAsync() => factory.QueryAsync(db => db.Missions.Where(m => m.Title == DemoData.KalugaMissionTitle).Select(m => m.Id).SingleAsync());

    private async Task<(HttpClient Agency, int Mission, int Delegation)> AgencyAsync()
    {
        var mission = await KalugaAsync();
        var delegation = await factory.QueryAsync(db => db.Delegations.Where(d => d.MissionId == mission && d.Side == DelegationSide.Visiting).Select(d => d.Id).FirstAsync());
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        return (agency, mission, delegation);
    }

    private static async Task<HttpResponseMessage> AddAsync(HttpClient agency, int mission, int delegation, string surname, string email, string phone, string? basis) =>
        await agency.SubmitFormAsync($"/missions/{mission}/participants", "form[data-testid=add-person-form]",
        [
            new("Surname", surname), new("GivenName", "Алёна"), new("Patronymic", "Игоревна"), new("Position", "Инженер-технолог"),
            new("Email", email), new("Phone", phone), new("DelegationId", S(delegation)), new("DataBasis", basis ?? string.Empty),
        ]);

    [Fact]
    public async Task The_agency_chooses_the_basis_when_adding_a_person_and_their_page_shows_who_recorded_it_and_when()
    {
        var (agency, mission, delegation) = await AgencyAsync();

        using var without = await AddAsync(agency, mission, delegation, "Безоснованная", "none@example.ru", "+7 913 000-00-01", null);
        Assert.Equal(HttpStatusCode.OK, without.StatusCode);
        Assert.Contains("Укажите, на каком основании портал хранит данные человека.", await without.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.Participants.CountAsync(p => p.Surname == "Безоснованная")));

        using var added = await AddAsync(agency, mission, delegation, "Основанова", "osnovanova@example.ru", "+7 913 000-00-02", "ConsentInPerson");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var person = await factory.QueryAsync(db => db.Participants.Where(p => p.Surname == "Основанова")
            .Select(p => new { p.Id, p.DataBasis, p.DataBasisRecordedBy, p.DataBasisRecordedAtUtc }).SingleAsync());
        Assert.Equal(PersonalDataBasis.ConsentInPerson, person.DataBasis);
        var agencyName = await factory.QueryAsync(db => db.Users.Where(u => u.Email == DemoOptions.AgencyEmail).Select(u => u.DisplayName).SingleAsync());
        Assert.Equal(agencyName, person.DataBasisRecordedBy);
        Assert.True(person.DataBasisRecordedAtUtc > DateTime.UtcNow.AddMinutes(-5));

        var page = await agency.GetPageAsync($"/participants/{person.Id}/personal-data");
        var basis = page.QuerySelector("[data-testid=data-basis]")!.TextContent;
        Assert.Contains("Согласие дано лично", basis, StringComparison.Ordinal);
        Assert.Contains(agencyName, basis, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_downloads_everything_the_portal_holds_about_them_and_the_agency_the_same_for_a_participant()
    {
        var mission = await KalugaAsync();
        var company = factory.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);
        using var applied = await company.SubmitFormAsync($"/applications/{mission}", "form[data-testid=apply-form]",
            [new("Surname", "Самозаявленная"), new("GivenName", "Ольга"), new("Position", "Коммерческий директор"), new("Email", DemoOptions.CompanyEmail)]);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);

        using var response = await company.GetAsync("/personal-data/copy");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("personal-data-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        using var copy = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        var root = copy.RootElement;
        Assert.Equal(DemoOptions.CompanyEmail, root.GetProperty("account").GetProperty("email").GetString());
        Assert.Contains("Company", root.GetProperty("account").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(DemoData.FirstKalugaCompanyName, root.GetProperty("organisation").GetProperty("name").GetString());
        Assert.True(root.GetProperty("organisation").GetProperty("products").GetArrayLength() > 0);
        var participation = root.GetProperty("participations").EnumerateArray().Single(p => p.GetProperty("surname").GetString() == "Самозаявленная");
        Assert.Equal(DemoData.KalugaMissionTitle, participation.GetProperty("mission").GetString());
        Assert.Equal("Pending", participation.GetProperty("status").GetString());
        Assert.True(root.GetProperty("changesMade").GetArrayLength() > 0, "the application the user just made is not among their changes");

        // The agency makes the same copy for the participant, who has no account of their own.
        var id = participation.GetProperty("id").GetInt32();
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        using var agencyCopy = await agency.GetAsync($"/participants/{id}/personal-data/copy");
        Assert.Equal(HttpStatusCode.OK, agencyCopy.StatusCode);
        using var theirs = JsonDocument.Parse(await agencyCopy.Content.ReadAsStreamAsync());
        Assert.Equal(JsonValueKind.Null, theirs.RootElement.GetProperty("account").ValueKind);
        Assert.Contains(theirs.RootElement.GetProperty("participations").EnumerateArray(), p => p.GetProperty("id").GetInt32() == id && p.GetProperty("position").GetString() == "Коммерческий директор");

        // A company may not make a copy of anyone's data but its own.
        using var refused = await company.GetAsync($"/participants/{id}/personal-data/copy");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Erasing_a_participant_anonymises_them_in_the_roster_the_audit_log_and_the_outbox_and_the_counts_stay()
    {
        var (agency, mission, delegation) = await AgencyAsync();
        const string email = "stiraemaya@example.ru";
        using var added = await AddAsync(agency, mission, delegation, "Стираемая", email, "+7 913 555-44-33", "ConsentCollectedBySender");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = await factory.QueryAsync(db => db.Participants.Where(p => p.Surname == "Стираемая").Select(p => p.Id).SingleAsync());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.OutboxMessages.Add(new OutboxMessage("participant-approved", email, "Стираемая А. И.", "Участие подтверждено", "Здравствуйте, Алёна Игоревна", "<p>Здравствуйте</p>", DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        var counts = await CountsAsync(mission);
        var stored = new[] { AuditEntry.StoredForm(email), AuditEntry.StoredForm("+79135554433"), "Стираемая" };
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Participant" && a.EntityId == S(id) && a.Changes.Contains(stored[0]))), "the log did not hold the address before");

        // Unconfirmed: nothing changes.
        var form = await agency.ReadFormAsync($"/participants/{id}/personal-data", "form[data-testid=erase-participant-form]");
        using var unconfirmed = await agency.SubmitFormAsync($"/participants/{id}/personal-data", "form[data-testid=erase-participant-form]", []);
        Assert.Equal(HttpStatusCode.Redirect, unconfirmed.StatusCode);
        Assert.Equal("Стираемая", await factory.QueryAsync(db => db.Participants.Where(p => p.Id == id).Select(p => p.Surname).SingleAsync()));

        using var erased = await agency.SubmitFormAsync($"/participants/{id}/personal-data", "form[data-testid=erase-participant-form]", [new("Confirmed", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);

        var person = await factory.QueryAsync(db => db.Participants.Where(p => p.Id == id)
            .Select(p => new { p.Surname, p.GivenName, p.Patronymic, p.Position, p.Email, p.Phone, p.AnonymisedAtUtc, p.Status, p.DelegationId }).SingleAsync());
        Assert.Equal((Anonymised.Surname, Anonymised.Blank, (string?)null, Anonymised.Blank, (string?)null, (string?)null), (person.Surname, person.GivenName, person.Patronymic, person.Position, person.Email, person.Phone));
        Assert.NotNull(person.AnonymisedAtUtc);
        Assert.Equal((ParticipantStatus.Approved, delegation), (person.Status, person.DelegationId));
        Assert.Equal(counts, await CountsAsync(mission));

        foreach (var value in stored)
        {
            Assert.False(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Changes.Contains(value))), $"the audit log still holds «{value}»");
        }

        Assert.False(await factory.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == email)), "mail to the erased person is still in the outbox");
        var audit = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "Participant" && a.EntityId == S(id)).OrderBy(a => a.Id).ToListAsync());
        var erasure = audit.Last();
        Assert.Equal(AuditAction.Modified, erasure.Action);
        Assert.Contains(erasure.ReadChanges(), c => c.Field == "Surname" && c.Old == AuditEntry.Redacted && c.New == Anonymised.Surname);
        Assert.Contains(erasure.ReadChanges(), c => c.Field == "AnonymisedAtUtc" && c.Old is null && c.New is not null);
        Assert.NotNull(erasure.UserId);

        var roster = await agency.GetPageAsync($"/missions/{mission}/participants");
        var people = roster.QuerySelector("[data-testid=people]")!.TextContent;
        Assert.Contains(Anonymised.Surname, people, StringComparison.Ordinal);
        Assert.DoesNotContain("Стираемая", people, StringComparison.Ordinal);

        // The same form posted again is refused and changes nothing.
        using var again = await agency.PostFormAsync(form, [new("Confirmed", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(audit.Count, await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Participant" && a.EntityId == S(id))));
    }

    [Fact]
    public async Task A_user_asks_for_erasure_and_the_agency_carries_it_out_leaving_no_address_anywhere()
    {
        var email = await factory.CreateUserAsync("Ministry");
        var user = factory.CreatePortalClient();
        await user.LoginAsAsync(email, Accounts.Password);

        using var unconfirmed = await user.SubmitFormAsync("/personal-data", "form[data-testid=erasure-form]", []);
        Assert.Equal(HttpStatusCode.Redirect, unconfirmed.StatusCode);
        Assert.Null(await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.ErasureRequestedAtUtc).SingleAsync()));

        using var asked = await user.SubmitFormAsync("/personal-data", "form[data-testid=erasure-form]", [new("Confirmed", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var id = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email && u.ErasureRequestedAtUtc != null).Select(u => u.Id).SingleAsync());
        Assert.NotNull((await user.GetPageAsync("/personal-data")).QuerySelector("[data-testid=erasure-requested]"));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Changes.Contains(email))), "the log did not hold the address before");

        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var requests = await agency.GetPageAsync("/personal-data/requests");
        Assert.Contains(email, requests.QuerySelector("[data-testid=erasure-requests]")!.TextContent, StringComparison.Ordinal);
        using var done = await agency.PostFormAsync(
            await agency.ReadFormAsync("/personal-data/requests", $"form[action='/personal-data/requests/{id}/erase']"), [new("Confirmed", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var account = await factory.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => new { u.Email, u.UserName, u.DisplayName, u.PasswordHash, u.AnonymisedAtUtc }).SingleAsync());
        Assert.Equal(Anonymised.UserName, account.DisplayName);
        Assert.Equal($"deleted-{id}@invalid", account.Email);
        Assert.Null(account.PasswordHash);
        Assert.NotNull(account.AnonymisedAtUtc);
        Assert.False(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Changes.Contains(email) || a.UserName == "Проверочный Пользователь" && a.UserId == id)), "the audit log still names the user");
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "PortalUser" && a.EntityId == id && a.Changes.Contains("AnonymisedAtUtc"))), "the erasure is not in the log");

        using var login = await factory.CreatePortalClient().LoginAsync(email, Accounts.Password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task The_privacy_page_says_how_long_the_log_files_are_kept_and_that_erasure_does_not_rewrite_them_in_either_language()
    {
        var days = MissionPortal.Web.Infrastructure.Logging.LoggingExtensions.RetainedDays;
        var client = factory.CreatePortalClient();
        var russian = (await client.GetPageAsync("/privacy")).QuerySelector("[data-testid=log-retention]")!.TextContent;
        Assert.Contains($"хранится {days} дн., затем файлы удаляются", russian, StringComparison.Ordinal);
        Assert.Contains("Удаление или обезличивание данных журнал не переписывает", russian, StringComparison.Ordinal);

        using (await client.SwitchLanguageAsync("en-US", "/privacy"))
        {
        }

        var english = (await client.GetPageAsync("/privacy")).QuerySelector("[data-testid=log-retention]")!.TextContent;
        Assert.Contains($"is kept for {days} days, after which the files are deleted", english, StringComparison.Ordinal);
        Assert.Contains("Erasing or anonymising data does not rewrite the log", english, StringComparison.Ordinal);
    }

    private Task<(int People, int Approved)> CountsAsync(int mission) => factory.QueryAsync(async db => (
        await db.Participants.CountAsync(p => p.Delegation!.MissionId == mission),
        await db.Participants.CountAsync(p => p.Delegation!.MissionId == mission && p.Status == ParticipantStatus.Approved)));
}
