using System.Net;
using Microsoft.EntityFrameworkCore;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;
using MissionPortal.Web.Infrastructure.Localization;

namespace MissionPortal.IntegrationTests.Features.Programme;

/// <summary>
/// A mission hosted in Калининградская область (UTC+2): approvals, acceptances, the change log and check-in marks are
/// shown in its zone, never in UTC nor in the Krasnoyarsk default.
/// </summary>
public class HostZoneTimesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly TimeZoneInfo Kaliningrad = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kaliningrad");

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
    public async Task A_Kaliningrad_missions_approvals_acceptances_and_changes_are_shown_in_Kaliningrad_time()
    {
        var s = await Scenario.CreateAsync(factory, "Калининград " + Guid.NewGuid().ToString("N")[..6], hostRegionCode: 39);
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var ministry = factory.CreatePortalClient();
        await ministry.LoginAsAsync(DemoOptions.MinistryEmail);
        var page = $"/programme/{s.MissionId}";

        using (await agency.SubmitFormAsync($"/programme/{s.MissionId}/items/new", "form[data-testid=item-form]",
            [new("Date", Scenario.Iso(Scenario.Day1)), new("Start", "10:30"), new("End", "11:30"), new("Kind", "Meeting"), new("Title", "Вторая встреча"),
             new("AttendeeScope", "WholeDelegation"), new("DelegationId", $"{s.DelegationId}")]))
        {
        }

        var key = (await agency.GetPageAsync(page)).QuerySelector("[data-testid=conflict]")!.GetAttribute("data-conflict-key")!;
        await PostAsync(agency, page, $"/programme/{s.MissionId}/acknowledge", new("ConflictKey", key), new("Reason", "Группы разделятся"));
        await PostAsync(agency, page, $"/programme/{s.MissionId}/submit");
        await PostAsync(ministry, page, $"/programme/{s.MissionId}/approve");
        await PressAsync(agency, page, $"/programme/items/{s.PlantVisitId}/move", new("Date", Scenario.Iso(Scenario.Day2)), new("Start", "14:00"));

        var acceptedAt = await factory.QueryAsync(db => db.ConflictAcknowledgements.Where(a => a.MissionId == s.MissionId).Select(a => a.AcknowledgedAtUtc).SingleAsync());
        var approvedAt = await factory.QueryAsync(db => db.ProgrammeReviews.Where(r => r.MissionId == s.MissionId && r.Decision == Core.Domain.Programme.ReviewDecision.Approved).Select(r => r.AtUtc).SingleAsync());
        var changedAt = await factory.QueryAsync(db => db.ProgrammeChanges.Where(c => c.MissionId == s.MissionId).Select(c => c.AtUtc).SingleAsync());

        var programme = await agency.GetPageAsync(page);
        var acceptance = programme.QuerySelectorAll("[data-testid=acknowledgement]").Select(a => a.TextContent).ToList();
        Assert.Contains(acceptance, a => a.Contains(Formats.Moment(acceptedAt, Kaliningrad), StringComparison.Ordinal));
        Assert.All(acceptance, a => Assert.Contains("(UTC+2)", a, StringComparison.Ordinal));

        var changes = await ministry.GetPageAsync($"/programme/{s.MissionId}/changes");
        var text = changes.Body!.TextContent;
        Assert.Contains(Formats.Moment(approvedAt, Kaliningrad), text, StringComparison.Ordinal);
        Assert.Contains(Formats.Moment(changedAt, Kaliningrad), text, StringComparison.Ordinal);
        Assert.DoesNotContain("(UTC+7)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(UTC+0)", text, StringComparison.Ordinal);

        // The audit log shows the mission's entries in its zone too.
        var audit = (await agency.GetPageAsync($"/audit?MissionId={s.MissionId}")).QuerySelector("[data-testid=audit]")!.TextContent;
        Assert.Contains("(UTC+2)", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("(UTC+7)", audit, StringComparison.Ordinal);
    }
}
