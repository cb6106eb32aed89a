using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace MissionPortal.IntegrationTests.Features.Rosters;

/// <summary>
/// Who sees which roster: the ministry and the agency every one; a company only those of delegations it belongs to,
/// with its own people only, unless the agency shares the full list. The page, the PDF and the .xlsx alike.
/// </summary>
public class RosterAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string OwnPerson = "Лаврентьева Наталья Игоревна";
    private const string Other = "Фомин Алексей Викторович";

    private async Task<HttpClient> ClientAsync(string email)
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(email);
        return client;
    }

    private Task<int> KalugaAsync(DelegationSide side = DelegationSide.Visiting) => RosterData.DelegationAsync(factory, DemoData.KalugaMissionTitle, side);

    private static async Task<List<string>> NamesAsync(HttpClient client, string url) =>
        (await client.GetPageAsync(url)).QuerySelectorAll("[data-testid=roster-row] td:nth-child(2)")
            .Select(td => Regex.Replace(td.TextContent, @"\s+", " ").Trim()).ToList();

    private static async Task<string> PdfTextAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return string.Join(" ", pdf.GetPages().Select(p => Regex.Replace(ContentOrderTextExtractor.GetText(p), @"\s+", " ")));
    }

    private static async Task<List<string?>> XlsxNamesAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. RosterSheet.Read(await response.Content.ReadAsByteArrayAsync()).People.Select(r => r["Фамилия, имя, отчество"]?.ToString())];
    }

    private async Task ShareAsync(bool share)
    {
        var agency = await ClientAsync(DemoOptions.AgencyEmail);
        var kaluga = await KalugaAsync();
        using var response = await agency.SubmitFormAsync($"/rosters/{kaluga}", "[data-testid=roster-share]", [new("share", share ? "true" : "false")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_company_sees_its_own_people_on_its_delegations_roster_page_pdf_and_xlsx_until_the_agency_shares_the_list()
    {
        var company = await ClientAsync(DemoOptions.CompanyEmail);
        var kaluga = await KalugaAsync();

        var page = await company.GetPageAsync($"/rosters/{kaluga}");
        Assert.Equal([OwnPerson], page.QuerySelectorAll("[data-testid=roster-row] td:nth-child(2)").Select(td => Regex.Replace(td.TextContent, @"\s+", " ").Trim()));
        Assert.NotNull(page.QuerySelector("[data-testid=roster-own-only]"));
        Assert.Null(page.QuerySelector("[data-testid=roster-badges]"));
        Assert.Null(page.QuerySelector("[data-testid=order-form]"));
        Assert.Null(page.QuerySelector("[data-testid=roster-share]"));
        var pdf = await PdfTextAsync(company, $"/rosters/{kaluga}/pdf");
        Assert.Contains(OwnPerson, pdf, StringComparison.Ordinal);
        Assert.DoesNotContain(Other, pdf, StringComparison.Ordinal);
        Assert.Equal([OwnPerson], await XlsxNamesAsync(company, $"/rosters/{kaluga}/xlsx"));

        await ShareAsync(true);
        try
        {
            var shared = await NamesAsync(company, $"/rosters/{kaluga}");
            Assert.Equal(10, shared.Count);
            Assert.Contains(Other, shared);
            Assert.Contains(Other, await PdfTextAsync(company, $"/rosters/{kaluga}/pdf"), StringComparison.Ordinal);
            Assert.Equal(10, (await XlsxNamesAsync(company, $"/rosters/{kaluga}/xlsx")).Count);
            Assert.True(await factory.QueryAsync(db => db.Delegations.Where(d => d.Id == kaluga).Select(d => d.SharesFullRoster).SingleAsync()));
        }
        finally
        {
            await ShareAsync(false);
        }

        Assert.Equal([OwnPerson], await NamesAsync(company, $"/rosters/{kaluga}"));
    }

    [Fact]
    public async Task Rosters_of_delegations_the_company_is_not_in_are_404_and_badges_and_pass_lists_are_refused()
    {
        var company = await ClientAsync(DemoOptions.CompanyEmail);
        var petersburg = await RosterData.PetersburgAsync(factory);
        var host = await KalugaAsync(DelegationSide.Host);
        var kaluga = await KalugaAsync();
        var visit = await RosterData.ItemAsync(factory, RosterData.OncologyVisit);

        foreach (var url in new[]
        {
            $"/rosters/{petersburg}", $"/rosters/{petersburg}/pdf", $"/rosters/{petersburg}/xlsx",
            $"/rosters/{host}", $"/rosters/{host}/pdf", $"/rosters/{host}/xlsx",
        })
        {
            using var response = await company.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }

        foreach (var url in new[] { $"/rosters/{kaluga}/badges", $"/rosters/pass-list/{visit}", $"/rosters/pass-list/{visit}/pdf", $"/rosters/pass-list/{visit}/xlsx" })
        {
            using var response = await company.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_switch_value_that_is_not_yes_or_no_changes_nothing()
    {
        var agency = await ClientAsync(DemoOptions.AgencyEmail);
        var kaluga = await KalugaAsync();
        await ShareAsync(true);
        try
        {
            using var response = await agency.SubmitFormAsync($"/rosters/{kaluga}", "[data-testid=roster-share]", [new("share", "да-нет")]);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.True(await factory.QueryAsync(db => db.Delegations.Where(d => d.Id == kaluga).Select(d => d.SharesFullRoster).SingleAsync()));
            Assert.Contains("Выберите значение из списка.", (await agency.GetPageAsync($"/rosters/{kaluga}")).QuerySelector("[data-testid=error]")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            await ShareAsync(false);
        }
    }

    [Fact]
    public async Task A_company_cannot_share_the_list_or_reorder_it()
    {
        var company = await ClientAsync(DemoOptions.CompanyEmail);
        var kaluga = await KalugaAsync();
        var token = await company.AntiforgeryTokenAsync($"/rosters/{kaluga}");
        var own = await factory.QueryAsync(db => db.Participants.Where(p => p.DelegationId == kaluga && p.Surname == "Лаврентьева").Select(p => new { p.Id, p.ProtocolOrder }).SingleAsync());

        using var share = await company.PostAsync($"/rosters/{kaluga}/share", new FormUrlEncodedContent([new("share", "true"), new("__RequestVerificationToken", token)]));
        using var order = await company.PostAsync($"/rosters/{kaluga}/order", new FormUrlEncodedContent(
            [new("People[0].ParticipantId", own.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("People[0].Order", "1"), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Forbidden, share.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, order.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.Delegations.Where(d => d.Id == kaluga).Select(d => d.SharesFullRoster).SingleAsync()));
        Assert.Equal(own.ProtocolOrder, await factory.QueryAsync(db => db.Participants.Where(p => p.Id == own.Id).Select(p => p.ProtocolOrder).SingleAsync()));
    }

    [Fact]
    public async Task The_mission_page_follows_the_same_rule_for_a_company_its_own_people_on_its_delegation()
    {
        var company = await ClientAsync(DemoOptions.CompanyEmail);
        var agency = await ClientAsync(DemoOptions.AgencyEmail);
        var mission = await factory.QueryAsync(db => db.Missions.Where(m => m.Title == DemoData.KalugaMissionTitle).Select(m => m.Id).SingleAsync());

        static List<string> Visiting(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll("[data-testid=delegation]").First(d => d.TextContent.Contains("Делегация Калужской области", StringComparison.Ordinal))
                .QuerySelectorAll("tbody tr td:nth-child(2)").Select(td => Regex.Replace(td.TextContent, @"\s+", " ").Trim()).ToList();

        Assert.Equal([OwnPerson], Visiting(await company.GetPageAsync($"/missions/details/{mission}")));
        Assert.Equal(10, Visiting(await agency.GetPageAsync($"/missions/details/{mission}")).Count);
        var companyPage = await company.GetPageAsync($"/missions/details/{mission}");
        Assert.NotNull(companyPage.QuerySelectorAll("[data-testid=delegation]").First(d => d.TextContent.Contains("Делегация Калужской области", StringComparison.Ordinal))
            .QuerySelector("[data-testid=roster-link]"));
    }

    [Fact]
    public async Task The_ministry_and_the_agency_see_every_person_whatever_the_switch()
    {
        var kaluga = await KalugaAsync();
        foreach (var email in new[] { DemoOptions.MinistryEmail, DemoOptions.AgencyEmail })
        {
            var client = await ClientAsync(email);
            var names = await NamesAsync(client, $"/rosters/{kaluga}");
            Assert.Equal(10, names.Count);
            Assert.Contains(Other, names);
            Assert.Equal(10, (await XlsxNamesAsync(client, $"/rosters/{kaluga}/xlsx")).Count);
        }
    }
}
