using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Agreements;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.IntegrationTests.Features.Rosters;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace MissionPortal.IntegrationTests.Data;

/// <summary>
/// Demo data says what it is: every page and every file made from it carries the notice, and what the two news
/// reports don't say is marked as an example, not passed off as fact.
/// </summary>
[Collection(PortalCollection.Name)]
public partial class DemoHonestyTests(PortalFactory factory)
{
    /// <summary>The people the two reports name; everyone else in the demo is invented and must say so.</summary>
    private static readonly string[] PeopleNamedInTheReports =
        ["Говорунов", "Толоконский", "Гаврилова", "Чихман", "Козлов", "Проскурнин", "Кириллов"];

    private async Task<HttpClient> ClientAsync(string email)
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(email);
        return client;
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static string PdfText(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return Spaces().Replace(string.Join(' ', pdf.GetPages().Select(p => ContentOrderTextExtractor.GetText(p))), " ");
    }

    [Fact]
    public async Task Every_page_of_a_demo_portal_says_so_before_anything_else()
    {
        var anonymous = factory.CreatePortalClient();
        var ministry = await ClientAsync(DemoOptions.MinistryEmail);
        var mission = await factory.QueryAsync(db => db.Missions.Where(m => m.Title == DemoData.PetersburgMissionTitle).Select(m => m.Id).SingleAsync());

        foreach (var (client, url) in new[] { (anonymous, "/account/login"), (ministry, "/"), (ministry, $"/missions/details/{mission}"), (ministry, $"/reports/{mission}") })
        {
            var page = await client.GetPageAsync(url);
            var banner = page.QuerySelector("[data-testid=demo-banner]");
            Assert.True(banner is not null, $"{url} has no demo banner");
            Assert.Contains("Демонстрационные данные", banner.TextContent, StringComparison.Ordinal);
            Assert.Same(banner, page.Body!.QuerySelector("aside, header, main"));
        }
    }

