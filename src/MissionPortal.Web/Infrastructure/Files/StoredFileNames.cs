using System.Text;

namespace MissionPortal.Web.Infrastructure.Files;

/// <summary>
/// The name a stored file is shown and served under: the uploader's name reduced to letters, digits, spaces, dots,
/// hyphens and underscores (no control characters, quotes or path parts), with the extension of the type the content
/// really has, so «report.html» that is a PNG is served as «report.png».
/// </summary>
public static class StoredFileNames
{
    public const int MaxLength = 120;

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
            clean.Append(char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' ? c : '_');
        }

        var name = clean.ToString().Trim(' ', '.', '_');
        if (name.Length == 0)
        {
            name = "file";
        }

        return (name.Length > MaxLength ? name[..MaxLength] : name) + extension;
    }
}
