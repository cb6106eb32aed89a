using System.Text;

namespace MissionPortal.Web.Infrastructure.Files;

/// <summary>
/// The name a stored file is shown and served under: the uploader's name reduced to letters, digits, spaces and
/// harmless punctuation (no control characters, quotes, path or shell characters), with the extension of the type the
/// content really has, so «report.html» that is a PNG is served as «report.png».
/// </summary>
public static class StoredFileNames
{
    public const int MaxLength = 120;

    /// <summary>Punctuation that means something to a shell, a path or a header; the rest (dashes, commas, brackets, «») stays.</summary>
    private const string Unsafe = "\"'`<>:/\\|?*%&#;{}[]";

    public static string Safe(string uploaded, string contentType)
    {
        var extension = contentType switch
        {
            "image/png" => ".png",
            "image/jpeg" => ".jpg",
            "image/webp" => ".webp",
            "application/pdf" => ".pdf",
            _ => ".bin",
        };
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(uploaded.Replace('\\', '/')));
        var clean = new StringBuilder(stem.Length);
        foreach (var c in stem.Normalize(NormalizationForm.FormC))
        {
            clean.Append(char.IsLetterOrDigit(c) || c == ' ' || (char.IsPunctuation(c) && !Unsafe.Contains(c, StringComparison.Ordinal)) ? c : '_');
        }

        var name = clean.ToString().Trim(' ', '.', '_');
        if (name.Length == 0)
        {
            name = "file";
        }

        return (name.Length > MaxLength ? name[..MaxLength] : name) + extension;
    }
}
