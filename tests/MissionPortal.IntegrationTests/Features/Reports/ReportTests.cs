using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data.Demo;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace MissionPortal.IntegrationTests.Features.Reports;

/// <summary>
/// The mission report and the yearly dashboard on the seed missions, whose figures must agree with the two news
/// reports (seeds 000 and 003): nothing here changes data, so the figures are the seed's own.
/// </summary>
public partial class ReportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<HttpClient> ClientAsync(string email = DemoOptions.MinistryEmail)
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(email);
        return client;
    }

    private Task<int> MissionAsync(string title) => factory.QueryAsync(db => db.Missions.Where(m => m.Title == title).Select(m => m.Id).SingleAsync());

    private static Dictionary<string, int> Figures(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=report-figure]").ToDictionary(
            f => f.QuerySelector("dt")!.TextContent.Trim(),
            f => int.Parse(f.QuerySelector("dd")!.TextContent.Trim(), CultureInfo.InvariantCulture));

    [Fact]
    public async Task The_Petersburg_report_counts_what_seed_003_tells_and_shows_the_agreement_signed_with_its_parties()
    {
        var client = await ClientAsync();
        var id = await MissionAsync(DemoData.PetersburgMissionTitle);

        var page = await client.GetPageAsync($"/reports/{id}");

        var figures = Figures(page);
        Assert.Equal(2, figures["Компании"]);                // the cluster and ООО «СтройРеанимация»
        Assert.Equal(7, figures["Участники делегации"]);     // the vice-governor, three officials, the cluster's three
        Assert.Equal(0, figures["Деловые контакты"]);        // contacts were exchanged, but the report gives no number
        Assert.Equal(0, figures["Намеченные контракты"]);
        Assert.Equal(1, figures["Подписанные соглашения"]);
        Assert.Equal(1, figures["Встречи"]);                 // the Governor's meeting with the delegation: the only one reported
        Assert.Equal(2, figures["Выезды на предприятия"]);   // the oncology dispensary and the maternity centre
        Assert.Equal(3, figures["Круглые столы"]);
        Assert.Null(page.QuerySelector("[data-testid=report-note]"));

        var text = Regex.Replace(page.QuerySelector("[data-testid=report]")!.TextContent, @"\s+", " ");
        Assert.Contains("Итоги миссии", text, StringComparison.Ordinal);
        Assert.Contains("17–18 ноября 2026 г.", text, StringComparison.Ordinal);
        Assert.Contains("Глава делегации: А. Н. Говорунов, вице-губернатор Санкт-Петербурга", text, StringComparison.Ordinal);
        Assert.Contains("17 ноября — церемония возложения цветов к Мемориалу Победы; встреча Губернатора Красноярского края В.А. Толоконского с делегацией Санкт-Петербурга; подписание Соглашения", text, StringComparison.Ordinal);
        Assert.Contains("тематические круглые столы «Инновационное развитие промышленных предприятий – драйвер экономического роста региона», «Многообразие культурной повестки региона как фактор развития туристической отрасли» и «Малое и среднее предпринимательство. Проблемы и точки роста в современных условиях».", text, StringComparison.Ordinal);
        Assert.Contains("18 ноября — посещение КГБУЗ «Красноярский краевой клинический онкологический диспансер имени А.И. Крыжановского»", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"\bтрансфер\b", RegexOptions.IgnoreCase), text);      // breaks and transfers are not news
        Assert.DoesNotMatch(new Regex(@"\bобед\b", RegexOptions.IgnoreCase), text);
        Assert.Contains(DemoData.PetersburgAgreementTitle, text, StringComparison.Ordinal);
        Assert.Contains("Стороны: Правительство Санкт-Петербурга; Правительство Красноярского края.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Подписали:", text, StringComparison.Ordinal);      // the report does not say who signed
        Assert.Contains("Дата подписания: 17 ноября 2026 г.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("..", text, StringComparison.Ordinal);
        Assert.Contains("«Малое и среднее предпринимательство. Проблемы и точки роста в современных условиях» Решение пока не внесено.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Kaluga_report_counts_ten_companies_and_says_the_mission_is_not_held_yet()
    {
        var client = await ClientAsync(DemoOptions.AgencyEmail);
        var id = await MissionAsync(DemoData.KalugaMissionTitle);

        var page = await client.GetPageAsync($"/reports/{id}");

        var figures = Figures(page);
        Assert.Equal(10, figures["Компании"]);
        Assert.Equal(10, figures["Участники делегации"]);     // the ten companies' people; the report names no head
        Assert.Equal(0, figures["Деловые контакты"]);
        Assert.Equal(0, figures["Подписанные соглашения"]);
        Assert.Equal(2, figures["Встречи"]);
        Assert.Equal(2, figures["Выезды на предприятия"]);
        Assert.Equal(0, figures["Круглые столы"]);
        Assert.Contains("Миссия ещё не проведена: встречи, выезды и круглые столы указаны по программе", page.QuerySelector("[data-testid=report-note]")!.TextContent, StringComparison.Ordinal);
        var text = Regex.Replace(page.QuerySelector("[data-testid=report]")!.TextContent, @"\s+", " ");
        Assert.Contains("Справка о миссии", text, StringComparison.Ordinal);
        Assert.Contains("10 декабря — открытие торгово-экономической миссии; презентации 10 компаний; деловые переговоры в формате B2B (2 сессии); подведение итогов первого дня миссии.", text, StringComparison.Ordinal);
        Assert.Contains("11 декабря — посещение АО «Информационные спутниковые системы» имени академика М.Ф. Решетнёва; посещение ФГУП «Горно-химический комбинат»; встреча с руководством администрации ЗАТО г. Железногорск.", text, StringComparison.Ordinal);
        Assert.Contains("Организаторы: Министерство инвестиций и инноваций Красноярского края, Правительство Калужской области. При поддержке: ОАО «Красноярское региональное агентство поддержки малого и среднего бизнеса».", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_PDF_is_one_A4_page_with_the_figures_the_programme_and_the_agreement()
    {
        var client = await ClientAsync();
        var id = await MissionAsync(DemoData.PetersburgMissionTitle);

        using var response = await client.GetAsync($"/reports/{id}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(1, pdf.NumberOfPages);
        var page = pdf.GetPage(1);
        Assert.Equal(595, Math.Round(page.Width));
        Assert.Equal(842, Math.Round(page.Height));
        var text = Regex.Replace(ContentOrderTextExtractor.GetText(page), @"\s+", " ");
        Assert.Contains("Итоги миссии", text, StringComparison.Ordinal);
        Assert.Contains("Культурно-деловой визит делегации Санкт-Петербурга в Красноярский край", text, StringComparison.Ordinal);
        Assert.Contains("Подписанные соглашения", text, StringComparison.Ordinal);
        Assert.Contains("17 ноября — церемония возложения цветов к Мемориалу Победы;", text, StringComparison.Ordinal);
        Assert.Contains("Правительство Санкт-Петербурга", text, StringComparison.Ordinal);
        Assert.Contains("«Многообразие культурной повестки региона как фактор развития туристической отрасли» Решение пока не внесено.", text, StringComparison.Ordinal);
        Assert.Contains("Страница 1 из 1", text, StringComparison.Ordinal);
        Assert.Contains("Liberation", page.Letters[0].FontName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_lists_the_years_missions_with_totals_and_a_server_drawn_chart()
    {
        var client = await ClientAsync();

        using var response = await client.GetAsync("/reports?year=2026");
        var html = await response.Content.ReadAsStringAsync();
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("[data-testid=dashboard-row]");
        Assert.Equal(2, rows.Length);
        Assert.Contains(DemoData.PetersburgMissionTitle, rows[0].TextContent, StringComparison.Ordinal);   // 17 November before 10 December
        var totals = page.QuerySelector("[data-testid=dashboard-totals]")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["", "Всего за год", "", "12", "17", "0", "0", "1", "3", "4", "3"], totals);

        var charts = page.QuerySelectorAll("[data-testid=dashboard-chart]");
        Assert.Equal(7, charts.Length);
        var companies = charts[0].QuerySelectorAll("[data-testid=dashboard-bar]");
        Assert.Equal(["2", "10"], companies.Select(b => b.GetAttribute("data-value") ?? string.Empty).ToArray());
        Assert.Equal("252", companies[1].GetAttribute("width"));                     // the largest value fills the bar space
        Assert.Equal("50.4", companies[0].GetAttribute("width"));                    // invariant decimals, whatever the UI culture
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task In_English_the_report_labels_are_english_and_the_programme_stays_as_written()
    {
        var client = await ClientAsync();
        var id = await MissionAsync(DemoData.PetersburgMissionTitle);
        using (await client.SwitchLanguageAsync("en-US", $"/reports/{id}"))
        {
        }

        var page = await client.GetPageAsync($"/reports/{id}");

        var labels = page.QuerySelectorAll("[data-testid=report-figure] dt").Select(dt => dt.TextContent.Trim()).ToList();
        Assert.Equal(["Companies", "Delegation members", "Business contacts", "Contracts intended", "Agreements signed", "Meetings", "Site visits", "Round tables"], labels);
        var text = Regex.Replace(page.QuerySelector("[data-testid=report]")!.TextContent, @"\s+", " ");
        Assert.Contains("Mission results", text, StringComparison.Ordinal);
        Assert.Contains("Head of the delegation: А. Н. Говорунов", text, StringComparison.Ordinal);
        Assert.Contains("17 ноября — церемония возложения цветов", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_year_without_missions_shows_an_empty_dashboard()
    {
        var client = await ClientAsync(DemoOptions.AgencyEmail);

        var page = await client.GetPageAsync("/reports?year=2031");

        Assert.NotNull(page.QuerySelector("[data-testid=dashboard-empty]"));
        Assert.Contains(page.QuerySelectorAll("#year option"), o => o.TextContent == "2031");
    }
}
