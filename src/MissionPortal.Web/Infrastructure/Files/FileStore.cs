using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.Web.Infrastructure.Files;

/// <summary>
/// Uploaded files: the type is read from the content (PNG, JPEG, WebP images up to 5 MB; PDF up to 20 MB),
/// images must decode, a thumbnail is made for each, and everything is written outside wwwroot under
/// a generated name in the data folder.
/// </summary>
public sealed class FileStore(IOptions<StorageOptions> storage, IStringLocalizer<SharedResource> l, TimeProvider clock, PortalDbContext db)
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
        if (organizationId is { } owner
            && await db.Organizations.Where(o => o.Id == owner).Select(o => o.Status).SingleOrDefaultAsync(ct) != OrganizationStatus.Approved)
        {
            // A company that has just signed up can't make the server store and decode files before anyone checked it.
            return (null, l["Файлы можно загружать после того, как агентство подтвердит компанию."]);
        }

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
            var (check, made) = await ImageProbe.ThumbnailAsync(bytes, ThumbnailSize, ct);
            if (check == ImageCheck.TooLarge)
            {
                return (null, l["Изображение «{0}» слишком большое: не больше {1} пикселей по стороне и {2} мегапикселей.", name, ImageProbe.MaxSide, ImageProbe.MaxPixels / 1_000_000]);
            }

            thumbnail = made;
            if (thumbnail is null)
            {
                return (null, l["Изображение «{0}» повреждено или не читается.", name]);
            }
        }

        name = StoredFileNames.Safe(name, type!);
        var file = new StoredFile(Guid.NewGuid(), organizationId, productId, kind, type!, name, bytes.Length, thumbnail is not null, clock.GetUtcNow().UtcDateTime, agreementId);
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
}
