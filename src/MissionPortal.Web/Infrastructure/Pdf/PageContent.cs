using System.Buffers;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace MissionPortal.Web.Infrastructure.Pdf;

/// <summary>
/// The glyphs a document's text uses, per typeface: each character is mapped to its glyph and added to the font's
/// embedded subset once per document, by PDFsharp itself, on a form that no page shows. <see cref="PageContent"/> then
/// writes a page's text as PDF operators with those glyph numbers, instead of PDFsharp mapping, registering and
/// formatting every character of every string again (for a 500-line roster that was most of the document's time and
/// allocation).
/// </summary>
public sealed class DocumentGlyphs
{
    private readonly PdfDocument _document;
    private readonly XGraphics _register;
    private readonly Dictionary<(string Family, XFontStyleEx Style), Face> _faces = [];
    private CodePointGlyphIndexPair[]? _rendered;

    public DocumentGlyphs(PdfDocument document)
    {
        _document = document;
        _register = XGraphics.FromForm(new XForm(document, new XSize(10, 10)));
        document.RenderEvents.RenderTextEvent += (_, e) => _rendered = e.CodePointGlyphIndexPairs;
    }

    /// <summary>
    /// The glyphs and the PDF font object of the font's typeface (any size); the first call for a typeface must come
    /// before PDFsharp draws anything in it.
    /// </summary>
    public Face For(XFont font)
    {
        var key = (font.FontFamily.Name, font.Style);
        if (!_faces.TryGetValue(key, out var face))
        {
            var known = Type0Fonts().ToHashSet();
            face = new Face(this, font);
            face.Register(" ");
            var added = Type0Fonts().Where(f => !known.Contains(f)).ToList();
            face.Font = added.Count == 1
                ? added[0]
                : throw new InvalidOperationException($"The PDF font of {font.FontFamily.Name} {font.Style} was not added by its first glyphs: ask for every font before any page uses it.");
            _faces[key] = face;
        }

        return face;
    }

    private IEnumerable<PdfFont> Type0Fonts() =>
        _document.Internals.GetAllObjects().OfType<PdfFont>().Where(f => f.Elements.GetName("/Subtype") == "/Type0");

    /// <summary>One typeface of the document: its characters' glyph numbers, each added to the embedded subset when first met.</summary>
    public sealed class Face(DocumentGlyphs owner, XFont xfont)
    {
        /// <summary>Latin and Cyrillic, most of any roster: glyph number + 1 by character, 0 while not yet met.</summary>
        private readonly int[] _common = new int[0x500];
        private readonly Dictionary<int, ushort> _glyphs = [];

        public PdfFont Font { get; internal set; } = null!;

        /// <summary>
        /// The text as a PDF literal string of its glyph numbers, two bytes each, big-endian as Identity-H reads them:
        /// half the bytes of hex (so less to compress); a byte that is a delimiter, a backslash or an end of line escaped.
        /// </summary>
        public void WriteLiteral(string text, IBufferWriter<byte> output)
        {
            var span = output.GetSpan((text.Length * 4) + 2);
            var n = 0;
            span[n++] = (byte)'(';
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

                n = Byte(span, n, (byte)(glyph >> 8));
                n = Byte(span, n, (byte)glyph);
            }

            span[n++] = (byte)')';
            output.Advance(n);
        }

        private static int Byte(Span<byte> span, int n, byte value)
        {
            switch (value)
            {
                case (byte)'(' or (byte)')' or (byte)'\\':
                    span[n++] = (byte)'\\';
                    span[n++] = value;
                    break;
                case (byte)'\r':
                    span[n++] = (byte)'\\';
                    span[n++] = (byte)'r';
                    break;
                case (byte)'\n':
                    span[n++] = (byte)'\\';
                    span[n++] = (byte)'n';
                    break;
                default:
                    span[n++] = value;
                    break;
            }

            return n;
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
    }
}

/// <summary>
/// One page as PDF operators, in one content stream, in the order they are given: fills, rules (black, of one width)
/// and text, the text in text objects with relative moves. Positions are in points from the top left, as XGraphics
/// takes them; a string is placed at its baseline, exactly where XGraphics.DrawString(text, font, brush, x, y) puts it,
/// rules and fills where XGraphics.DrawLine and DrawRectangle put them, with the numbers written as PDFsharp writes
/// them (at most four decimals). The pages of a document are written one at a time into one buffer they share: a page
/// set aside keeps only its bytes until it is taken up again, for its footer, and closed.
/// </summary>
public sealed class PageContent
{
    private readonly PdfPage _page;
    private readonly double _pageHeight;
    private readonly ArrayBufferWriter<byte> _content;
    private byte[]? _setAside;
    private DocumentGlyphs.Face? _face;
    private double _size;
    private (byte R, byte G, byte B) _fill = (0, 0, 0);
    private bool _inText;
    private long _x;
    private long _y;

