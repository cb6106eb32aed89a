using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data.Demo;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace MissionPortal.IntegrationTests.Features.Rosters;

/// <summary>The roster and the pass list as files: PDF read back with PdfPig, .xlsx read back with MiniExcel.</summary>
public partial class RosterFileTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>A page's text in the order it was written (a wrapped cell reads as one line), one space between words.</summary>
    private static string TextOf(Page page) => Spaces().Replace(ContentOrderTextExtractor.GetText(page), " ").Trim();

    private async Task<HttpClient> ClientAsync(string email = DemoOptions.MinistryEmail)
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(email);
        return client;
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, string url, string mediaType)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(response.Content.Headers.ContentDisposition?.FileName);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task The_Petersburg_PDF_holds_every_person_as_printed_with_title_date_and_page_number()
    {
        var client = await ClientAsync();
        var delegation = await RosterData.PetersburgAsync(factory);

        var bytes = await DownloadAsync(client, $"/rosters/{delegation}/pdf", "application/pdf");

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
        var text = TextOf(pdf.GetPage(1));
        Assert.Contains("Состав делегации Санкт-Петербурга", text, StringComparison.Ordinal);
        Assert.Contains("17.11.2026 – 18.11.2026", text.Replace('\u00A0', ' '), StringComparison.Ordinal);
        Assert.Matches(GeneratedOn(), text);
        Assert.Contains("№ Фамилия, имя, отчество Должность Организация", text, StringComparison.Ordinal);
        foreach (var name in RosterData.PetersburgNames)
        {
            Assert.Contains(name, text, StringComparison.Ordinal);
        }

        Assert.Contains("Директор по развитию ООО \"СтройРеанимация\"", text, StringComparison.Ordinal);
        Assert.EndsWith("Страница 1 из 1", text, StringComparison.Ordinal);
        Assert.Contains("Liberation", pdf.GetPage(1).Letters[0].FontName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Yo_survives_in_the_PDF_and_the_hospital_visit_filter_applies_to_it()
    {
        var client = await ClientAsync();
        var kaluga = await RosterData.DelegationAsync(factory, DemoData.KalugaMissionTitle);
        var scenario = await Scenario.CreateAsync(factory, "Ёлки " + Guid.NewGuid().ToString("N")[..6]);
        var petersburg = await RosterData.PetersburgAsync(factory);
        var visit = await RosterData.ItemAsync(factory, RosterData.OncologyVisit);

        using var kalugaPdf = PdfDocument.Open(await DownloadAsync(client, $"/rosters/{kaluga}/pdf", "application/pdf"));
        using var scenarioPdf = PdfDocument.Open(await DownloadAsync(client, $"/rosters/{scenario.DelegationId}/pdf", "application/pdf"));
        using var visitPdf = PdfDocument.Open(await DownloadAsync(client, $"/rosters/{petersburg}/pdf?itemId={visit}", "application/pdf"));

        var kalugaText = string.Join(" ", kalugaPdf.GetPages().Select(TextOf));
        Assert.Contains("Дьячков Артём Олегович", kalugaText, StringComparison.Ordinal);
        var scenarioText = TextOf(scenarioPdf.GetPage(1));
        Assert.Contains("Ёлкина Анна", scenarioText, StringComparison.Ordinal);
        Assert.Contains("Сидоров Пётр Олегович", scenarioText, StringComparison.Ordinal);
        var visitText = TextOf(visitPdf.GetPage(1));
        Assert.Contains("Участники пункта программы: 18.11.2026, 09:30", visitText, StringComparison.Ordinal);
        Assert.Contains("Гаврилова Анастасия Вячеславовна", visitText, StringComparison.Ordinal);
        Assert.DoesNotContain("Говорунов", visitText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_500_person_roster_fills_14_pages_each_with_the_table_header_and_ends_with_the_last_person()
    {
        var client = await ClientAsync(DemoOptions.AgencyEmail);
        var delegation = await RosterData.LargeDelegationAsync(factory, 500);

        var bytes = await DownloadAsync(client, $"/rosters/{delegation}/pdf", "application/pdf");

        using var pdf = PdfDocument.Open(bytes);
        // 34 rows under the title on page 1, 37 on each following page: 34 + 12 × 37 = 478 < 500.
        Assert.Equal(14, pdf.NumberOfPages);
        foreach (var page in pdf.GetPages())
        {
            var text = TextOf(page);
            Assert.Contains("№ Фамилия, имя, отчество Должность Организация", text, StringComparison.Ordinal);
            Assert.EndsWith($"Страница {page.Number} из 14", text, StringComparison.Ordinal);
        }

        var first = TextOf(pdf.GetPage(1));
        Assert.Contains("1 Фёдоров Семён Петрович Руководитель делегации", first, StringComparison.Ordinal);
        var last = TextOf(pdf.GetPage(14));
        Assert.Contains("500 Ёжикова-Щукина Юлия Фёдоровна Референт", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_xlsx_has_a_title_a_frozen_header_readable_widths_and_one_row_per_person_in_roster_order()
    {
        var client = await ClientAsync();
        var delegation = await RosterData.PetersburgAsync(factory);

        var bytes = await DownloadAsync(client, $"/rosters/{delegation}/xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        var sheet = RosterSheet.Read(bytes);
        // Above the table, what the printed roster says: whose list, which mission, when, and the day it was made.
        Assert.StartsWith("Состав делегации ", sheet.Heading[0], StringComparison.Ordinal);
        Assert.Contains(sheet.Heading, line => line == DemoData.PetersburgMissionTitle);
        Assert.Contains(sheet.Heading, line => line.StartsWith("Сформирован ", StringComparison.Ordinal));
        Assert.Equal(["№", "Фамилия, имя, отчество", "Должность", "Организация"], sheet.Header);
        // Scrolling keeps the header in sight.
        Assert.Equal(sheet.HeaderRow, sheet.FrozenRows);
        // A sheet made from demo data ends with a row that says so.
        Assert.StartsWith("Демонстрационные данные", sheet.Rows[^1]["№"]?.ToString(), StringComparison.Ordinal);
        var rows = sheet.People;
        Assert.Equal(7, rows.Count);
        Assert.Equal(RosterData.PetersburgNames, rows.Select(r => r["Фамилия, имя, отчество"]?.ToString()));
        Assert.Equal([1d, 2d, 3d, 4d, 5d, 6d, 7d], rows.Select(r => Convert.ToDouble(r["№"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("Начальник отдела продаж ООО \"СтройРеанимация\"", rows[6]["Должность"]);
        // Each column is as wide as its longest name (within a page's limits), the number column narrow.
        Assert.Equal(4, sheet.Widths.Count);
        Assert.InRange(sheet.Widths[0], 4, 8);
        Assert.True(sheet.Widths[1] >= RosterData.PetersburgNames.Max(n => n.Length), $"name column {sheet.Widths[1]}");
        Assert.InRange(sheet.Widths[2], 12, 62);
    }

    [Fact]
    public async Task The_pass_list_of_the_hospital_visit_names_everyone_going_and_holds_no_passport_or_contact_data()
    {
        var client = await ClientAsync(DemoOptions.AgencyEmail);
        var visit = await RosterData.ItemAsync(factory, RosterData.OncologyVisit);
        var expected = new[] { "Гаврилова Анастасия Вячеславовна", "Чихман Николай Валерьевич", "Козлов Дмитрий Алексеевич", "Белова Ольга Николаевна" };

        var page = await client.GetPageAsync($"/rosters/pass-list/{visit}");
        var xlsx = await DownloadAsync(client, $"/rosters/pass-list/{visit}/xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var pdf = PdfDocument.Open(await DownloadAsync(client, $"/rosters/pass-list/{visit}/pdf", "application/pdf"));

        var names = page.QuerySelectorAll("[data-testid=roster-row] td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(expected, names.Take(3).Concat(names.Where(n => n.StartsWith("Белова", StringComparison.Ordinal))));
        Assert.Equal(5, names.Count);
        Assert.Contains("КГБУЗ «Красноярский краевой клинический онкологический диспансер имени А.И. Крыжановского»", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var sheet = RosterSheet.Read(xlsx);
        var rows = sheet.People;
        Assert.Equal(names, rows.Select(r => r["Фамилия, имя, отчество"]?.ToString()));
        Assert.Equal(["№", "Фамилия, имя, отчество", "Должность", "Организация"], sheet.Header);
        Assert.StartsWith("Список на пропуск: КГБУЗ «Красноярский краевой клинический онкологический диспансер", sheet.Heading[0], StringComparison.Ordinal);
        var text = TextOf(pdf.GetPage(1));
        Assert.All(expected, name => Assert.Contains(name, text, StringComparison.Ordinal));
        var emails = await factory.QueryAsync(db => db.Participants.Where(p => p.Email != null && p.Surname == "Белова").Select(p => p.Email!).SingleAsync());
        Assert.DoesNotContain(emails, text, StringComparison.Ordinal);
        Assert.DoesNotContain(emails, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("паспорт", page.DocumentElement.TextContent, StringComparison.OrdinalIgnoreCase);
        var notAVisit = await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.Visit == null).Select(i => i.Id).FirstAsync());
        await client.GetPageAsync($"/rosters/pass-list/{notAVisit}", HttpStatusCode.NotFound);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"Сформирован \d{2}\.\d{2}\.\d{4}")]
    private static partial Regex GeneratedOn();
}
