using System.Reflection;
using PdfSharp.Fonts;

namespace MissionPortal.Web.Infrastructure.Pdf;

/// <summary>
/// The portal's PDFs use Liberation Sans shipped inside this assembly (SIL OFL, see Fonts/OFL.txt):
/// full Cyrillic, Ё and ё included, on a server with no fonts installed. Every family name resolves to it.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "Liberation Sans";
    private const string Regular = "LiberationSans-Regular";
    private const string Bold = "LiberationSans-Bold";
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, byte[]> Faces = [];

    /// <summary>PDFsharp keeps one resolver for the process; this sets ours once, before the first font is used.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not PdfFonts)
            {
                GlobalFontSettings.FontResolver = new PdfFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: isItalic);

    public byte[]? GetFont(string faceName)
    {
        lock (Gate)
        {
            if (!Faces.TryGetValue(faceName, out var bytes))
            {
                using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"MissionPortal.Fonts.{faceName}.ttf")
                    ?? throw new InvalidOperationException($"The font {faceName} is not embedded in the web assembly.");
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                bytes = copy.ToArray();
                Faces[faceName] = bytes;
            }

            return bytes;
        }
    }
}
