using System.Buffers;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace MissionPortal.Web.Infrastructure.Pdf;

public sealed record PdfColumn(string Header, double Width, bool Center = false);

/// <summary>A table row, or (with <see cref="Heading"/>) a heading across the table, such as an organisation's name.</summary>
public sealed record PdfRow(IReadOnlyList<string> Cells, string? Heading = null)
{
    public static PdfRow HeadingRow(string text) => new([], text);
}

/// <summary>What a printed list says about itself: its title, the lines under it and the words of its footer.</summary>
public sealed record PdfTableDocument(
    string Title,
    IReadOnlyList<string> Subtitle,
    string DateLine,
    IReadOnlyList<PdfColumn> Columns,
    IReadOnlyList<PdfRow> Rows,
    Func<int, int, string> PageLabel,
    string? EmptyText = null);

/// <summary>
/// Writes a list as an A4 PDF: title and date on the first page, the table header again on every page,
/// long cells wrapped within their column, rows never split across pages, «Страница N из M» at the foot.
/// </summary>
public static class TablePdf
{
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Margin = 40;
    private const double FooterHeight = 28;
    private const double Padding = 3.5;
    private const double FontSize = 9.5;
    private const double LineHeight = 11.6;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    static TablePdf()
    {
        PdfFonts.EnsureRegistered();
    }

    public static byte[] Write(PdfTableDocument table)
    {
        using var document = new PdfDocument();
        document.Info.Title = table.Title;
        document.Info.Creator = "MissionPortal";
        Compress(document);
        var glyphs = new DocumentGlyphs(document);
        var fonts = new Fonts(
            new Font(new XFont(PdfFonts.Family, FontSize, XFontStyleEx.Regular, Unicode), glyphs),
            new Font(new XFont(PdfFonts.Family, FontSize, XFontStyleEx.Bold, Unicode), glyphs),
            new Font(new XFont(PdfFonts.Family, 14, XFontStyleEx.Bold, Unicode), glyphs),
            new Font(new XFont(PdfFonts.Family, 10, XFontStyleEx.Regular, Unicode), glyphs),
            new Font(new XFont(PdfFonts.Family, 8, XFontStyleEx.Regular, Unicode), glyphs));
        var scale = (PageWidth - (2 * Margin)) / table.Columns.Sum(c => c.Width);
        var widths = table.Columns.Select(c => c.Width * scale).ToArray();

        var writer = new PageWriter(document, table, fonts, widths);
        writer.NewPage(first: true);
        if (table.Rows.Count == 0 && table.EmptyText is not null)
        {
            writer.Text(table.EmptyText);
        }

        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            if (row.Heading is not null)
            {
                // A heading never stays alone at the foot of a page: it goes down with its first row.
                var next = i + 1 < table.Rows.Count && table.Rows[i + 1].Heading is null ? writer.Measure(table.Rows[i + 1]) : 0;
                writer.Heading(row.Heading, next);
            }
            else
            {
                writer.Row(row);
            }
        }

        writer.Close();
        // About 200 bytes a row and 40 KB of fonts: sized so that the stream is not copied as it grows.
        using var output = new MemoryStream((48 * 1024) + (250 * table.Rows.Count));
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>
    /// Content streams compressed at zlib's fastest level: for a 500-line roster saving takes a third of the time of the
    /// default level, for a file a third larger (with the glyphs as literal strings about 100 KB for 500 people).
    /// </summary>
    private static void Compress(PdfDocument document) => document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;

    /// <summary>Splits text into lines that fit the width, at spaces, or inside a word too long for a line.</summary>
    public static List<string> Wrap(XGraphics gfx, string text, XFont font, double width) =>
        Wrap(text, s => gfx.MeasureString(s, font).Width, width);

