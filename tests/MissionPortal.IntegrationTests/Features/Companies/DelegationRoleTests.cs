using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Companies;

/// <summary>The agency marks the head of a delegation (who then stands first) and renames the delegation.</summary>
public class DelegationRoleTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_head_marked_on_the_people_page_stands_first_a_new_head_replaces_the_former_and_a_wrong_role_changes_nothing()
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.AgencyEmail);
        int missionId, delegationId;
        int[] people;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var tomsk = await db.Regions.Where(r => r.Code == 70).Select(r => r.Id).SingleAsync();
            var krasnoyarsk = await db.Regions.Where(r => r.Code == 24).Select(r => r.Id).SingleAsync();
            var mission = new Mission(MissionKind.BusinessMission, "Томская делегация в Красноярске", tomsk, krasnoyarsk, new DateOnly(2027, 4, 6), new DateOnly(2027, 4, 7));
            var delegation = mission.AddDelegation("Делегация", DelegationSide.Visiting);
            var added = new[]
            {
                delegation.AddParticipant("Абрамов", "Антон", null, "Директор", null, DelegationRole.Member, approved: true),
                delegation.AddParticipant("Борисова", "Вера", null, "Инженер", null, DelegationRole.Member, approved: true),
                delegation.AddParticipant("Яковлев", "Юрий", "Петрович", "Заместитель губернатора", null, DelegationRole.Member, approved: true),
            };
            db.Missions.Add(mission);
            await db.SaveChangesAsync();
            (missionId, delegationId, people) = (mission.Id, delegation.Id, added.Select(p => p.Id).ToArray());
        }

        var page = $"/missions/{missionId}/participants";
        using var head = await client.SubmitFormAsync(page, $"form[action='/participants/{people[2]}/role']", [new("Role", "Head")]);
        Assert.Equal(HttpStatusCode.Redirect, head.StatusCode);
        var rows = (await client.GetPageAsync(page)).QuerySelectorAll("[data-testid=person]").Select(r => r.TextContent).ToList();
        Assert.StartsWith("Яковлев Юрий Петрович", rows[0].Trim(), StringComparison.Ordinal);
        Assert.Contains("Глава делегации", rows[0], StringComparison.Ordinal);

        using var other = await client.SubmitFormAsync(page, $"form[action='/participants/{people[0]}/role']", [new("Role", "Head")]);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        using var wrong = await client.SubmitFormAsync(page, $"form[action='/participants/{people[1]}/role']", [new("Role", "Official")]);
        Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
        Assert.Contains("Выберите роль в делегации из списка.", (await client.GetPageAsync(page)).Body!.TextContent, StringComparison.Ordinal);

        var roles = await factory.QueryAsync(db => db.Participants.Where(p => p.DelegationId == delegationId).OrderBy(p => p.Id).Select(p => p.Role).ToListAsync());
        Assert.Equal([DelegationRole.Head, DelegationRole.Member, DelegationRole.Member], roles);
        var form = await client.ReadFormAsync(page, $"form[action='/participants/{people[1]}/role']");
        using var missing = await client.PostFormAsync(form with { Action = "/participants/999999/role" }, [new("Role", "Head")]);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_agency_renames_a_delegation_and_a_blank_name_is_refused()
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.AgencyEmail);
        var (missionId, delegationId) = await factory.QueryAsync(db => db.Delegations.OrderBy(d => d.Id).Select(d => new ValueTuple<int, int>(d.MissionId, d.Id)).FirstAsync());
        var page = $"/missions/{missionId}/participants";
        var form = $"form[action='/delegations/{delegationId}/name']";

        using var blank = await client.SubmitFormAsync(page, form, [new("Name", "   ")]);
        Assert.Equal(HttpStatusCode.Redirect, blank.StatusCode);
        Assert.Contains("Название делегации: от 1 до 300 символов.", (await client.GetPageAsync(page)).Body!.TextContent, StringComparison.Ordinal);

        using var renamed = await client.SubmitFormAsync(page, form, [new("Name", "Делегация Томской области")]);
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal("Делегация Томской области", await factory.QueryAsync(db => db.Delegations.Where(d => d.Id == delegationId).Select(d => d.Name).SingleAsync()));
    }
}
