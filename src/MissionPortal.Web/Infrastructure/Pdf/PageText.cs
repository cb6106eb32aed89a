using System.Buffers;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace MissionPortal.Web.Infrastructure.Pdf;

/// <summary>
/// The glyphs a document's text uses, per font: each character is mapped to its glyph and added to the font's embedded
/// subset once per document, by PDFsharp itself, on a form that no page shows. <see cref="PageText"/> then writes the
/// text of a page as PDF operators with those glyph numbers, instead of PDFsharp mapping, registering and formatting
/// every character of every string again (for a 500-line roster that was most of the document's time and allocation).
/// </summary>
public sealed class DocumentGlyphs
{
    private readonly PdfDocument _document;
    private readonly XGraphics _register;
    private readonly Dictionary<XFont, Face> _faces = [];
    private CodePointGlyphIndexPair[]? _rendered;

    public DocumentGlyphs(PdfDocument document)
    {
        _document = document;
        _register = XGraphics.FromForm(new XForm(document, new XSize(10, 10)));
        document.RenderEvents.RenderTextEvent += (_, e) => _rendered = e.CodePointGlyphIndexPairs;
    }

    /// <summary>The font's glyphs and its PDF font object; the first call for a font must come before any page uses it.</summary>
    public Face For(XFont font)
    {
        if (!_faces.TryGetValue(font, out var face))
        {
            var known = Type0Fonts().ToHashSet();
            face = new Face(this, font);
            face.Register(" ");
            var added = Type0Fonts().Where(f => !known.Contains(f)).ToList();
            face.Font = added.Count == 1
                ? added[0]
                : throw new InvalidOperationException($"The PDF font of {font.FontFamily.Name} {font.Style} was not added by its first glyphs: ask for every font before any page uses it.");
            _faces[font] = face;
        }

        return face;
    }

    private IEnumerable<PdfFont> Type0Fonts() =>
        _document.Internals.GetAllObjects().OfType<PdfFont>().Where(f => f.Elements.GetName("/Subtype") == "/Type0");

    /// <summary>One font of the document: its characters' glyph numbers, each added to the embedded subset when first met.</summary>
    public sealed class Face(DocumentGlyphs owner, XFont xfont)
    {
        private readonly Dictionary<int, ushort> _glyphs = [];

        public PdfFont Font { get; internal set; } = null!;

        public XFont XFont => xfont;

        /// <summary>The glyph numbers of the text, big-endian as Identity-H encodes them, as upper-case hex.</summary>
        public void WriteHex(string text, IBufferWriter<byte> output)
        {
            var span = output.GetSpan(text.Length * 4);
            var n = 0;
            foreach (var rune in text.EnumerateRunes())
            {
                if (!_glyphs.TryGetValue(rune.Value, out var glyph))
                {
                    Register(text);
                    glyph = _glyphs[rune.Value];
                }

                span[n++] = Hex[glyph >> 12];
                span[n++] = Hex[(glyph >> 8) & 0xF];
                span[n++] = Hex[(glyph >> 4) & 0xF];
                span[n++] = Hex[glyph & 0xF];
            }

            output.Advance(n);
        }

        /// <summary>Draws the text's characters not yet met on the hidden form, which maps them and adds them to the subset.</summary>
        internal void Register(string text)
        {
            var missing = new StringBuilder();
            foreach (var rune in text.EnumerateRunes())
            {
                if (!_glyphs.ContainsKey(rune.Value))
                {
                    missing.Append(rune.ToString());
                    _glyphs[rune.Value] = 0;
                }
            }

            owner._rendered = null;
            owner._register.DrawString(missing.ToString(), xfont, XBrushes.Black, 0, 0);
            foreach (var pair in owner._rendered ?? throw new InvalidOperationException("PDFsharp did not report the glyphs it drew."))
            {
                _glyphs[pair.CodePoint] = pair.GlyphIndex;
            }
        }

        private static ReadOnlySpan<byte> Hex => "0123456789ABCDEF"u8;
    }
}

/// <summary>
/// The text of one page as PDF text operators, in one text object, appended to the page as its own content stream
/// after what PDFsharp drew there (rules and fills under the text). Positions are in points from the top left, as
/// XGraphics takes them; each string is placed at its baseline, exactly where XGraphics.DrawString(text, font, brush,
/// x, y) puts it.
/// </summary>
public sealed class PageText(PdfPage page, double pageHeight)
{
    private readonly ArrayBufferWriter<byte> _content = new(16 * 1024);
    private DocumentGlyphs.Face? _face;
    private long _x;
    private long _y;

    public void Draw(string text, DocumentGlyphs.Face face, double x, double baseline)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (_content.WrittenCount == 0)
        {
            Write("BT\n0 0 0 rg\n"u8);
        }

        if (!ReferenceEquals(face, _face))
        {
            Write(page.Resources.AddFont(face.Font));
            Write(" "u8);
            Number(Units(face.XFont.Size));
            Write(" Tf\n"u8);
            _face = face;
        }

        // Relative moves in ten-thousandths of a point, summed exactly, so no rounding accumulates down the page.
        var x1 = Units(x);
        var y1 = Units(pageHeight - baseline);
        Number(x1 - _x);
        Write(" "u8);
        Number(y1 - _y);
        Write(" Td\n<"u8);
        face.WriteHex(text, _content);
        Write("> Tj\n"u8);
        _x = x1;
        _y = y1;
    }

    /// <summary>Ends the text object and adds it to the page; nothing if the page has no such text.</summary>
    public void Close()
    {
        if (_content.WrittenCount == 0)
        {
            return;
        }

        Write("ET\n"u8);
        page.Contents.AppendContent().CreateStream(_content.WrittenSpan.ToArray());
        _content.Clear();
    }

    private static long Units(double points) => (long)Math.Round(points * 10000, MidpointRounding.AwayFromZero);

    private void Write(ReadOnlySpan<byte> bytes) => _content.Write(bytes);

    private void Write(string ascii)
    {
        var span = _content.GetSpan(ascii.Length);
        var n = Encoding.ASCII.GetBytes(ascii, span);
        _content.Advance(n);
    }

    /// <summary>A number of ten-thousandths as PDF writes it: "-12.5", "0", "7.0625" (at most four decimals, no trailing zeros).</summary>
    private void Number(long units)
    {
        var span = _content.GetSpan(24);
        var n = 0;
        if (units < 0)
        {
            span[n++] = (byte)'-';
            units = -units;
        }

        var whole = units / 10000;
        var fraction = (int)(units % 10000);
        whole.TryFormat(span[n..], out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        n += written;
        if (fraction != 0)
        {
            span[n++] = (byte)'.';
            var divisor = 1000;
            while (fraction != 0)
            {
                span[n++] = (byte)('0' + (fraction / divisor));
                fraction %= divisor;
                divisor /= 10;
            }
        }

        _content.Advance(n);
    }
}
