using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Security;

/// <summary>Control characters typed into a form don't reach the database, and so not calendars or PDFs either.</summary>
public class ControlCharacterTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_title_with_control_characters_is_stored_and_exported_as_plain_text()
    {
        var s = await Scenario.CreateAsync(factory, "Управляющие " + Guid.NewGuid().ToString("N")[..6]);
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        // A NUL the framework refuses itself (400) before the form is read.
        var typed = "Приём\u0007 делегации\u001b[31m\u2028итоги\u0085";

        using var response = await agency.SubmitFormAsync($"/programme/{s.MissionId}/items/new", "form[data-testid=item-form]",
        [
            new("Date", Scenario.Iso(Scenario.Day2)), new("Start", "15:00"), new("End", "16:00"), new("Kind", "Meeting"), new("Title", typed),
            new("AttendeeScope", "WholeDelegation"), new("DelegationId", s.DelegationId.ToString(CultureInfo.InvariantCulture)), new("VenueId", string.Empty),
        ]);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode} {response.RequestMessage!.RequestUri}");
        var stored = await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.MissionId == s.MissionId && i.Start == new TimeOnly(15, 0)).Select(i => i.Title).SingleAsync());
        Assert.Equal("Приём делегации[31m итоги", stored);
        var token = await factory.QueryAsync(db => db.Missions.Where(m => m.Id == s.MissionId).Select(m => m.CalendarToken).SingleAsync());
        var calendar = await factory.CreatePortalClient().GetStringAsync($"/calendar/{token}.ics");
        Assert.Contains("Приём делегации[31m итоги", calendar, StringComparison.Ordinal);
        Assert.DoesNotContain(calendar, c => char.IsControl(c) && c is not ('\r' or '\n'));
    }
}
