using System.Globalization;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using MissionPortal.Web.Infrastructure.Database;
using MissionPortal.Web.Infrastructure.Localization;
using MissionPortal.Web.Infrastructure.Pdf;

namespace MissionPortal.Web.Features.Rosters;

/// <summary>A roster or a pass list as the files officials take away: PDF on A4 and an .xlsx sheet, with the page's columns.</summary>
public sealed class RosterDocuments(IStringLocalizer<SharedResource> l, TimeProvider clock, DemoNotice demo)
{
    /// <summary>The demo-mode sentence the files carry (badges print it on every sheet), or null.</summary>
    public string? DemoNote => demo.Sentence;

    /// <summary>
    /// The roster's title: «Состав делегации Санкт-Петербурга» for a delegation named «Делегация Санкт-Петербурга»,
    /// «Состав делегации: Калужская область» otherwise — never «Состав делегации: Делегация …».
    /// </summary>
    public string Title(string delegation) => TitleIn(l["Состав делегации: {0}", l.Shown(delegation)], delegation);

    /// <summary>The title from its localized form «Состав делегации: {0}»: a Russian name that starts with «Делегация» is not repeated.</summary>
    public static string TitleIn(string localized, string delegation)
    {
        const string Heading = "Состав делегации: ";
        if (!localized.StartsWith(Heading, StringComparison.Ordinal))
        {
            return localized;
        }

        var name = delegation.Trim();
        if (name.StartsWith("Делегация:", StringComparison.OrdinalIgnoreCase))
        {
            return Heading + name["Делегация:".Length..].Trim();
        }

        return name.StartsWith("Делегация ", StringComparison.OrdinalIgnoreCase) ? "Состав делегации " + name["Делегация ".Length..].Trim() : localized;
    }

    public string[] Headers => [l["№"], l["Фамилия, имя, отчество"], l["Должность"], l["Организация"]];

    public static IReadOnlyList<PdfColumn> Columns(string[] headers) =>
    [
        new(headers[0], 5, Center: true),
        new(headers[1], 35),
        new(headers[2], 36),
        new(headers[3], 24),
    ];

    public IReadOnlyList<string> Subtitle(RosterViewModel roster)
    {
        var lines = new List<string>
        {
            roster.Mission,
            Formats.Period(roster.StartDate, roster.EndDate),
        };
        if (roster.Item is { } item)
        {
            lines.Add(l["Участники пункта программы: {0}, {1} — {2}", Formats.ShortDate(item.Date), Formats.Time(item.Start), item.Title]);
        }

        if (roster.Filter.ApprovedOnly)
        {
            lines.Add(l["Только подтверждённые участники"]);
        }

        return lines;
    }

    public byte[] Pdf(RosterViewModel roster)
    {
        var rows = new List<PdfRow>();
        foreach (var group in roster.Groups)
        {
            if (group.Organization is not null)
            {
                rows.Add(PdfRow.HeadingRow(group.Organization.Length == 0 ? l["Без организации"] : group.Organization));
            }

            rows.AddRange(group.Lines.Select(Cells));
        }

        return TablePdf.Write(new PdfTableDocument(
            Title(roster.Delegation),
            Subtitle(roster),
            DateLine(),
            Columns(Headers),
            rows,
            PageLabel,
            l["В списке никого нет."]));
    }

    public byte[] Pdf(PassListViewModel list) =>
        TablePdf.Write(new PdfTableDocument(
            l["Список на пропуск: {0}", list.Host],
            PassListSubtitle(list),
            DateLine(),
            Columns(Headers),
            list.Lines.Select(Cells).ToList(),
            PageLabel,
            l["В списке никого нет."]));

    public IReadOnlyList<string> PassListSubtitle(PassListViewModel list)
    {
        var lines = new List<string>
        {
            list.Item,
            $"{Formats.LongDate(list.Date)}, {Formats.Time(list.Start)}–{Formats.Time(list.End)}{(list.Venue is null ? string.Empty : " · " + list.Venue)}",
            list.Mission,
        };
        return lines;
    }

    public byte[] Xlsx(RosterViewModel roster) =>
        Xlsx(l["Состав делегации"], Title(roster.Delegation), Subtitle(roster), roster.Lines);

    public byte[] Xlsx(PassListViewModel list) =>
        Xlsx(l["Список на пропуск"], l["Список на пропуск: {0}", list.Host], PassListSubtitle(list), list.Lines);

    /// <summary>
    /// The sheet as an office files it: the title and the lines under it that the PDF prints, the date it was made,
    /// then the table with its header frozen and columns wide enough to read; the demo note, if any, last.
    /// </summary>
    private byte[] Xlsx(string sheet, string title, IReadOnlyList<string> subtitle, IEnumerable<RosterLineViewModel> lines)
    {
        string[] keys = ["A", "B", "C", "D"];
        var rows = new List<Dictionary<string, object?>>();
        void Row(params object?[] cells) =>
            rows.Add(keys.Select((key, i) => (key, value: i < cells.Length ? cells[i] : null)).ToDictionary(c => c.key, c => c.value));

        Row(title);
        foreach (var line in subtitle)
        {
            Row(line);
        }

        Row(DateLine());
        Row();
        var headers = Headers;
        Row([.. headers]);
        var headerRow = rows.Count;
        var people = lines.Select(line => new object?[] { line.Number, line.FullName, line.Position, line.Organization ?? string.Empty }).ToList();
        foreach (var person in people)
        {
            Row(person);
        }

        if (demo.Sentence is { } note)
        {
            // The last row, in the first column, so the sheet says what it is wherever it is copied to.
            Row(note);
        }

        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = headerRow,
            TableStyles = TableStyles.None,
            DynamicColumns = [.. keys.Select((key, i) => new DynamicExcelColumn(key) { Width = Width(i, headers[i], people) })],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(rows, printHeader: false, sheetName: sheet.Length > 31 ? sheet[..31] : sheet, excelType: ExcelType.XLSX, configuration: configuration);
        return stream.ToArray();
    }

    /// <summary>A column as wide as its longest value (in characters), within limits a printed page allows.</summary>
    private static double Width(int column, string header, IEnumerable<object?[]> people)
    {
        var longest = people.Select(p => Convert.ToString(p[column], CultureInfo.CurrentCulture)?.Length ?? 0).Append(header.Length).Max();
        return column == 0 ? Math.Max(longest + 2, 5) : Math.Clamp(longest + 2, 12, 60);
    }

    /// <summary>A file name people recognise, in Latin letters so every mail client keeps it.</summary>
    public static string FileName(string kind, int id, DateOnly date, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}-{id}-{date:yyyyMMdd}.{extension}");

    private string DateLine() =>
        l["Сформирован {0}", Formats.ShortDate(Core.Domain.Common.HostCalendar.Today(clock))];

    private string PageLabel(int page, int pages) => demo.Prefix(l["Страница {0} из {1}", page, pages]);

    private static PdfRow Cells(RosterLineViewModel line) =>
        new([line.Number.ToString(CultureInfo.InvariantCulture), line.FullName, line.Position, line.Organization ?? string.Empty]);
}
