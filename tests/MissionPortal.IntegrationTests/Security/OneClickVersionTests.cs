using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Security;

/// <summary>
/// Every form and one-click button that changes a versioned record sends the version the page showed, and the same
/// post without it is refused as out of date: the page answers with the conflict (or the form's refusal) and not one
/// row of the database changes.
/// </summary>
public class OneClickVersionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>
    /// One kind of edit: who does it, on which page, the form (by where it posts), its version field, how the page
    /// answers a stale one (the conflict page, or back to the page with the refusal) and what else the post needs.
    /// </summary>
    private sealed record Edit(string Who, string Page, string Action, string VersionField, HttpStatusCode Refusal = HttpStatusCode.Conflict, params (string Name, string Value)[] Fields);

    public static TheoryData<string> Kinds =>
    [
        "company approval", "company rejection", "travel time change", "travel time deletion", "participant approval",
        "participant decline", "participant withdrawal", "role in delegation", "delegation name", "product deletion",
        "product restore", "venue deletion", "venue restore", "programme item deletion", "programme item restore",
        "programme item move", "mission status", "agreement step", "organisation merge", "organisation edit",
        "user lock", "protocol order", "company results", "meeting cancellation",
    ];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_edit_posted_without_its_version_is_refused_and_changes_nothing(string kind)
    {
        var edit = await ArrangeAsync(kind);
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(edit.Who);
        var (action, fields) = await FormAsync(client, edit.Page, edit.Action);
        Assert.False(string.IsNullOrEmpty(fields.FirstOrDefault(f => f.Key == edit.VersionField).Value), $"{kind}: the form on {edit.Page} posts no {edit.VersionField}");

        var before = await TestDatabase.FingerprintAsync(factory.ConnectionString);
        using var response = await client.PostAsync(action, new FormUrlEncodedContent(
            fields.Where(f => f.Key != edit.VersionField).ToList().With(edit.Fields)));

        Assert.Equal(edit.Refusal, response.StatusCode);
        // The conflict page (or the form) says what happened; or the page it sends back to does.
        var answer = edit.Refusal == HttpStatusCode.Conflict
            ? new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync())
            : await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.False(string.IsNullOrWhiteSpace(answer.QuerySelector("main .alert, main [role=alert]")?.TextContent), $"{kind}: no refusal shown");

        Assert.Equal(before, await TestDatabase.FingerprintAsync(factory.ConnectionString));
    }

    private async Task<Edit> ArrangeAsync(string kind)
    {
        const string agency = DemoOptions.AgencyEmail;
        const string company = DemoOptions.CompanyEmail;
        var title = "Версия " + Guid.NewGuid().ToString("N")[..6];
        var s = await Scenario.CreateAsync(factory, title);
        switch (kind)
        {
            case "company approval":
                return new(agency, "/companies", $"^/companies/{await PendingCompanyAsync()}/approve$", "version");
            case "company rejection":
                return new(agency, "/companies", $"^/companies/{await PendingCompanyAsync()}/reject$", "version", HttpStatusCode.Conflict, ("reason", "Нет выписки"));
            case "travel time change":
                return new(agency, "/travel-times", $"^/travel-times/{await TravelTimeAsync()}$", "version", HttpStatusCode.Conflict, ("minutes", "75"));
            case "travel time deletion":
                return new(agency, "/travel-times", $"^/travel-times/{await TravelTimeAsync()}/delete$", "version");
            case "participant approval":
                return new(agency, $"/missions/{s.MissionId}/participants", $"^/participants/{await PendingPersonAsync(s)}/approve$", "version");
            case "participant decline":
                return new(agency, $"/missions/{s.MissionId}/participants", $"^/participants/{await PendingPersonAsync(s)}/decline$", "version");
            case "participant withdrawal":
                var person = await factory.ResolveAsync("{company-participant}");
                return new(company, $"/applications/participants/{person}/withdraw", $"^/applications/participants/{person}/withdraw$", "version");
            case "role in delegation":
                return new(agency, $"/missions/{s.MissionId}/participants", $"^/participants/{s.PeopleIds[1]}/role$", "Version", HttpStatusCode.Redirect, ("Role", "DeputyHead"));
            case "delegation name":
                return new(agency, $"/missions/{s.MissionId}/participants", $"^/delegations/{s.DelegationId}/name$", "Version", HttpStatusCode.Redirect, ("Name", "Переименована без версии"));
            case "product deletion":
                var product = await factory.ResolveAsync("{product}");
                return new(company, $"/products/{product}/delete", $"^/products/{product}/delete$", "version");
            case "product restore":
                var (owner, deleted) = await DeletedProductAsync();
                return new(agency, $"/products?companyId={owner}", $"^/products/{deleted}/restore$", "version");
            case "venue deletion":
                return new(agency, $"/venues/edit/{s.SmallRoomId}", $"(?i)^/venues/delete/{s.SmallRoomId}$", "version");
            case "venue restore":
                await ChangeAsync(db => db.Venues.Where(v => v.Id == s.SmallRoomId), v => v.Delete(DateTime.UtcNow));
                return new(agency, "/venues/deleted", $"(?i)^/venues/restore/{s.SmallRoomId}$", "version");
            case "programme item deletion":
                return new(agency, $"/programme/{s.MissionId}", $"^/programme/items/{s.MorningItemId}/delete$", "version");
            case "programme item restore":
                await ChangeAsync(db => db.ProgrammeItems.Where(i => i.Id == s.MorningItemId), i => i.Delete(DateTime.UtcNow));
                return new(agency, $"/programme/{s.MissionId}/deleted", $"^/programme/items/{s.MorningItemId}/restore$", "version");
            case "programme item move":
                return new(agency, $"/programme/{s.MissionId}", $"^/programme/items/{s.MorningItemId}/move$", "Version", HttpStatusCode.Redirect,
                    ("Date", Scenario.Iso(Scenario.Day2)), ("Start", "15:00"));
            case "mission status":
                return new(agency, $"/missions/edit/{s.MissionId}", $"(?i)^/missions/status/{s.MissionId}", "version");
            case "agreement step":
                var agreement = await factory.ResolveAsync("{agreement}");
                return new(agency, $"/agreements/{agreement}", $"^/agreements/{agreement}/status$", "Version");
            case "organisation merge":
                var (duplicate, survivor) = await DuplicateAsync();
                return new(agency, $"/organisations/{duplicate}/merge", $"^/organisations/{duplicate}/merge$", $"CandidateVersions[{survivor}]", HttpStatusCode.Conflict,
                    ("SurvivorId", survivor.ToString(CultureInfo.InvariantCulture)));
            case "organisation edit":
                var host = await factory.QueryAsync(db => db.Organizations.Where(o => o.Name == $"АО «Завод {title}»").Select(o => o.Id).SingleAsync());
                return new(agency, $"/organisations/{host}", $"^/organisations/{host}$", "Version", HttpStatusCode.Conflict, ("Name", "АО «Переписано без версии»"));
            case "user lock":
                var ministry = await factory.ResolveAsync("{user}");
                return new(agency, "/users", $"(?i)^/users/lock/{ministry}$", "stamp");
            case "protocol order":
                return new(agency, $"/rosters/{s.DelegationId}", $"^/rosters/{s.DelegationId}/order$", "People[1].Version", HttpStatusCode.Redirect, ("People[1].Order", "7"));
            case "company results":
                var result = await factory.QueryAsync(db => db.CompanyResults.OrderBy(r => r.MissionId).Select(r => new { r.MissionId, r.OrganizationId }).FirstAsync());
                var url = $"/results/{result.MissionId}/companies/{result.OrganizationId}";
                return new(agency, url, $"^{url}$", "Version", HttpStatusCode.Conflict, ("ContactsMade", "99"));
            case "meeting cancellation":
                var request = await AcceptedRequestOfDemoCompanyAsync();
                return new(company, $"/b2b/requests/{request}/cancel", $"^/b2b/requests/{request}/cancel$", "version");
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>The first form on the page that posts to <paramref name="actionPattern"/>, with what a browser would send for it as shown.</summary>
    private static async Task<(string Action, List<KeyValuePair<string, string>> Fields)> FormAsync(HttpClient client, string page, string actionPattern)
    {
        var document = await client.GetPageAsync(page);
        var pattern = new Regex(actionPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var form = document.QuerySelectorAll<IHtmlFormElement>("form").FirstOrDefault(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase) && pattern.IsMatch(f.GetAttribute("action") ?? string.Empty))
            ?? throw new InvalidOperationException($"No form posting to {actionPattern} on {page}.");
        var fields = FormFields.Of(form);
        if (!string.IsNullOrEmpty(form.Id))
        {
            // Inputs placed elsewhere on the page that belong to the form (form="…"), as a browser sends them.
            foreach (var input in document.QuerySelectorAll<IHtmlInputElement>($"input[form='{form.Id}'][name]"))
            {
                fields.Add(new(input.Name!, input.Value));
            }
        }

        return (form.GetAttribute("action")!, fields);
    }

    private async Task ChangeAsync<T>(Func<PortalDbContext, IQueryable<T>> which, Action<T> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        change(await which(db).SingleAsync());
        await db.SaveChangesAsync();
    }

    private async Task<T> AddAsync<T>(Func<PortalDbContext, Task<T>> add)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var added = await add(db);
        await db.SaveChangesAsync();
        return added;
    }

    private async Task<int> PendingCompanyAsync()
    {
        var region = await factory.QueryAsync(db => db.Regions.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        var company = await AddAsync(db =>
        {
            var pending = new Organization("ООО «Ждёт " + Guid.NewGuid().ToString("N")[..6] + "»", OrganizationKind.Company, region);
            pending.MarkPending();
            return Task.FromResult(db.Organizations.Add(pending).Entity);
        });
        return company.Id;
    }

    private async Task<int> TravelTimeAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var travel = await AddAsync(db => Task.FromResult(db.TravelTimes.Add(new TravelTime("Ачинск " + tag, "Канск " + tag, 120)).Entity));
        return travel.Id;
    }

    private async Task<int> PendingPersonAsync(Scenario s)
    {
        await ChangeAsync(db => db.Participants.Where(p => p.Id == s.PeopleIds[2]), p => p.MarkPending());
        return s.PeopleIds[2];
    }

    private async Task<(int Company, int Product)> DeletedProductAsync()
    {
        var company = int.Parse(await factory.ResolveAsync("{company}"), CultureInfo.InvariantCulture);
        var product = await factory.QueryAsync(db => db.Products.Where(p => p.OrganizationId == company && p.DeletedAtUtc == null).OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync());
        await ChangeAsync(db => db.Products.Where(p => p.Id == product), p => p.Delete(DateTime.UtcNow));
        return (company, product);
    }

    private async Task<(int Duplicate, int Survivor)> DuplicateAsync()
    {
        var region = await factory.QueryAsync(db => db.Regions.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        var name = "ООО «Двойник " + Guid.NewGuid().ToString("N")[..6] + "»";
        var pair = await AddAsync(db =>
        {
            var first = new Organization(name, OrganizationKind.Company, region);
            var second = new Organization(name, OrganizationKind.Company, region);
            db.Organizations.AddRange(first, second);
            return Task.FromResult((first, second));
        });
        return (pair.second.Id, pair.first.Id);
    }

    private async Task<int> AcceptedRequestOfDemoCompanyAsync()
    {
        var company = int.Parse(await factory.ResolveAsync("{company}"), CultureInfo.InvariantCulture);
        return await factory.QueryAsync(db => db.MeetingRequests
            .Where(r => r.Status == MeetingRequestStatus.Accepted && (r.To!.OrganizationId == company || r.From!.OrganizationId == company))
            .OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
    }
}
