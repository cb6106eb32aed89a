using System.Text.RegularExpressions;
using MissionPortal.Web.Infrastructure.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace MissionPortal.IntegrationTests.Features.Rosters;

/// <summary>
/// The printed lists write their text as glyph numbers themselves: every character a name, a position or a company may
/// hold reads back from the PDF as it was given, in cells and in headings, whichever bytes its glyph number has.
/// </summary>
public partial class TablePdfTests
{
    private static readonly PdfColumn[] Columns = [new("№", 5, Center: true), new("Текст", 60), new("Ещё", 35)];

    /// <summary>
    /// Short enough for a cell's line, so none is wrapped: every printable ASCII character, Cyrillic with Ё and ё,
    /// typography; first the letters whose glyph numbers in Liberation Sans end in a byte a PDF string must escape, in an
    /// order that no unescaped string would survive: F, E (")", "("), y ("\\"), * (carriage return), ' (line feed).
    /// </summary>
    private static readonly string[] Probes =
    [
        "FE Fy* 'E", "!\"#$%&'()*+,-./", "0123456789:;<=>?@", "ABCDEFGHIJKLM", "NOPQRSTUVWXYZ", "[\\]^_`{|}~",
        "abcdefghijklm", "nopqrstuvwxyz", "АБВГДЕЁЖЗИЙКЛМН", "ОПРСТУФХЦЧШЩЪЫЬЭЮЯ", "абвгдеёжзийклмн", "опрстуфхцчшщъыьэюя",
        "№ «ООО» — 1–2 … ’", "(скобки) \\ обратная",
    ];

    private static string TextOf(Page page) => Spaces().Replace(ContentOrderTextExtractor.GetText(page), " ").Trim();

    private static PdfTableDocument Document(IReadOnlyList<PdfRow> rows, string title = "Проверка") =>
        new(title, ["Строка под заголовком"], "Сформирован 01.01.2027", Columns, rows, (page, pages) => $"Страница {page} из {pages}", "В списке никого нет.");

    [Fact]
    public void Every_character_of_cells_and_headings_reads_back_as_written_in_order()
    {
        var rows = new List<PdfRow> { PdfRow.HeadingRow("Заголовок: " + Probes[0] + " " + Probes[8]) };
        rows.AddRange(Probes.Select((probe, i) => new PdfRow([(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), probe, probe])));
        rows.AddRange(Probes.Select(PdfRow.HeadingRow));

        using var pdf = PdfDocument.Open(TablePdf.Write(Document(rows)));

        var text = TextOf(pdf.GetPage(1));
        Assert.StartsWith("Проверка Строка под заголовком Сформирован 01.01.2027 № Текст Ещё Заголовок: " + Probes[0] + " " + Probes[8], text, StringComparison.Ordinal);
        var position = 0;
        for (var i = 0; i < Probes.Length; i++)
        {
            var row = $"{i + 1} {Probes[i]} {Probes[i]}";
            var at = text.IndexOf(row, position, StringComparison.Ordinal);
            Assert.True(at >= 0, $"Row {i + 1} («{row}») is not in the page's text after the rows before it: {text}");
            position = at + row.Length;
        }

        Assert.EndsWith(string.Join(" ", Probes) + " Страница 1 из 1", text, StringComparison.Ordinal);
        Assert.All(pdf.GetPage(1).Letters, letter => Assert.Contains("Liberation", letter.FontName, StringComparison.Ordinal));
    }

    [Fact]
    public void A_character_the_font_lacks_or_a_broken_surrogate_leaves_the_rest_of_the_list_readable()
    {
        var rows = new List<PdfRow>
        {
            new(["1", "Иванов 😀 Иван", "漢字"]),
            new(["2", "Петров \ud800 Пётр", "Ёлки"]),
            new(["3", "Сидорова Анна", "ООО «Ромашка»"]),
        };

        using var pdf = PdfDocument.Open(TablePdf.Write(Document(rows)));

        var text = TextOf(pdf.GetPage(1));
        Assert.Contains("1 Иванов", text, StringComparison.Ordinal);
        Assert.Contains("Ёлки", text, StringComparison.Ordinal);
        Assert.Contains("3 Сидорова Анна ООО «Ромашка»", text, StringComparison.Ordinal);
        Assert.EndsWith("Страница 1 из 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_list_says_so_under_its_header_and_a_long_one_repeats_the_header_on_every_page()
    {
        using var empty = PdfDocument.Open(TablePdf.Write(Document([])));
        Assert.Equal("Проверка Строка под заголовком Сформирован 01.01.2027 № Текст Ещё В списке никого нет. Страница 1 из 1", TextOf(empty.GetPage(1)));

        var rows = Enumerable.Range(1, 120).Select(n => new PdfRow([n.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Участник {n}", "Должность"])).ToList();
        using var pdf = PdfDocument.Open(TablePdf.Write(Document(rows, "Длинный список")));
        Assert.True(pdf.NumberOfPages > 1);
        foreach (var page in pdf.GetPages())
        {
            var text = TextOf(page);
            Assert.StartsWith(page.Number == 1 ? "Длинный список Строка под заголовком" : "Длинный список № Текст Ещё", text, StringComparison.Ordinal);
            Assert.EndsWith($"Страница {page.Number} из {pdf.NumberOfPages}", text, StringComparison.Ordinal);
        }

        Assert.Contains("120 Участник 120 Должность", TextOf(pdf.GetPage(pdf.NumberOfPages)), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
