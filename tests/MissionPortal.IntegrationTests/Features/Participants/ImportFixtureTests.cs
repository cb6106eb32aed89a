using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Participants;

/// <summary>
/// Delegation lists as regions send them, committed under Fixtures/Import: an .xlsx saved by LibreOffice (a title row
/// above the headings), a Windows-1251 semicolon CSV from Russian Excel with a leading № column, a UTF-8 BOM comma CSV
/// with headings in another order and the legal form spelled out, and a list with one ФИО column.
/// </summary>
public class ImportFixtureTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string> Files =>
    [
        "tomsk-libreoffice.xlsx",
        "tomsk-excel-1251-semicolon.csv",
        "tomsk-utf8-bom-comma.csv",
        "tomsk-fio-one-column.csv",
    ];

    /// <summary>The people every fixture holds, as the preview shows them: name, position, e-mail, phone formatted, role.</summary>
    private static readonly string[] Expected =
    [
        "Мазур|Владимир|Владимирович|Губернатор Томской области||+7 3822 51-11-01|Head",
        "Кнорр|Андрей|Александрович|Заместитель губернатора Томской области|knorr@example.ru|+7 3822 51-22-02|DeputyHead",
        "Петрова|Ольга|Игоревна|Генеральный директор|petrova@example.ru|+7 38241 2-34-56|Member",
        "Сидоров|Илья||Проректор по инновациям|sidorov@example.ru|+7 913 111-22-33|Member",
    ];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_office_file_reads_to_the_same_people_and_organisations(string file)
    {
        var (missionId, _) = await TomskMissionAsync($"Импорт {file}");
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);

        var page = await PreviewAsync(agency, missionId, file);

        Assert.Null(page.QuerySelector("[data-testid=import-error]"));
        var rows = page.QuerySelectorAll("[data-testid=import-row]").Select(Row).ToList();
        Assert.Equal(Expected, rows);
        Assert.All(page.QuerySelectorAll("[data-testid=import-row]"), r => Assert.DoesNotContain("неверный", r.TextContent, StringComparison.Ordinal));

        // The same three organisations, whatever the quotes, case or ООО spelled out: one line each.
        var organisations = page.QuerySelectorAll("[data-testid=import-organisation]").Select(o => o.TextContent).ToList();
        Assert.Equal(3, organisations.Count);
        Assert.Single(organisations, o => o.Contains("Администрация Томской области", StringComparison.Ordinal));
        Assert.Single(organisations, o => o.Contains("омские приборы", StringComparison.OrdinalIgnoreCase));
        Assert.Single(organisations, o => o.Contains("Томский государственный университет", StringComparison.Ordinal));
        Assert.Equal(0, await factory.QueryAsync(db => db.Participants.CountAsync(p => p.Delegation!.MissionId == missionId)));
    }

    [Fact]
    public async Task The_agency_decides_per_organisation_corrects_a_row_leaves_one_out_and_everything_is_saved_at_once()
    {
        var (missionId, tomsk) = await TomskMissionAsync("Импорт с решениями");
        int instruments;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var existing = new Organization("АО «Томские Приборы»", OrganizationKind.Company, tomsk);
            db.Organizations.Add(existing);
            await db.SaveChangesAsync();
            instruments = existing.Id;
        }

        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var page = await PreviewAsync(agency, missionId, "tomsk-excel-1251-semicolon.csv");

        // «ООО "Томские приборы"» is the registry's «АО «Томские Приборы»»: found, nothing to decide.
        var organisations = page.QuerySelectorAll("[data-testid=import-organisation]").ToList();
        Assert.Contains("АО «Томские Приборы»", organisations.Single(o => o.QuerySelector("td.data")!.TextContent.Contains("Томские приборы", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=organisation-choice]").Length);

        var fields = FormFields.Of(page.QuerySelector("form[data-testid=import-preview]")!);
        string Decision(string name) => fields.Single(f => f.Key.EndsWith(".Name", StringComparison.Ordinal) && f.Key.StartsWith("Decisions[", StringComparison.Ordinal) && f.Value == name).Key.Replace(".Name", string.Empty, StringComparison.Ordinal);
        var administration = Decision("Администрация Томской области");
        var university = Decision("Томский государственный университет");

        // Undecided organisations block the save: nothing is written.
        using (var blocked = await agency.PostAsync($"/missions/{missionId}/import/confirm", new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
            Assert.NotNull(new HtmlParser().ParseDocument(await blocked.Content.ReadAsStringAsync()).QuerySelector("[data-testid=import-blocked]"));
        }

        Assert.Equal(0, await factory.QueryAsync(db => db.Participants.CountAsync(p => p.Delegation!.MissionId == missionId)));

        var decided = fields.With(
            ($"{administration}.Choice", "Create"), ($"{administration}.Kind", "Authority"), ($"{administration}.RegionId", tomsk.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ($"{university}.Choice", "Without"),
            ("Rows[3].Position", "Проректор по инновационной деятельности"),
            ("Rows[1].Excluded", "true"));
        using var saved = await agency.PostAsync($"/missions/{missionId}/import/confirm", new FormUrlEncodedContent(decided));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var people = (await factory.QueryAsync(db => db.Participants.Where(p => p.Delegation!.MissionId == missionId)
            .Select(p => new { p.Surname, p.Position, p.Role, p.Phone, p.OrganizationId, Organization = p.Organization!.Name, Kind = (OrganizationKind?)p.Organization.Kind, RegionId = (int?)p.Organization.RegionId }).ToListAsync()))
            .ToDictionary(p => p.Surname);

        // The university, decided after an organisation the registry knew, is left out as decided; Кнорр's row too.
        Assert.Equal(["Мазур", "Петрова", "Сидоров"], people.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((DelegationRole.Head, DelegationRole.Member), (people["Мазур"].Role, people["Петрова"].Role));
        Assert.Equal(("Проректор по инновационной деятельности", (int?)null), (people["Сидоров"].Position, people["Сидоров"].OrganizationId));
        Assert.Equal(("+73822511101", "+73824123456", "+79131112233"), (people["Мазур"].Phone, people["Петрова"].Phone, people["Сидоров"].Phone));
        Assert.Equal(instruments, people["Петрова"].OrganizationId);
        Assert.Equal(("Администрация Томской области", OrganizationKind.Authority, tomsk), (people["Мазур"].Organization, people["Мазур"].Kind!.Value, people["Мазур"].RegionId!.Value));
        Assert.Equal(1, await factory.QueryAsync(db => db.Organizations.CountAsync(o => o.Name == "Администрация Томской области")));
        Assert.Equal(0, await factory.QueryAsync(db => db.Organizations.CountAsync(o => o.Name == "Томский государственный университет")));

        // The head stands first in the printed roster too.
        var delegation = await factory.QueryAsync(db => db.Delegations.Where(d => d.MissionId == missionId && d.Side == DelegationSide.Visiting).Select(d => d.Id).SingleAsync());
        var roster = (await agency.GetPageAsync($"/rosters/{delegation}")).QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("Мазур", roster[0], StringComparison.Ordinal);
    }

    private static string Row(AngleSharp.Dom.IElement row)
    {
        string Value(string field) => row.QuerySelector($"[name$='.{field}']") switch
        {
            IHtmlSelectElement select => select.Value ?? string.Empty,
            IHtmlInputElement input => input.Value ?? string.Empty,
            _ => string.Empty,
        };
        return string.Join('|', Value("Surname"), Value("GivenName"), Value("Patronymic"), Value("Position"), Value("Email"), Value("Phone"), Value("Role"));
    }

    private async Task<IHtmlDocument> PreviewAsync(HttpClient client, int missionId, string file)
    {
        var url = $"/missions/{missionId}/import";
        var token = await client.AntiforgeryTokenAsync(url);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Import", file)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", file);
        using var response = await client.PostAsync(url, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private async Task<(int MissionId, int Tomsk)> TomskMissionAsync(string title)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var tomsk = await db.Regions.Where(r => r.Code == 70).Select(r => r.Id).SingleAsync();
        var krasnoyarsk = await db.Regions.Where(r => r.Code == 24).Select(r => r.Id).SingleAsync();
        var mission = new Mission(MissionKind.BusinessMission, title, tomsk, krasnoyarsk, new DateOnly(2027, 5, 11), new DateOnly(2027, 5, 12));
        mission.AddDelegation("Делегация Томской области", DelegationSide.Visiting);
        db.Missions.Add(mission);
        await db.SaveChangesAsync();
        return (mission.Id, tomsk);
    }
}
