using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data.Demo;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Results;

/// <summary>
/// Contacts and contracts per company: a company enters its own, the agency any company's, the ministry reads;
/// another company's line, or a mission the company is not in, is 404 and changes nothing.
/// </summary>
public class ResultsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<HttpClient> ClientAsync(string email)
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(email);
        return client;
    }

    private Task<int> MissionAsync(string title) => factory.QueryAsync(db => db.Missions.Where(m => m.Title == title).Select(m => m.Id).SingleAsync());

    /// <summary>A company by its name; the demo's invented ones carry «(пример)» after it.</summary>
    private Task<int> CompanyAsync(string name) => factory.QueryAsync(db => db.Organizations
        .Where(o => o.Name == name || o.Name == name + " " + DemoData.ExampleMark).Select(o => o.Id).SingleAsync());

    private Task<(int Contacts, int Contracts, string? Notes, string? By)?> SavedAsync(int missionId, int organizationId) =>
        factory.QueryAsync(async db => await db.CompanyResults.Where(r => r.MissionId == missionId && r.OrganizationId == organizationId)
            .Select(r => new { r.ContactsMade, r.ContractsIntended, r.Notes, r.UpdatedBy }).SingleOrDefaultAsync() is { } r
            ? ((int, int, string?, string?)?)(r.ContactsMade, r.ContractsIntended, r.Notes, r.UpdatedBy)
            : null);

    [Fact]
    public async Task A_company_enters_its_own_results_and_the_report_counts_them()
    {
        var company = await ClientAsync(DemoOptions.CompanyEmail);
        var kaluga = await MissionAsync(DemoData.KalugaMissionTitle);
        var own = await CompanyAsync(DemoData.FirstKalugaCompanyName);

        var list = await company.GetPageAsync($"/results/{kaluga}");
        var rows = list.QuerySelectorAll("[data-testid=results-row]");
        Assert.Single(rows);                                     // its own line only, not the nine other companies'
        Assert.Contains(DemoData.FirstKalugaCompanyName, rows[0].TextContent, StringComparison.Ordinal);
        Assert.Null(list.QuerySelector("[data-testid=results-figures]"));

        using var response = await company.SubmitFormAsync($"/results/{kaluga}/companies/{own}", "[data-testid=result-form]",
            [new("ContactsMade", "7"), new("ContractsIntended", "2"), new("Notes", "  Аптечная сеть «Енисей», краевая больница  ")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal((7, 2, "Аптечная сеть «Енисей», краевая больница", "Ольга Николаевна Сафронова"), (await SavedAsync(kaluga, own))!.Value);
        var ministry = await ClientAsync(DemoOptions.MinistryEmail);
        var report = await ministry.GetPageAsync($"/reports/{kaluga}");
        var contacts = report.QuerySelectorAll("[data-testid=report-figure]").Single(f => f.QuerySelector("dt")!.TextContent.Trim() == "Деловые контакты");
        var all = await factory.QueryAsync(db => db.CompanyResults.Where(r => r.MissionId == kaluga).SumAsync(r => r.ContactsMade));
        Assert.True(all >= 7);                                   // other tests of this class may have entered other companies'
        Assert.Equal(all.ToString(CultureInfo.InvariantCulture), contacts.QuerySelector("dd")!.TextContent.Trim());
    }

    [Fact]
    public async Task Another_companys_results_are_404_on_GET_and_POST_and_nothing_changes()
    {
        var company = await ClientAsync(DemoOptions.CompanyEmail);
        var kaluga = await MissionAsync(DemoData.KalugaMissionTitle);
        var petersburg = await MissionAsync(DemoData.PetersburgMissionTitle);
        var other = await CompanyAsync("ООО «Калуга Автопласт»");
        var stroy = await CompanyAsync("ООО «СтройРеанимация»");
        var token = await company.AntiforgeryTokenAsync("/company");
        var stroyBefore = (await SavedAsync(petersburg, stroy))!.Value.Contacts;

        await company.GetPageAsync($"/results/{kaluga}/companies/{other}", HttpStatusCode.NotFound);
        await company.GetPageAsync($"/results/{petersburg}", HttpStatusCode.NotFound);
        await company.GetPageAsync($"/results/{petersburg}/companies/{stroy}", HttpStatusCode.NotFound);
        using var post = await company.PostAsync($"/results/{kaluga}/companies/{other}", new FormUrlEncodedContent(
            [new("ContactsMade", "99"), new("ContractsIntended", "9"), new("__RequestVerificationToken", token)]));
        using var postStroy = await company.PostAsync($"/results/{petersburg}/companies/{stroy}", new FormUrlEncodedContent(
            [new("ContactsMade", "99"), new("ContractsIntended", "9"), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, postStroy.StatusCode);
        Assert.Null(await SavedAsync(kaluga, other));
        Assert.Equal(stroyBefore, (await SavedAsync(petersburg, stroy))!.Value.Contacts);
    }

    [Fact]
    public async Task The_agency_enters_for_any_company_and_the_ministry_only_reads()
    {
        var agency = await ClientAsync(DemoOptions.AgencyEmail);
        var ministry = await ClientAsync(DemoOptions.MinistryEmail);
        var kaluga = await MissionAsync(DemoData.KalugaMissionTitle);
        var other = await CompanyAsync("ООО «Калуга Автопласт»");

        var list = await agency.GetPageAsync($"/results/{kaluga}");
        Assert.Equal(10, list.QuerySelectorAll("[data-testid=results-row]").Length);
        using var response = await agency.SubmitFormAsync($"/results/{kaluga}/companies/{other}", "[data-testid=result-form]",
            [new("ContactsMade", "4"), new("ContractsIntended", "0"), new("Notes", "")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal((4, 0, (string?)null, "Анна Сергеевна Белова"), (await SavedAsync(kaluga, other))!.Value);

        var read = await ministry.GetPageAsync($"/results/{kaluga}");
        Assert.Empty(read.QuerySelectorAll("[data-testid=results-edit]"));
        Assert.Equal(10, read.QuerySelectorAll("[data-testid=results-row]").Length);
        await ministry.GetPageAsync($"/results/{kaluga}/companies/{other}", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_results_page_shows_the_programmes_visits_and_round_tables_with_resolutions()
    {
        var ministry = await ClientAsync(DemoOptions.MinistryEmail);
        var petersburg = await MissionAsync(DemoData.PetersburgMissionTitle);

        var page = await ministry.GetPageAsync($"/results/{petersburg}");

        Assert.Equal(2, page.QuerySelectorAll("[data-testid=results-visits] li").Length);
        Assert.Equal(1, page.QuerySelectorAll("[data-testid=results-meetings] li").Length);
        var tables = page.QuerySelectorAll("[data-testid=results-round-table]");
        Assert.Equal(3, tables.Length);
        // The report names the three round tables and no decision of any: none is shown as taken.
        Assert.All(tables, t => Assert.Contains("Решение пока не внесено.", t.TextContent, StringComparison.Ordinal));
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=results-row]").Length);
    }

    [Theory]
    [InlineData("", "1", "Укажите число деловых контактов (0, если их не было).")]
    [InlineData("-1", "1", "Число деловых контактов — от 0 до 100000.")]
    [InlineData("3", "много", "Введите значение в нужном формате вместо «много».")]
    public async Task Bad_input_shows_the_form_again_with_a_russian_message_and_saves_nothing(string contacts, string contracts, string message)
    {
        var agency = await ClientAsync(DemoOptions.AgencyEmail);
        var kaluga = await MissionAsync(DemoData.KalugaMissionTitle);
        var company = await CompanyAsync("ООО «Мебельная фабрика «Протва»");

        using var response = await agency.SubmitFormAsync($"/results/{kaluga}/companies/{company}", "[data-testid=result-form]",
            [new("ContactsMade", contacts), new("ContractsIntended", contracts)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await SavedAsync(kaluga, company));
    }

    [Fact]
    public async Task The_second_of_two_edits_gets_a_conflict_with_the_saved_values()
    {
        var agency = await ClientAsync(DemoOptions.AgencyEmail);
        var company = await ClientAsync(DemoOptions.CompanyEmail);
        var kaluga = await MissionAsync(DemoData.KalugaMissionTitle);
        var own = await CompanyAsync(DemoData.FirstKalugaCompanyName);
        var url = $"/results/{kaluga}/companies/{own}";
        var stale = await company.GetPageAsync(url);
        var version = stale.QuerySelector("input[name=Version]")!.GetAttribute("value") ?? string.Empty;
        var token = stale.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var first = await agency.SubmitFormAsync(url, "[data-testid=result-form]", [new("ContactsMade", "5"), new("ContractsIntended", "1")]);
        using var second = await company.PostAsync(url, new FormUrlEncodedContent(
            [new("ContactsMade", "8"), new("ContractsIntended", "3"), new("Version", version), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("итоги сохранил Анна Сергеевна Белова: контактов 5, контрактов 1", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(5, (await SavedAsync(kaluga, own))!.Value.Contacts);
    }
}
