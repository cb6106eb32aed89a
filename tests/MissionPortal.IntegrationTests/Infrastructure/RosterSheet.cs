using System.IO.Compression;
using System.Xml.Linq;
using MiniExcelLibs;

namespace MissionPortal.IntegrationTests.Infrastructure;

/// <summary>
/// A roster .xlsx read back the way a person reads it: the lines above the table, the table's rows keyed by its
/// header (the row that starts with «№»), and the column widths and frozen rows the sheet's XML declares.
/// </summary>
public sealed class RosterSheet
{
    private RosterSheet(List<string> heading, List<string> header, List<IDictionary<string, object?>> rows, List<double> widths, int frozenRows, int headerRow)
    {
        Heading = heading;
        Header = header;
        Rows = rows;
        Widths = widths;
        FrozenRows = frozenRows;
        HeaderRow = headerRow;
    }

    /// <summary>The first cell of each row above the table (title, subtitle, date), blank rows left out.</summary>
    public IReadOnlyList<string> Heading { get; }

    public IReadOnlyList<string> Header { get; }

    /// <summary>Every row under the header, the demo note included, keyed by the header's texts.</summary>
    public IReadOnlyList<IDictionary<string, object?>> Rows { get; }

    /// <summary>The people: the rows under the header without the closing demo note.</summary>
    public IReadOnlyList<IDictionary<string, object?>> People =>
        [.. Rows.Where(r => r[Header[0]] is not string note || !note.StartsWith("Демонстрационные данные", StringComparison.Ordinal))];

    public IReadOnlyList<double> Widths { get; }

    public int FrozenRows { get; }

    /// <summary>The header's row number, counting from 1 as the spreadsheet does.</summary>
    public int HeaderRow { get; }

    public static RosterSheet Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var all = stream.Query().Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
        var headerIndex = all.FindIndex(r => r.Count > 0 && r[0] as string == "№");
        Assert.True(headerIndex >= 0, "The sheet has no header row starting with «№».");
        var header = all[headerIndex].TakeWhile(v => v is string).Cast<string>().ToList();
        var heading = all.Take(headerIndex).Select(r => r.FirstOrDefault() as string).Where(v => !string.IsNullOrEmpty(v)).Cast<string>().ToList();
        var rows = all.Skip(headerIndex + 1)
            .Select(r => (IDictionary<string, object?>)header.Select((h, i) => (h, v: i < r.Count ? r[i] : null)).ToDictionary(c => c.h, c => c.v))
            .ToList();

        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        using var sheetXml = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        var xml = XDocument.Load(sheetXml);
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var widths = xml.Descendants(main + "col")
            .Select(c => double.Parse(c.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var pane = xml.Descendants(main + "pane").FirstOrDefault(p => p.Attribute("state")?.Value == "frozen");
        var frozen = pane?.Attribute("ySplit") is { } split ? (int)double.Parse(split.Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return new RosterSheet(heading, header, rows, widths, frozen, headerIndex + 1);
    }
}