    [Fact]
    public async Task A_portal_without_demo_data_shows_no_demo_banner()
    {
        using var plain = new ConfiguredFactory(("Demo:Enabled", "false"));

        var page = await plain.CreatePortalClient().GetPageAsync("/account/login");

        Assert.Null(page.QuerySelector("[data-testid=demo-banner]"));
        Assert.DoesNotContain("Демонстрационные данные", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rosters_badges_reports_and_calendars_made_from_demo_data_say_so()
    {
        var ministry = await ClientAsync(DemoOptions.MinistryEmail);
        var delegation = await RosterData.PetersburgAsync(factory);
        var mission = await factory.QueryAsync(db => db.Missions
            .Where(m => m.Title == DemoData.PetersburgMissionTitle).Select(m => new { m.Id, m.CalendarToken }).SingleAsync());

        Assert.Contains("Демонстрационные данные", PdfText(await DownloadAsync(ministry, $"/rosters/{delegation}/pdf")), StringComparison.Ordinal);
        Assert.Contains("Демонстрационные данные", PdfText(await DownloadAsync(ministry, $"/reports/{mission.Id}/pdf")), StringComparison.Ordinal);

        using var sheet = new MemoryStream(await DownloadAsync(ministry, $"/rosters/{delegation}/xlsx"));
        var cells = sheet.Query().SelectMany(row => ((IDictionary<string, object?>)row).Values).OfType<string>().ToList();
        Assert.Contains(cells, c => c.StartsWith("Демонстрационные данные", StringComparison.Ordinal));
        Assert.Contains(cells, c => c.Contains("Говорунов", StringComparison.Ordinal));

        Assert.Contains("Демонстрационные данные", PdfText(await DownloadAsync(ministry, $"/rosters/{delegation}/badges")), StringComparison.Ordinal);

        var calendar = await factory.CreatePortalClient().GetStringAsync($"/calendar/{mission.CalendarToken}.ics");
        Assert.Matches("X-WR-CALNAME:Демонстрационные данные", calendar);
        Assert.Contains("DESCRIPTION:", calendar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Item_descriptions_reach_the_programme_its_print_view_and_the_calendar()
    {
        var item = await factory.QueryAsync(db => db.ProgrammeItems
            .Where(i => i.Mission!.Title == DemoData.PetersburgMissionTitle && i.Description != null && i.Description != "")
            .OrderBy(i => i.Date).ThenBy(i => i.Start)
            .Select(i => new { i.MissionId, i.Description, i.Mission!.CalendarToken })
            .FirstAsync());
        var ministry = await ClientAsync(DemoOptions.MinistryEmail);
        var description = item.Description!;
        var opening = description[..Math.Min(40, description.Length)];

        foreach (var url in new[] { $"/programme/{item.MissionId}", $"/programme/{item.MissionId}/print", $"/missions/details/{item.MissionId}" })
        {
            var page = await ministry.GetPageAsync(url);
            Assert.True(
                page.QuerySelectorAll("[data-testid=item-description]").Any(d => d.TextContent.Contains(opening, StringComparison.Ordinal)),
                $"{url} does not show «{opening}…»");
        }

        var calendar = await factory.CreatePortalClient().GetStringAsync($"/calendar/{item.CalendarToken}.ics");
        var unfolded = calendar.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Replace("\\,", ",", StringComparison.Ordinal).Replace("\\;", ";", StringComparison.Ordinal);
        Assert.Contains(opening.Replace("\n", "\\n", StringComparison.Ordinal), unfolded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agreement_names_its_parties_in_the_order_of_its_title_and_is_interregional()
    {
        var agreement = await factory.QueryAsync(db => db.Agreements
            .Where(a => a.Title == DemoData.PetersburgAgreementTitle)
            .Select(a => new { a.Id, a.Kind })
            .SingleAsync());
        Assert.Equal(AgreementKind.Interregional, agreement.Kind);

        var page = await (await ClientAsync(DemoOptions.MinistryEmail)).GetPageAsync($"/agreements/{agreement.Id}");
        var text = page.Body!.TextContent;
        var petersburg = text.IndexOf("Правительство Санкт-Петербурга", StringComparison.Ordinal);
        var krasnoyarsk = text.IndexOf("Правительство Красноярского края", StringComparison.Ordinal);
        Assert.True(petersburg >= 0 && krasnoyarsk > petersburg, "the parties are not listed as the title names them");
        Assert.Contains("Межрегиональное (между регионами)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Межправительственное", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Everyone_the_reports_do_not_name_is_marked_as_an_example_and_no_one_named_is_given_a_talk()
    {
        var people = await factory.QueryAsync(db => db.Participants
            .Select(p => new { p.Surname, p.Position })
            .ToListAsync());

        var unmarked = people.Where(p => !p.Position.Contains(DemoData.ExampleMark, StringComparison.Ordinal)).Select(p => p.Surname).Distinct().Order();
        Assert.Equal(PeopleNamedInTheReports.Order(), unmarked);

        var speakers = await factory.QueryAsync(db => db.RoundTables
            .SelectMany(r => r.Speakers.Select(s => s.Participant!.Position))
            .Concat(db.RoundTables.Where(r => r.Moderator != null).Select(r => r.Moderator!.Position))
            .ToListAsync());
        Assert.All(speakers, position => Assert.Contains(DemoData.ExampleMark, position, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invented_companies_say_so_and_their_numbers_belong_to_no_real_company()
    {
        var companies = await factory.QueryAsync(db => db.Organizations
            .Where(o => o.Kind == OrganizationKind.Company && o.Inn != null)
            .Select(o => new { o.Name, o.Inn, o.Ogrn })
            .ToListAsync());
        Assert.NotEmpty(companies);

        foreach (var company in companies)
        {
            Assert.Contains(DemoData.ExampleMark, company.Name, StringComparison.Ordinal);
            Assert.True(LegalIdentifiers.IsValidInn(company.Inn), $"{company.Name}: ИНН {company.Inn} fails its check digits");
            // Digits 3–4 of an ИНН are the tax office that issued it: «00» is issued by none.
            Assert.Equal("00", company.Inn![2..4]);
            if (company.Ogrn is not null)
            {
                Assert.True(LegalIdentifiers.IsValidOgrn(company.Ogrn), $"{company.Name}: ОГРН {company.Ogrn} fails its check digit");
                Assert.Equal("00", company.Ogrn[5..7]);
            }
        }
    }

    [Fact]
    public async Task No_outcome_the_reports_do_not_state_is_recorded_as_fact()
    {
        var resolutions = await factory.QueryAsync(db => db.RoundTables.Where(r => r.Resolution != null).Select(r => r.Resolution!).ToListAsync());
        Assert.All(resolutions, r => Assert.Contains(DemoData.ExampleMark, r, StringComparison.Ordinal));

        var contacts = await factory.QueryAsync(db => db.CompanyResults.SumAsync(r => r.ContactsMade));
        Assert.Equal(0, contacts);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