    private static List<string> Wrap(string text, Func<string, double> measure, double width)
    {
        // Most cells fit on their line: one measure instead of one per word, with the words joined as below.
        if (!text.Contains('\n', StringComparison.Ordinal))
        {
            var single = IsSingleSpaced(text)
                ? text
                : string.Join(' ', text.Replace("\r", string.Empty, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (measure(single) <= width)
            {
                return [single];
            }
        }

        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (measure(candidate) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (line.Length > 1 && measure(line) > width)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && measure(line[..cut]) > width)
                    {
                        cut--;
                    }

                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Text whose words are already joined by single spaces, as the general case below would join them.</summary>
    private static bool IsSingleSpaced(string text) =>
        text.Length > 0 && text[0] != ' ' && text[^1] != ' ' && !text.Contains('\r', StringComparison.Ordinal) && !text.Contains("  ", StringComparison.Ordinal);

    private sealed record Fonts(Font Body, Font Bold, Font Title, Font Subtitle, Font Small);

    /// <summary>A font at its size, with its typeface's glyphs in the document.</summary>
    private sealed class Font(XFont font, DocumentGlyphs glyphs)
    {
        public XFont X { get; } = font;

        public DocumentGlyphs.Face Glyphs { get; } = glyphs.For(font);

        public double Size => X.Size;

        /// <summary>From the top of a line to its baseline, as PDFsharp places top-aligned text.</summary>
        public double Ascent { get; } = font.GetHeight() * font.CellAscent / font.CellSpace;
    }

    /// <summary>
    /// A font's widths, one character at a time, in its design units: a string's width is their sum scaled to the size,
    /// exactly as PDFsharp measures it (no kerning), without mapping every character of every cell to its glyph again.
    /// </summary>
    private sealed class TextWidths(XGraphics gfx, XFont font)
    {
        /// <summary>Latin and Cyrillic by character: width + 1, 0 while not yet measured; other characters in the dictionary.</summary>
        private readonly int[] _common = new int[0x500];
        private readonly Dictionary<char, int> _units = [];
        private readonly int _unitsPerEm = font.Metrics.UnitsPerEm;
        private Func<string, double>? _measure;

        /// <summary><see cref="Of"/> as one delegate, not a new one for every text wrapped.</summary>
        public Func<string, double> Measure => _measure ??= Of;

        public double Of(string text)
        {
            var units = 0;
            foreach (var c in text)
            {
                if (c < _common.Length && _common[c] != 0)
                {
                    units += _common[c] - 1;
                    continue;
                }

                if (char.IsSurrogate(c))
                {
                    return gfx.MeasureString(text, font).Width;
                }

                if (!_units.TryGetValue(c, out var width))
                {
                    width = (int)Math.Round(gfx.MeasureString(c.ToString(), font).Width * _unitsPerEm / font.Size);
                    _units[c] = width;
                    if (c < _common.Length)
                    {
                        _common[c] = width + 1;
                    }
                }

                units += width;
            }

            return units * font.Size / _unitsPerEm;
        }
    }

    private sealed class PageWriter(PdfDocument document, PdfTableDocument table, Fonts fonts, double[] widths)
    {
        private static readonly (byte, byte, byte) HeaderFill = (230, 230, 230);
        private static readonly (byte, byte, byte) HeadingFill = (244, 244, 244);
        private const double RuleWidth = 0.5;
        private const double ContentWidth = PageWidth - (2 * Margin);

        private readonly XGraphics _measure = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
        private readonly Dictionary<XFont, TextWidths> _widths = [];
        private readonly double[] _edges = Edges(widths);
        private readonly List<double> _ruled = [];
        private readonly List<PageContent> _pages = [];
        private readonly ArrayBufferWriter<byte> _buffer = new(32 * 1024);
        private (PdfRow Row, List<List<string>> Lines)? _measured;
        private double _y;

        private double Bottom => PageHeight - Margin - FooterHeight;

        private PageContent Page => _pages.Count > 0 ? _pages[^1] : throw new InvalidOperationException("No page.");

        public void NewPage(bool first)
        {
            RuleRows();
            if (_pages.Count > 0)
            {
                Page.SetAside();
            }

            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            _pages.Add(new PageContent(page, PageHeight, RuleWidth, _buffer));
            _y = Margin;
            if (first)
            {
                foreach (var line in Wrap(table.Title, fonts.Title, ContentWidth))
                {
                    Draw(line, fonts.Title, Margin, _y);
                    _y += 17;
                }

                _y += 3;
                foreach (var line in table.Subtitle.SelectMany(s => Wrap(s, fonts.Subtitle, ContentWidth)))
                {
                    Draw(line, fonts.Subtitle, Margin, _y);
                    _y += 13;
                }

                Draw(table.DateLine, fonts.Small, Margin, _y + 2);
                _y += 20;
            }
            else
            {
                Draw(table.Title, fonts.Small, Margin, _y);
                _y += 16;
            }

            HeaderRow();
        }

        /// <summary>The height of a row; its lines are kept for <see cref="Row"/>, which usually draws it next.</summary>
        public double Measure(PdfRow row) => Height(Lines(row));

        public void Row(PdfRow row)
        {
            var lines = Lines(row);
            var height = Height(lines);
            if (_y + height > Bottom)
            {
                NewPage(first: false);
            }

            if (_ruled.Count == 0)
            {
                _ruled.Add(_y);
            }

            Cells(lines, height, fonts.Body);
            _ruled.Add(_y);
        }

        public void Heading(string text, double nextRowHeight)
        {
            RuleRows();
            var lines = Wrap(text, fonts.Bold, ContentWidth - (2 * Padding));
            var height = (lines.Count * LineHeight) + (2 * Padding);
            if (_y + height + nextRowHeight > Bottom)
            {
                NewPage(first: false);
            }

            Page.Rectangle(Margin, _y, ContentWidth, height, HeadingFill, frame: true);
            for (var l = 0; l < lines.Count; l++)
            {
                Draw(lines[l], fonts.Bold, Margin + Padding, _y + Padding + (l * LineHeight));
            }

            _y += height;
        }

        public void Text(string text)
        {
            Draw(text, fonts.Body, Margin, _y + Padding);
            _y += LineHeight + (2 * Padding);
        }

        /// <summary>Ends the last block of rows, puts «Страница N из M» at the foot of every page and adds the pages' content.</summary>
        public void Close()
        {
            RuleRows();
            Page.SetAside();
            for (var n = 0; n < _pages.Count; n++)
            {
                // Centred in the footer box as XGraphics centres a line: the baseline 3/8 of the ascent below the box's middle.
                _pages[n].TakeUp();
                var label = table.PageLabel(n + 1, _pages.Count);
                var top = PageHeight - Margin;
                var boxHeight = FooterHeight - 10;
                var x = Margin + ((ContentWidth - WidthsOf(fonts.Small).Of(label)) / 2);
                _pages[n].Text(label, fonts.Small.Glyphs, fonts.Small.Size, x, top + (fonts.Small.Ascent * 3 / 4 / 2) + (boxHeight / 2));
                _pages[n].Close();
            }

            _measure.Dispose();
        }

        private static double[] Edges(double[] widths)
        {
            // Summed as the cells are placed, so a rule falls exactly on a cell's edge.
            var edges = new double[widths.Length + 1];
            edges[0] = Margin;
            for (var c = 0; c < widths.Length; c++)
            {
                edges[c + 1] = edges[c] + widths[c];
            }

            return edges;
        }

        private static double Height(List<List<string>> lines) =>
            (lines.Select(l => l.Count).DefaultIfEmpty(1).Max() * LineHeight) + (2 * Padding);

        /// <summary>A line of text whose top is at y, as XGraphics draws it top-aligned.</summary>
        private void Draw(string text, Font font, double x, double top) =>
            Page.Text(text, font.Glyphs, font.Size, x, top + font.Ascent);

        private List<string> Wrap(string text, Font font, double width) => TablePdf.Wrap(text, WidthsOf(font).Measure, width);

        private TextWidths WidthsOf(Font font)
        {
            if (!_widths.TryGetValue(font.X, out var measure))
            {
                measure = new TextWidths(_measure, font.X);
                _widths[font.X] = measure;
            }

            return measure;
        }

        private List<List<string>> Lines(PdfRow row)
        {
            if (_measured is { } measured && ReferenceEquals(measured.Row, row))
            {
                return measured.Lines;
            }

            var lines = new List<List<string>>(row.Cells.Count);
            for (var i = 0; i < row.Cells.Count; i++)
            {
                lines.Add(Wrap(row.Cells[i], fonts.Body, widths[i] - (2 * Padding)));
            }

            _measured = (row, lines);
            return lines;
        }

        /// <summary>
        /// The rules of the rows drawn since the last heading or page break: a frame and a line between rows and between
        /// columns, the same lines as a frame around every cell, drawn once at the end of the block instead of four per row.
        /// </summary>
        private void RuleRows()
        {
            if (_ruled.Count < 2)
            {
                _ruled.Clear();
                return;
            }

            var top = _ruled[0];
            var bottom = _ruled[^1];
            Page.Rectangle(_edges[0], top, _edges[^1] - _edges[0], bottom - top, fill: null, frame: true);
            for (var r = 1; r < _ruled.Count - 1; r++)
            {
                Page.Line(_edges[0], _ruled[r], _edges[^1], _ruled[r]);
            }

            for (var c = 1; c < _edges.Length - 1; c++)
            {
                Page.Line(_edges[c], top, _edges[c], bottom);
            }

            _ruled.Clear();
        }

        private void HeaderRow()
        {
            var lines = table.Columns.Select((c, i) => Wrap(c.Header, fonts.Bold, widths[i] - (2 * Padding))).ToList();
            var height = (lines.Max(l => l.Count) * LineHeight) + (2 * Padding);
            var x = Margin;
            for (var c = 0; c < widths.Length; c++)
            {
                Page.Rectangle(x, _y, widths[c], height, HeaderFill, frame: true);
                x += widths[c];
            }

            Cells(lines, height, fonts.Bold);
        }

        private void Cells(IReadOnlyList<List<string>> lines, double height, Font font)
        {
            var x = Margin;
            for (var c = 0; c < widths.Length; c++)
            {
                var cell = c < lines.Count ? lines[c] : [];
                for (var l = 0; l < cell.Count; l++)
                {
                    // Only centred cells are measured.
                    var left = table.Columns[c].Center
                        ? x + Padding + ((widths[c] - (2 * Padding) - WidthsOf(font).Of(cell[l])) / 2)
                        : x + Padding;
                    Draw(cell[l], font, left, _y + Padding + (l * LineHeight));
                }

                x += widths[c];
            }

            _y += height;
        }
    }
}
