using MissionPortal.Web.Infrastructure.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace MissionPortal.Web.Features.Reports;

/// <summary>One figure of the report: its number and what it counts.</summary>
public sealed record ReportFigure(int Value, string Label);

/// <summary>A block of the report's text: a heading, or a paragraph (bold for a title inside a section).</summary>
public sealed record ReportBlock(string Text, bool IsHeading = false, bool IsBold = false);

/// <summary>What the PDF of a mission report holds, already in words.</summary>
public sealed record ReportPdfContent(
    string Kicker,
    string Title,
    IReadOnlyList<string> Lines,
    IReadOnlyList<ReportFigure> Figures,
    string? Note,
    IReadOnlyList<ReportBlock> Blocks,
    string DateLine,
    Func<int, int, string> PageLabel);

/// <summary>
/// The mission report as an A4 PDF: title and facts, a row of figures in boxes, then the programme and
/// outcomes as running text. It aims at one page and flows onto another rather than cut anything.
/// </summary>
public static class ReportPdf
{
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Margin = 42;
    private const double FooterHeight = 26;
    private const double ContentWidth = PageWidth - (2 * Margin);

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static readonly XPen Rule = new(XColors.Black, 0.5);
    private static readonly XSolidBrush BoxFill = new(XColor.FromArgb(242, 242, 242));

    static ReportPdf()
    {
        PdfFonts.EnsureRegistered();
    }

    public static byte[] Write(ReportPdfContent content)
    {
        using var document = new PdfDocument();
        document.Info.Title = content.Title;
        document.Info.Creator = "MissionPortal";
        var writer = new Writer(document);
        writer.Lines(content.Kicker, writer.Small, 10.5, XBrushes.DimGray);
        writer.Lines(content.Title, writer.Title, 17.5, XBrushes.Black);
        writer.Space(4);
        foreach (var line in content.Lines)
        {
            writer.Lines(line, writer.Body, 12.5, XBrushes.Black);
        }

        writer.Space(8);
        writer.Figures(content.Figures);
        if (content.Note is not null)
        {
            writer.Lines(content.Note, writer.Small, 10.5, XBrushes.Black);
        }

        foreach (var block in content.Blocks)
        {
            if (block.IsHeading)
            {
                writer.Space(6);
                writer.Lines(block.Text, writer.Heading, 14, XBrushes.Black, keepWithNext: 26);
                writer.Space(1);
            }
            else
            {
                writer.Lines(block.Text, block.IsBold ? writer.Bold : writer.Body, 12.5, XBrushes.Black);
                writer.Space(3);
            }
        }

        writer.Close();
        var pages = document.PageCount;
        for (var n = 0; n < pages; n++)
        {
            using var gfx = XGraphics.FromPdfPage(document.Pages[n], XGraphicsPdfPageOptions.Append);
            var footer = new XRect(Margin, PageHeight - Margin - 4, ContentWidth, FooterHeight - 10);
            gfx.DrawLine(Rule, Margin, footer.Top - 4, PageWidth - Margin, footer.Top - 4);
            gfx.DrawString(content.DateLine, writer.Small, XBrushes.Black, footer, XStringFormats.TopLeft);
            gfx.DrawString(content.PageLabel(n + 1, pages), writer.Small, XBrushes.Black, footer, XStringFormats.TopRight);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private sealed class Writer
    {
        private readonly PdfDocument _document;
        private XGraphics? _gfx;
        private double _y;

        public Writer(PdfDocument document)
        {
            _document = document;
            NewPage();
        }

        public XFont Body { get; } = new(PdfFonts.Family, 10, XFontStyleEx.Regular, Unicode);

        public XFont Bold { get; } = new(PdfFonts.Family, 10, XFontStyleEx.Bold, Unicode);

        public XFont Heading { get; } = new(PdfFonts.Family, 11.5, XFontStyleEx.Bold, Unicode);

        public XFont Title { get; } = new(PdfFonts.Family, 15, XFontStyleEx.Bold, Unicode);

        public XFont Small { get; } = new(PdfFonts.Family, 8.5, XFontStyleEx.Regular, Unicode);

        public XFont Number { get; } = new(PdfFonts.Family, 18, XFontStyleEx.Bold, Unicode);

        private XGraphics Gfx => _gfx ?? throw new InvalidOperationException("No page.");

        private static double Bottom => PageHeight - Margin - FooterHeight;

        public void Space(double points) => _y += points;

        /// <summary>Wrapped text; a heading moves to the next page when the lines after it would not fit.</summary>
        public void Lines(string text, XFont font, double lineHeight, XBrush brush, double keepWithNext = 0)
        {
            var lines = TablePdf.Wrap(Gfx, text, font, ContentWidth);
            if (_y + (lines.Count * lineHeight) + keepWithNext > Bottom)
            {
                NewPage();
            }

            foreach (var line in lines)
            {
                if (_y + lineHeight > Bottom)
                {
                    NewPage();
                }

                Gfx.DrawString(line, font, brush, new XRect(Margin, _y, ContentWidth, lineHeight), XStringFormats.TopLeft);
                _y += lineHeight;
            }
        }

        /// <summary>The figures side by side, each in a box: the number large, what it counts beneath.</summary>
        public void Figures(IReadOnlyList<ReportFigure> figures)
        {
            if (figures.Count == 0)
            {
                return;
            }

            const double gap = 4;
            var width = (ContentWidth - (gap * (figures.Count - 1))) / figures.Count;
            var labels = figures.Select(f => TablePdf.Wrap(Gfx, f.Label, Small, width - 6)).ToList();
            var height = 30 + (labels.Max(l => l.Count) * 10) + 6;
            if (_y + height > Bottom)
            {
                NewPage();
            }

            for (var i = 0; i < figures.Count; i++)
            {
                var x = Margin + (i * (width + gap));
                var box = new XRect(x, _y, width, height);
                Gfx.DrawRectangle(Rule, BoxFill, box);
                Gfx.DrawString(figures[i].Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Number, XBrushes.Black,
                    new XRect(x, _y + 5, width, 22), XStringFormats.TopCenter);
                for (var l = 0; l < labels[i].Count; l++)
                {
                    Gfx.DrawString(labels[i][l], Small, XBrushes.Black, new XRect(x + 3, _y + 30 + (l * 10), width - 6, 10), XStringFormats.TopCenter);
                }
            }

            _y += height + 8;
        }

        public void Close()
        {
            _gfx?.Dispose();
            _gfx = null;
        }

        private void NewPage()
        {
            _gfx?.Dispose();
            var page = _document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            _gfx = XGraphics.FromPdfPage(page);
            _y = Margin;
        }
    }
}
