using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Auditing;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Mail;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.IntegrationTests.Features.B2b;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.PersonalData;

/// <summary>
/// Erasure reaches the person wherever the portal holds them: their name typed as text on their mission's programme,
/// change list and B2B table, the letters already written to them in mail/, and — for an account — the participant
/// rows that are them by name in their own company, which their copy lists too.
/// </summary>
public class ErasureReachTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<int> GuestPersonAsync(B2bWorld world) =>
        await factory.QueryAsync(db => db.Participants.Where(p => p.Delegation!.MissionId == world.MissionId && p.OrganizationId == world.GuestA.Id).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task Erasing_a_participant_takes_their_name_out_of_their_missions_typed_text_and_deletes_the_letters_written_to_them()
    {
        var world = await B2bWorld.CreateAsync(factory);
        var person = await GuestPersonAsync(world); // «Гостев Антон» of the first visiting company
        var email = $"anton-{Guid.NewGuid():N}@example.ru";
        var other = $"bella-{Guid.NewGuid():N}@example.ru";
        int roundTable;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            (await db.Participants.SingleAsync(p => p.Id == person)).WithContacts(email, null);
            var mission = await db.Missions.Include(m => m.ProgrammeItems).SingleAsync(m => m.Id == world.MissionId);
            var b2b = mission.ProgrammeItems.Single(i => i.Id == world.ItemId);
            b2b.Describe("Модератор — гостев  АНТОН; докладчик Гостева Белла");
            var table = mission.AddItem(b2b.Date, new TimeOnly(12, 0), new TimeOnly(13, 0), ProgrammeItemKind.RoundTable, "Круглый стол", null);
            table.HoldRoundTable("Инновации в медицине", null).RecordResolution("Итоги подвёл Гостев Антон");
            await db.SaveChangesAsync();
            roundTable = table.Id;
            db.ProgrammeChanges.Add(new ProgrammeChange(world.MissionId, world.ItemId, ProgrammeChangeKind.AttendeesChanged, "B2B", "Гостева Б.", "Гостев А., Гостева Б.", "Агентство", DateTime.UtcNow));
            db.OutboxMessages.Add(new OutboxMessage("test-erasure", email, "Гостев Антон", "Письмо участнику", "Здравствуйте, Антон", "<p>Здравствуйте</p>", DateTime.UtcNow));
            db.OutboxMessages.Add(new OutboxMessage("test-erasure", other, "Гостева Белла", "Письмо другому участнику", "Здравствуйте, Белла", "<p>Здравствуйте</p>", DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        // The company's contact at the B2B table is the same person, typed by the company.
        var guest = await world.GuestA.ClientAsync(factory);
        using (var joined = await guest.SubmitFormAsync($"/b2b/{world.SessionId}/join", "form[data-testid=join-form]",
            [new("ContactPerson", "Гостев Антон"), new("ContactPhone", "8 (391) 265-14-08"), new("Offers", "Растворы")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        }

        await MailFolder.WaitForAsync(factory.DataPath, email, "test-erasure");
        await MailFolder.WaitForAsync(factory.DataPath, other, "test-erasure");
        var typed = new[] { "гостев  АНТОН", "Гостев Антон", "Гостев А." }.Select(AuditEntry.StoredForm).ToList();
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Changes.Contains(typed[1]))), "the log did not hold the typed name before");

        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        using (var erased = await agency.SubmitFormAsync($"/participants/{person}/personal-data", "form[data-testid=erase-participant-form]", [new("Confirmed", "true")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        }

        Assert.Equal(Anonymised.Surname, await factory.QueryAsync(db => db.Participants.Where(p => p.Id == person).Select(p => p.Surname).SingleAsync()));
        Assert.Equal("Модератор — [удалено]; докладчик Гостева Белла",
            await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.Id == world.ItemId).Select(i => i.Description).SingleAsync()));
        Assert.Equal("Итоги подвёл [удалено]", await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.Id == roundTable).Select(i => i.RoundTable!.Resolution).SingleAsync()));
        Assert.Equal("[удалено], Гостева Б.", await factory.QueryAsync(db => db.ProgrammeChanges.Where(c => c.MissionId == world.MissionId).Select(c => c.After).SingleAsync()));
        Assert.Equal("[удалено]", await factory.QueryAsync(db => db.B2bParticipations.Where(p => p.SessionId == world.SessionId && p.OrganizationId == world.GuestA.Id).Select(p => p.ContactPerson).SingleAsync()));
        foreach (var value in typed)
        {
            Assert.False(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Changes.Contains(value))), $"the audit log still holds «{value}»");
        }

        // The letter written to them is gone from mail/; another person's letter stays.
        Assert.Empty(MailFolder.Of(MailFolder.Read(factory.DataPath), email, "test-erasure"));
        Assert.Single(MailFolder.Of(MailFolder.Read(factory.DataPath), other, "test-erasure"));
    }

    [Fact]
    public async Task A_users_copy_and_erasure_reach_the_participant_of_their_name_in_their_own_company_and_not_a_namesake_elsewhere()
    {
        var world = await B2bWorld.CreateAsync(factory);
        var own = await GuestPersonAsync(world); // «Гостев Антон», no e-mail, of the user's company
        int namesake;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var user = await db.Users.SingleAsync(u => u.Email == world.GuestA.Email);
            user.DisplayName = "Гостёв  Антон";
            var delegation = await db.Delegations.Include(d => d.Participants).SingleAsync(d => d.MissionId == world.MissionId);
            var organization = await db.Organizations.SingleAsync(o => o.Id == world.GuestB.Id);
            var other = delegation.AddParticipant("Гостев", "Антон", null, "Инженер", organization);
            await db.SaveChangesAsync();
            namesake = other.Id;
        }

        var client = await world.GuestA.ClientAsync(factory);
        using (var response = await client.GetAsync("/personal-data/copy"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var copy = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            var ids = copy.RootElement.GetProperty("participations").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToList();
            Assert.Equal([own], ids);
        }

        using (var asked = await client.SubmitFormAsync("/personal-data", "form[data-testid=erasure-form]", [new("Confirmed", "true")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        }

        var userId = await factory.QueryAsync(db => db.Users.Where(u => u.Email == world.GuestA.Email).Select(u => u.Id).SingleAsync());
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        using (var done = await agency.PostFormAsync(
            await agency.ReadFormAsync("/personal-data/requests", $"form[action='/personal-data/requests/{userId}/erase']"), [new("Confirmed", "true")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }

        var surnames = await factory.QueryAsync(db => db.Participants.Where(p => p.Id == own || p.Id == namesake).ToDictionaryAsync(p => p.Id, p => p.Surname));
        Assert.Equal(Anonymised.Surname, surnames[own]);
        Assert.Equal("Гостев", surnames[namesake]);
    }
}
