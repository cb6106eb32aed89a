using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Infrastructure.Database;
using SkiaSharp;

namespace MissionPortal.Web.Infrastructure.Files;

/// <summary>
/// Uploaded files: the type is read from the content (PNG, JPEG, WebP images up to 5 MB; PDF up to 20 MB),
/// images must decode, a thumbnail is made for each, and everything is written outside wwwroot under
/// a generated name in the data folder.
/// </summary>
public sealed class FileStore(IOptions<StorageOptions> storage, IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    public const long MaxImageBytes = 5 * 1024 * 1024;
    public const long MaxPdfBytes = 20 * 1024 * 1024;
    public const int ThumbnailSize = 320;

    private string Folder => Path.Combine(storage.Value.DataPath, "files");

    /// <summary>Checks and stores one upload; returns the file's record, or the message to show the user.</summary>
    public Task<(StoredFile? File, string? Error)> SaveAsync(IFormFile upload, StoredFileKind kind, int organizationId, int? productId, CancellationToken ct) =>
        SaveAsync(upload, kind, organizationId, productId, null, ct);

    /// <summary>Checks and stores an agreement's document (PDF only); it belongs to the registry, not to a company.</summary>
    public Task<(StoredFile? File, string? Error)> SaveAgreementDocumentAsync(IFormFile upload, int agreementId, CancellationToken ct) =>
        SaveAsync(upload, StoredFileKind.AgreementDocument, null, null, agreementId, ct);

    private async Task<(StoredFile? File, string? Error)> SaveAsync(IFormFile upload, StoredFileKind kind, int? organizationId, int? productId, int? agreementId, CancellationToken ct)
    {
        var wantsImage = kind is StoredFileKind.ProductImage or StoredFileKind.Logo;
        var limit = wantsImage ? MaxImageBytes : MaxPdfBytes;
        var name = Path.GetFileName(upload.FileName);
        if (upload.Length == 0)
        {
            return (null, l["Файл «{0}» пустой.", name]);
        }

        if (upload.Length > limit)
        {
            return (null, l["Файл «{0}» больше {1} МБ.", name, limit / 1024 / 1024]);
        }

        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var type = Sniff(bytes);
        if (wantsImage && type is not ("image/png" or "image/jpeg" or "image/webp"))
        {
            return (null, l["Файл «{0}» — не изображение PNG, JPEG или WebP.", name]);
        }

        if (!wantsImage && type != "application/pdf")
        {
            return (null, l["Файл «{0}» — не PDF.", name]);
        }

        byte[]? thumbnail = null;
        if (wantsImage)
        {
            thumbnail = Thumbnail(bytes);
            if (thumbnail is null)
            {
                return (null, l["Изображение «{0}» повреждено или не читается.", name]);
            }
        }

        var file = new StoredFile(Guid.NewGuid(), organizationId, productId, kind, type!, name.Length > 260 ? name[^260..] : name, bytes.Length, thumbnail is not null, clock.GetUtcNow().UtcDateTime, agreementId);
        Directory.CreateDirectory(Folder);
        await File.WriteAllBytesAsync(Path.Combine(Folder, file.StoredName), bytes, ct);
        if (thumbnail is not null)
        {
            await File.WriteAllBytesAsync(Path.Combine(Folder, file.ThumbnailName), thumbnail, ct);
        }

        return (file, null);
    }

    public Stream? Open(StoredFile file, bool thumbnail)
    {
        var path = Path.Combine(Folder, thumbnail && file.HasThumbnail ? file.ThumbnailName : file.StoredName);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    public void Delete(StoredFile file)
    {
        File.Delete(Path.Combine(Folder, file.StoredName));
        File.Delete(Path.Combine(Folder, file.ThumbnailName));
    }

    /// <summary>The type by the file's first bytes; null when it is none of the accepted ones.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', ..] => "application/pdf",
        _ => null,
    };

    private static byte[]? Thumbnail(byte[] image)
    {
        using var bitmap = SKBitmap.Decode(image);
        if (bitmap is null || bitmap.Width == 0 || bitmap.Height == 0)
        {
            return null;
        }

        var scale = Math.Min(1.0, (double)ThumbnailSize / Math.Max(bitmap.Width, bitmap.Height));
        var info = new SKImageInfo(Math.Max(1, (int)(bitmap.Width * scale)), Math.Max(1, (int)(bitmap.Height * scale)));
        using var resized = bitmap.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var encoded = (resized ?? bitmap).Encode(SKEncodedImageFormat.Jpeg, 82);
        return encoded?.ToArray();
    }
}
