using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Features.PersonalData;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.PersonalData;

/// <summary>A portal keeping participants' data 30 days after a mission, whose clock the test moves past that.</summary>
public sealed class RetentionFactory : PortalFactory
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("PersonalData:RetentionDays", "30");
        // The test runs the job itself; the background round would come a week later.
        builder.UseSetting("PersonalData:RetentionCheckMinutes", "10080");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}

/// <summary>The retention job anonymises finished missions' people once the period is over: audited, counts kept, and a second run changes nothing.</summary>
public class RetentionTests(RetentionFactory factory) : IClassFixture<RetentionFactory>
{
    [Fact]
    public async Task Missions_past_the_retention_period_lose_their_peoples_data_once_and_keep_their_counts()
    {
        var job = factory.Services.GetRequiredService<PersonalDataRetention>();
        var kaluga = await factory.QueryAsync(db => db.Missions.Where(m => m.Title == DemoData.KalugaMissionTitle).Select(m => new { m.Id, m.EndDate }).SingleAsync());
        var before = await CountsAsync();
        var someone = await factory.QueryAsync(db => db.Participants.Where(p => p.Delegation!.MissionId == kaluga.Id).OrderBy(p => p.Id).Select(p => p.Surname).FirstAsync());

        // Within the period nothing happens.
        factory.Clock.UtcNow = new DateTimeOffset(kaluga.EndDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(20);
        await job.RunOnceAsync(CancellationToken.None);
        Assert.Equal(0, await factory.QueryAsync(db => db.Participants.CountAsync(p => p.Delegation!.MissionId == kaluga.Id && p.AnonymisedAtUtc != null)));
        var auditedBefore = await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.UserName == PersonalDataRetention.Actor && a.EntityType == "Participant"));

        // Past it, every mission that ended more than 30 days before is anonymised.
        factory.Clock.UtcNow = new DateTimeOffset(kaluga.EndDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(40);
        var first = await job.RunOnceAsync(CancellationToken.None);
        Assert.True(first > 0, "nothing was anonymised");
        Assert.Equal(before, await CountsAsync());
        var people = await factory.QueryAsync(db => db.Participants.Where(p => p.Delegation!.MissionId == kaluga.Id)
            .Select(p => new { p.Id, p.Surname, p.Email, p.Phone, p.AnonymisedAtUtc, p.Version }).ToListAsync());
        Assert.All(people, p => Assert.Equal((Anonymised.Surname, (string?)null, (string?)null), (p.Surname, p.Email, p.Phone)));
        Assert.All(people, p => Assert.NotNull(p.AnonymisedAtUtc));
        var audited = await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.UserName == PersonalDataRetention.Actor && a.EntityType == "Participant"));
        Assert.Equal(first, audited - auditedBefore);

        // A second run (the next round, or a second instance) finds nothing and changes nothing.
        var auditRows = await factory.QueryAsync(db => db.AuditEntries.CountAsync());
        Assert.Equal(0, await job.RunOnceAsync(CancellationToken.None));
        Assert.Equal(auditRows, await factory.QueryAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(people.Select(p => p.Version).Order(), (await factory.QueryAsync(db => db.Participants.Where(p => p.Delegation!.MissionId == kaluga.Id).Select(p => p.Version).ToListAsync())).Order());

        // What the agency sees: the roster keeps its rows without names.
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var roster = (await agency.GetPageAsync($"/missions/{kaluga.Id}/participants")).QuerySelector("[data-testid=people]")!.TextContent;
        Assert.Contains(Anonymised.Surname, roster, StringComparison.Ordinal);
        Assert.DoesNotContain(someone, roster, StringComparison.Ordinal);
        var ids = people.Select(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var log = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "Participant" && ids.Contains(a.EntityId)).Select(a => a.Changes).ToListAsync());
        Assert.NotEmpty(log);
        Assert.DoesNotContain(log, changes => changes.Contains("\"" + someone + "\"", StringComparison.Ordinal));
    }

    private Task<List<(int Mission, int People)>> CountsAsync() => factory.QueryAsync(async db =>
        (await db.Participants.GroupBy(p => p.Delegation!.MissionId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
        .OrderBy(x => x.Key).Select(x => (x.Key, x.Count)).ToList());
}
