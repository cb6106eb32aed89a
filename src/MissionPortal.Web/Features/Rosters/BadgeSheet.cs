using MissionPortal.Web.Infrastructure.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace MissionPortal.Web.Features.Rosters;

public sealed record Badge(string Surname, string GivenNames, string Position, string? Organization, string CheckInUrl);

/// <summary>
/// Name badges on A4, ten to a sheet (two columns of 90 × 54 mm, dashed cut lines): the mission on top,
/// the surname large, given name and patronymic under it, position and organisation, and a QR code of
/// the signed check-in link (also a link in the PDF, for a badge opened on screen).
/// </summary>
public static class BadgeSheet
{
    public const int PerPage = 10;
    private const double Mm = 72 / 25.4;
    private const double Width = 90 * Mm;
    private const double Height = 54 * Mm;
    private const double Left = 15 * Mm;
    private const double Top = 13.5 * Mm;
    private const double Pad = 4 * Mm;
    private const double QrSize = 29 * Mm;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static readonly XSolidBrush Band = new(XColor.FromArgb(29, 57, 105));
    private static readonly XPen Cut = new(XColor.FromArgb(150, 150, 150), 0.5) { DashStyle = XDashStyle.Dash };

    static BadgeSheet()
    {
        PdfFonts.EnsureRegistered();
    }

    /// <summary>The sheets; <paramref name="note"/> (demo mode) is printed under the last row of badges on every sheet.</summary>
    public static byte[] Write(string mission, IReadOnlyList<Badge> badges, string? note = null)
    {
        using var document = new PdfDocument();
        document.Info.Title = mission;
        document.Info.Creator = "MissionPortal";
        var missionFont = new XFont(PdfFonts.Family, 7.5, XFontStyleEx.Bold, Unicode);
        var givenFont = new XFont(PdfFonts.Family, 11, XFontStyleEx.Regular, Unicode);
        var smallFont = new XFont(PdfFonts.Family, 7.5, XFontStyleEx.Regular, Unicode);
        using var qrGenerator = new QRCodeGenerator();

        for (var start = 0; start < Math.Max(badges.Count, 1); start += PerPage)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromMillimeter(210);
            page.Height = XUnit.FromMillimeter(297);
            using var gfx = XGraphics.FromPdfPage(page);
            if (note is not null)
            {
                var below = Top + (PerPage / 2 * Height) + (2 * Mm);
                gfx.DrawString(note, smallFont, XBrushes.Black, new XRect(Left, below, 2 * Width, 9), XStringFormats.TopLeft);
            }

            foreach (var (badge, index) in badges.Skip(start).Take(PerPage).Select((b, i) => (b, i)))
            {
                var x = Left + (index % 2 * Width);
                var y = Top + (index / 2 * Height);
                gfx.DrawRectangle(Cut, x, y, Width, Height);

                // The mission across the top, white on the portal's blue.
                var bandHeight = 9 * Mm;
                gfx.DrawRectangle(Band, x + 1, y + 1, Width - 2, bandHeight);
                var missionLines = TablePdf.Wrap(gfx, mission, missionFont, Width - (2 * Pad));
                var missionTop = y + 1 + ((bandHeight - (Math.Min(missionLines.Count, 2) * 9)) / 2);
                foreach (var (line, l) in missionLines.Take(2).Select((t, i) => (t, i)))
                {
                    gfx.DrawString(line, missionFont, XBrushes.White, new XRect(x + Pad, missionTop + (l * 9), Width - (2 * Pad), 9), XStringFormats.TopLeft);
                }

                var textWidth = Width - (2 * Pad) - QrSize - (2 * Mm);
                var cursor = y + bandHeight + (4 * Mm);
                var surnameFont = Fit(gfx, badge.Surname, textWidth, 17, 10);
                gfx.DrawString(badge.Surname, surnameFont, XBrushes.Black, new XRect(x + Pad, cursor, textWidth, 20), XStringFormats.TopLeft);
                cursor += surnameFont.Size + 3;
                foreach (var line in TablePdf.Wrap(gfx, badge.GivenNames, givenFont, textWidth).Take(2))
                {
                    gfx.DrawString(line, givenFont, XBrushes.Black, new XRect(x + Pad, cursor, textWidth, 13), XStringFormats.TopLeft);
                    cursor += 13;
                }

                cursor += 3;
                foreach (var line in Lines(gfx, badge.Position, smallFont, textWidth, 4))
                {
                    gfx.DrawString(line, smallFont, XBrushes.Black, new XRect(x + Pad, cursor, textWidth, 9), XStringFormats.TopLeft);
                    cursor += 9;
                }

                if (!string.IsNullOrEmpty(badge.Organization))
                {
                    cursor += 2;
                    foreach (var line in Lines(gfx, badge.Organization, smallFont, textWidth, 3))
                    {
                        gfx.DrawString(line, smallFont, XBrushes.DimGray, new XRect(x + Pad, cursor, textWidth, 9), XStringFormats.TopLeft);
                        cursor += 9;
                    }
                }

                var qr = new XRect(x + Width - Pad - QrSize, y + bandHeight + (3 * Mm), QrSize, QrSize);
                DrawQr(gfx, qrGenerator, badge.CheckInUrl, qr);
                page.AddWebLink(new PdfSharp.Pdf.PdfRectangle(gfx.Transformer.WorldToDefaultPage(qr)), badge.CheckInUrl);
            }
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>At most <paramref name="max"/> lines; a longer text ends its last line with «…».</summary>
    private static IEnumerable<string> Lines(XGraphics gfx, string text, XFont font, double width, int max)
    {
        var lines = TablePdf.Wrap(gfx, text, font, width);
        if (lines.Count <= max)
        {
            return lines;
        }

        var last = lines[max - 1];
        while (last.Length > 1 && gfx.MeasureString(last + "…", font).Width > width)
        {
            last = last[..^1];
        }

        return [.. lines.Take(max - 1), last.TrimEnd() + "…"];
    }

    /// <summary>The largest size, from <paramref name="largest"/> down to <paramref name="smallest"/>, at which the text fits the width.</summary>
    private static XFont Fit(XGraphics gfx, string text, double width, double largest, double smallest)
    {
        for (var size = largest; ; size -= 0.5)
        {
            var font = new XFont(PdfFonts.Family, size, XFontStyleEx.Bold, Unicode);
            if (size <= smallest || gfx.MeasureString(text, font).Width <= width)
            {
                return font;
            }
        }
    }

    /// <summary>The QR code drawn as squares (crisp at any zoom, no image decoding), quiet zone included.</summary>
    private static void DrawQr(XGraphics gfx, QRCodeGenerator generator, string text, XRect box)
    {
        // Level L keeps the modules large enough for a phone at this size; a badge is read up close.
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.L);
        var matrix = data.ModuleMatrix;
        var modules = matrix.Count;
        var size = box.Width / modules;
        for (var row = 0; row < modules; row++)
        {
            for (var column = 0; column < modules; column++)
            {
                if (matrix[row][column])
                {
                    // A hair wider than a module, so neighbours join without white seams.
                    gfx.DrawRectangle(XBrushes.Black, box.X + (column * size), box.Y + (row * size), size + 0.05, size + 0.05);
                }
            }
        }
    }
}
