using System.Net;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Programme;

/// <summary>The agency submits, the ministry returns with a comment or approves; changes after approval are shown to the ministry.</summary>
public class ApprovalTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task PostAsync(HttpClient client, string page, string url, params KeyValuePair<string, string>[] fields)
    {
        var token = await client.AntiforgeryTokenAsync(page);
        using var response = await client.PostAsync(url, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Presses the button of the form on <paramref name="page"/> that posts to <paramref name="url"/> (with the version it shows), <paramref name="fields"/> filled in.</summary>
    private static async Task PressAsync(HttpClient client, string page, string url, params KeyValuePair<string, string>[] fields)
    {
        using var response = await client.SubmitFormAsync(page, $"form[action='{url}']", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Submit_return_with_comment_submit_approve_change_and_approve_again()
    {
        var s = await Scenario.CreateAsync(factory, "Согласование " + Guid.NewGuid().ToString("N")[..6]);
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var ministry = factory.CreatePortalClient();
        await ministry.LoginAsAsync(DemoOptions.MinistryEmail);
        var page = $"/programme/{s.MissionId}";
        Task<MissionStatus> StatusAsync() => factory.QueryAsync(db => db.Missions.Where(m => m.Id == s.MissionId).Select(m => m.Status).SingleAsync());

        await PostAsync(agency, page, $"/programme/{s.MissionId}/submit");
        Assert.Equal(MissionStatus.Submitted, await StatusAsync());

        // Returning needs a comment: without one nothing changes.
        await PostAsync(ministry, page, $"/programme/{s.MissionId}/return", new KeyValuePair<string, string>("Comment", " "));
        Assert.Equal(MissionStatus.Submitted, await StatusAsync());
        await PostAsync(ministry, page, $"/programme/{s.MissionId}/return", new KeyValuePair<string, string>("Comment", "Добавьте трансфер в Железногорск"));
        Assert.Equal(MissionStatus.Draft, await StatusAsync());
        var returned = await agency.GetPageAsync(page);
        Assert.Contains("Добавьте трансфер в Железногорск", returned.QuerySelector("[data-testid=return-comment]")!.TextContent, StringComparison.Ordinal);

        await PostAsync(agency, page, $"/programme/{s.MissionId}/submit");
        await PostAsync(ministry, page, $"/programme/{s.MissionId}/approve");
        Assert.Equal(MissionStatus.Approved, await StatusAsync());
        Assert.Null((await agency.GetPageAsync(page)).QuerySelector("[data-testid=changed-since-approval]"));

        // After approval: a move, an addition and a removal are each written down.
        await PressAsync(agency, page, $"/programme/items/{s.MorningItemId}/move", new("Date", Scenario.Iso(Scenario.Day1)), new("Start", "11:00"));
        using (await agency.SubmitFormAsync($"/programme/{s.MissionId}/items/new", "form[data-testid=item-form]",
            [new("Date", Scenario.Iso(Scenario.Day2)), new("Start", "08:30"), new("End", "09:30"), new("Kind", "Transfer"), new("Title", "Трансфер в Железногорск"),
             new("AttendeeScope", "WholeDelegation"), new("DelegationId", $"{s.DelegationId}")]))
        {
        }

        await PressAsync(agency, page, $"/programme/items/{s.PlantVisitId}/delete");

        var flagged = await ministry.GetPageAsync(page);
        Assert.Contains("Изменено после согласования: 3", flagged.QuerySelector("[data-testid=changed-since-approval]")!.TextContent, StringComparison.Ordinal);
        var changes = await ministry.GetPageAsync($"/programme/{s.MissionId}/changes");
        var rows = changes.QuerySelectorAll("[data-testid=changes] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => r.Contains("Перенесён", StringComparison.Ordinal) && r.Contains("10.03.2027 10:00–11:00", StringComparison.Ordinal) && r.Contains("10.03.2027 11:00–12:00", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Добавлен", StringComparison.Ordinal) && r.Contains("Трансфер в Железногорск", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Удалён", StringComparison.Ordinal) && r.Contains("Посещение завода", StringComparison.Ordinal));

        await PostAsync(ministry, page, $"/programme/{s.MissionId}/approve");
        Assert.Null((await ministry.GetPageAsync(page)).QuerySelector("[data-testid=changed-since-approval]"));
        Assert.NotNull((await ministry.GetPageAsync($"/programme/{s.MissionId}/changes")).QuerySelector("[data-testid=no-changes]"));
        var decisions = await factory.QueryAsync(db => db.ProgrammeReviews.Where(r => r.MissionId == s.MissionId).OrderBy(r => r.Id).Select(r => r.Decision).ToListAsync());
        Assert.Equal([ReviewDecision.Submitted, ReviewDecision.Returned, ReviewDecision.Submitted, ReviewDecision.Approved, ReviewDecision.Approved], decisions);
    }

    [Fact]
    public async Task Nobody_approves_what_was_not_submitted_and_the_agency_cannot_approve()
    {
        var s = await Scenario.CreateAsync(factory, "Без отправки " + Guid.NewGuid().ToString("N")[..6]);
        var ministry = factory.CreatePortalClient();
        await ministry.LoginAsAsync(DemoOptions.MinistryEmail);
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);

        await PostAsync(ministry, $"/programme/{s.MissionId}", $"/programme/{s.MissionId}/approve");
        var token = await agency.AntiforgeryTokenAsync($"/programme/{s.MissionId}");
        using var forbidden = await agency.PostAsync($"/programme/{s.MissionId}/approve", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(MissionStatus.Draft, await factory.QueryAsync(db => db.Missions.Where(m => m.Id == s.MissionId).Select(m => m.Status).SingleAsync()));
        Assert.Equal(0, await factory.QueryAsync(db => db.ProgrammeReviews.CountAsync(r => r.MissionId == s.MissionId)));
    }
}
