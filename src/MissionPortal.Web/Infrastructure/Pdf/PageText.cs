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
        /// <summary>Latin and Cyrillic, most of any roster: glyph number + 1 by character, 0 while not yet met.</summary>
        private readonly int[] _common = new int[0x500];
        private readonly Dictionary<int, ushort> _glyphs = [];

        public PdfFont Font { get; internal set; } = null!;

        public XFont XFont => xfont;

        /// <summary>The glyph numbers of the text, big-endian as Identity-H encodes them, as upper-case hex.</summary>
        public void WriteHex(string text, IBufferWriter<byte> output)
        {
            var span = output.GetSpan(text.Length * 4);
            var hex = Hex;
            var n = 0;
            for (var i = 0; i < text.Length; i++)
            {
                int glyph;
                var c = text[i];
                if (c < _common.Length && _common[c] != 0)
                {
                    glyph = _common[c] - 1;
                }
                else
                {
                    // As EnumerateRunes reads it in Register: a lone surrogate is U+FFFD.
                    Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length);
                    if (!_glyphs.TryGetValue(rune.Value, out var known))
                    {
                        Register(text);
                        known = _glyphs[rune.Value];
                    }

                    glyph = known;
                    i += length - 1;
                }

                span[n++] = hex[glyph >> 12];
                span[n++] = hex[(glyph >> 8) & 0xF];
                span[n++] = hex[(glyph >> 4) & 0xF];
                span[n++] = hex[glyph & 0xF];
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
                if (pair.CodePoint < _common.Length)
                {
                    _common[pair.CodePoint] = pair.GlyphIndex + 1;
                }
            }
        }

        private static ReadOnlySpan<byte> Hex => "0123456789ABCDEF"u8;
    }
}

/// <summary>
/// The table of one page as PDF operators, appended to the page as its own content stream after what PDFsharp drew there
/// (fills, title): first the rules (black lines of one width), then the text in one text object. Positions are in points
/// from the top left, as XGraphics takes them; each string is placed at its baseline, exactly where
/// XGraphics.DrawString(text, font, brush, x, y) puts it, and the lines where XGraphics.DrawLine would.
/// </summary>
public sealed class PageText(PdfPage page, double pageHeight, double ruleWidth)
{
    private readonly ArrayBufferWriter<byte> _rules = new(4 * 1024);
    private readonly ArrayBufferWriter<byte> _text = new(16 * 1024);
    private DocumentGlyphs.Face? _face;
    private long _x;
    private long _y;

    public void Draw(string text, DocumentGlyphs.Face face, double x, double baseline)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (!ReferenceEquals(face, _face))
        {
            Ascii(_text, page.Resources.AddFont(face.Font));
            _text.Write(" "u8);
            Number(_text, Units(face.XFont.Size));
            _text.Write(" Tf\n"u8);
            _face = face;
        }

        // Relative moves in ten-thousandths of a point, summed exactly, so no rounding accumulates down the page.
        var x1 = Units(x);
        var y1 = Units(pageHeight - baseline);
        Number(_text, x1 - _x);
        _text.Write(" "u8);
        Number(_text, y1 - _y);
        _text.Write(" Td\n<"u8);
        face.WriteHex(text, _text);
        _text.Write("> Tj\n"u8);
        _x = x1;
        _y = y1;
    }

    public void Line(double x1, double y1, double x2, double y2)
    {
        Point(x1, y1);
        _rules.Write(" m\n"u8);
        Point(x2, y2);
        _rules.Write(" l\nS\n"u8);
    }

    public void Frame(double x, double y, double width, double height)
    {
        Point(x, y + height);
        _rules.Write(" "u8);
        Number(_rules, Units(width));
        _rules.Write(" "u8);
        Number(_rules, Units(height));
        _rules.Write(" re\nS\n"u8);
    }

    /// <summary>Adds the rules and the text to the page; nothing if there are none.</summary>
    public void Close()
    {
        if (_rules.WrittenCount == 0 && _text.WrittenCount == 0)
        {
            return;
        }

        var content = new ArrayBufferWriter<byte>(_rules.WrittenCount + _text.WrittenCount + 64);
        if (_rules.WrittenCount > 0)
        {
            content.Write("q\n0 0 0 RG\n"u8);
            Number(content, Units(ruleWidth));
            content.Write(" w\n0 J\n0 j\n[] 0 d\n"u8);
            content.Write(_rules.WrittenSpan);
            content.Write("Q\n"u8);
        }

        if (_text.WrittenCount > 0)
        {
            content.Write("BT\n0 0 0 rg\n"u8);
            content.Write(_text.WrittenSpan);
            content.Write("ET\n"u8);
        }

        page.Contents.AppendContent().CreateStream(content.WrittenSpan.ToArray());
        _rules.Clear();
        _text.Clear();
    }

    private static long Units(double points) => (long)Math.Round(points * 10000, MidpointRounding.AwayFromZero);

    private static void Ascii(ArrayBufferWriter<byte> output, string ascii)
    {
        var span = output.GetSpan(ascii.Length);
        output.Advance(Encoding.ASCII.GetBytes(ascii, span));
    }

    private void Point(double x, double y)
    {
        Number(_rules, Units(x));
        _rules.Write(" "u8);
        Number(_rules, Units(pageHeight - y));
    }

    /// <summary>A number of ten-thousandths as PDF writes it: "-12.5", "0", "7.0625" (at most four decimals, no trailing zeros).</summary>
    private static void Number(ArrayBufferWriter<byte> output, long units)
    {
        var span = output.GetSpan(24);
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

        output.Advance(n);
    }
}
