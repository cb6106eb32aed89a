using SkiaSharp;

namespace MissionPortal.Web.Infrastructure.Files;

/// <summary>What an uploaded image turned out to be before and after its decoding.</summary>
public enum ImageCheck
{
    Ok,
    Unreadable,
    TooLarge,
}

/// <summary>
/// Images are measured before they are decoded: the codec reads the width and height from the file's header, and a
/// file whose sides or pixels are over the caps is refused without decoding (a 1 MB PNG can hold 16000×16000 pixels,
/// a gigabyte once decoded). The thumbnail is decoded at reduced size where the format allows it (JPEG and WebP decode
/// straight to 1/2…1/8 of their size), and what is decoded at once never exceeds <see cref="MaxDecodedPixels"/>.
/// At most one decode per processor runs at a time; the others wait their turn.
/// </summary>
public static class ImageProbe
{
    /// <summary>The longest side accepted, in pixels.</summary>
    public const int MaxSide = 12_000;

    /// <summary>The most pixels an accepted image has (50 megapixels: any phone's photo).</summary>
    public const long MaxPixels = 50_000_000;

    /// <summary>The most pixels decoded at once (16 megapixels, 64 MB): a PNG, which can't be decoded at reduced size, is capped by this.</summary>
    public const long MaxDecodedPixels = 16_000_000;

    private static readonly SemaphoreSlim Decodes = new(Math.Max(1, Environment.ProcessorCount));

    /// <summary>The image's size from its header, without decoding it; null when no codec reads it.</summary>
    public static (int Width, int Height)? Dimensions(byte[] image)
    {
        using var stream = new SKMemoryStream(image);
        using var codec = SKCodec.Create(stream);
        return codec is null ? null : (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>Whether the header's size is within the caps, before anything is decoded.</summary>
    public static ImageCheck Measure(byte[] image)
    {
        if (Dimensions(image) is not var (width, height) || width <= 0 || height <= 0)
        {
            return ImageCheck.Unreadable;
        }

        return width > MaxSide || height > MaxSide || (long)width * height > MaxPixels ? ImageCheck.TooLarge : ImageCheck.Ok;
    }

    /// <summary>A JPEG thumbnail whose longer side is at most <paramref name="size"/>; decoded at reduced size, one decode per processor at a time.</summary>
    public static async Task<(ImageCheck Check, byte[]? Thumbnail)> ThumbnailAsync(byte[] image, int size, CancellationToken ct)
    {
        var measured = Measure(image);
        if (measured != ImageCheck.Ok)
        {
            return (measured, null);
        }

        await Decodes.WaitAsync(ct);
        try
        {
            return Thumbnail(image, size);
        }
        finally
        {
            Decodes.Release();
        }
    }

    private static (ImageCheck, byte[]?) Thumbnail(byte[] image, int size)
    {
        using var stream = new SKMemoryStream(image);
        using var codec = SKCodec.Create(stream);
        if (codec is null)
        {
            return (ImageCheck.Unreadable, null);
        }

        var full = codec.Info;
        var scale = Math.Min(1f, (float)size / Math.Max(full.Width, full.Height));
        var decoded = codec.GetScaledDimensions(scale);
        if (decoded.Width <= 0 || decoded.Height <= 0)
        {
            return (ImageCheck.Unreadable, null);
        }

        if ((long)decoded.Width * decoded.Height > MaxDecodedPixels)
        {
            return (ImageCheck.TooLarge, null);
        }

        var info = new SKImageInfo(decoded.Width, decoded.Height, SKImageInfo.PlatformColorType, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return (ImageCheck.Unreadable, null);
        }

        var thumbScale = Math.Min(1.0, (double)size / Math.Max(bitmap.Width, bitmap.Height));
        var target = new SKImageInfo(Math.Max(1, (int)(bitmap.Width * thumbScale)), Math.Max(1, (int)(bitmap.Height * thumbScale)));
        using var resized = target.Width == bitmap.Width && target.Height == bitmap.Height
            ? null
            : bitmap.Resize(target, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var encoded = (resized ?? bitmap).Encode(SKEncodedImageFormat.Jpeg, 82);
        return encoded is null ? (ImageCheck.Unreadable, null) : (ImageCheck.Ok, encoded.ToArray());
    }
}