    public PageContent(PdfPage page, double pageHeight, double ruleWidth, ArrayBufferWriter<byte> buffer)
    {
        _page = page;
        _pageHeight = pageHeight;
        _content = buffer;
        _content.Clear();
        Write("0 0 0 RG\n"u8);
        Number(Units(ruleWidth));
        Write(" w\n0 J\n0 j\n[] 0 d\n"u8);
    }

    public void Text(string text, DocumentGlyphs.Face face, double size, double x, double baseline)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (!_inText)
        {
            Fill((0, 0, 0));
            Write("BT\n"u8);
            _inText = true;
            _face = null;
            _x = 0;
            _y = 0;
        }

        if (!ReferenceEquals(face, _face) || size != _size)
        {
            Ascii(_page.Resources.AddFont(face.Font));
            Write(" "u8);
            Number(Units(size));
            Write(" Tf\n"u8);
            _face = face;
            _size = size;
        }

        // Relative moves in ten-thousandths of a point, summed exactly, so no rounding accumulates down the page.
        var x1 = Units(x);
        var y1 = Units(_pageHeight - baseline);
        Number(x1 - _x);
        Write(" "u8);
        Number(y1 - _y);
        Write(" Td\n"u8);
        face.WriteLiteral(text, _content);
        Write(" Tj\n"u8);
        _x = x1;
        _y = y1;
    }

    public void Line(double x1, double y1, double x2, double y2)
    {
        Graphics();
        Point(x1, y1);
        Write(" m\n"u8);
        Point(x2, y2);
        Write(" l\nS\n"u8);
    }

    /// <summary>A rectangle, filled in the colour if there is one, then framed if asked.</summary>
    public void Rectangle(double x, double y, double width, double height, (byte R, byte G, byte B)? fill, bool frame)
    {
        Graphics();
        if (fill is { } colour)
        {
            Fill(colour);
            Box(x, y, width, height);
            Write("f\n"u8);
        }

        if (frame)
        {
            Box(x, y, width, height);
            Write("S\n"u8);
        }
    }

    /// <summary>Keeps what was written so far and frees the shared buffer for the next page.</summary>
    public void SetAside()
    {
        Graphics();
        _setAside = _content.WrittenSpan.ToArray();
        _content.Clear();
    }

    /// <summary>Takes up a page set aside again, in the shared buffer, to write more on it.</summary>
    public void TakeUp()
    {
        _content.Clear();
        _content.Write(_setAside ?? throw new InvalidOperationException("The page was not set aside."));
        _setAside = null;
    }

    /// <summary>Adds the content to the page as its content stream.</summary>
    public void Close()
    {
        Graphics();
        _page.Contents.AppendContent().CreateStream(_content.WrittenSpan.ToArray());
        _content.Clear();
    }

    private static long Units(double points) => (long)Math.Round(points * 10000, MidpointRounding.AwayFromZero);

    private void Graphics()
    {
        if (_inText)
        {
            Write("ET\n"u8);
            _inText = false;
        }
    }

    private void Fill((byte R, byte G, byte B) colour)
    {
        if (colour == _fill)
        {
            return;
        }

        // As PDFsharp writes a colour: each component to three decimals.
        Component(colour.R);
        Component(colour.G);
        Component(colour.B);
        Write("rg\n"u8);
        _fill = colour;
    }

    private void Component(byte value)
    {
        Number((long)Math.Round(value / 255.0 * 1000, MidpointRounding.AwayFromZero) * 10);
        Write(" "u8);
    }

    private void Box(double x, double y, double width, double height)
    {
        Point(x, y + height);
        Write(" "u8);
        Number(Units(width));
        Write(" "u8);
        Number(Units(height));
        Write(" re\n"u8);
    }

    private void Point(double x, double y)
    {
        Number(Units(x));
        Write(" "u8);
        Number(Units(_pageHeight - y));
    }

    private void Write(ReadOnlySpan<byte> bytes) => _content.Write(bytes);

    private void Ascii(string ascii)
    {
        var span = _content.GetSpan(ascii.Length);
        _content.Advance(Encoding.ASCII.GetBytes(ascii, span));
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
