using System.IO.Compression;

namespace MissionPortal.Web.Infrastructure.Files;

/// <summary>
/// An .xlsx is a zip: a 300 KB file can unpack to gigabytes. Before the spreadsheet reader sees it, every entry is
/// measured — the sizes its header declares, its compression ratio, and then the bytes it really unpacks to, counted
/// as they stream by and never held — so a file over the caps is refused before anything is parsed. The reader's
/// rows (empty ones too) are capped by the import, its cells by <see cref="MaxCellLength"/>.
/// </summary>
public static class SpreadsheetGuard
{
    public const int MaxEntries = 200;

    /// <summary>The largest part of the workbook once unpacked (a sheet of 2,000 people is well under 1 MB).</summary>
    public const long MaxEntryBytes = 16 * 1024 * 1024;

    public const long MaxTotalBytes = 32 * 1024 * 1024;

    /// <summary>Unpacked size over packed size above which a part (larger than 1 MB unpacked) is a zip bomb.</summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>The most characters a cell may hold.</summary>
    public const int MaxCellLength = 1000;

    /// <summary>Whether the zip's parts stay within the caps; false for a damaged zip too.</summary>
    public static bool IsWithinLimits(byte[] xlsx)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(xlsx, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
            {
                return false;
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > MaxEntryBytes
                    || (entry.Length > 1024 * 1024 && entry.Length > entry.CompressedLength * MaxCompressionRatio))
                {
                    return false;
                }

                // The header may lie: count what the entry really unpacks to, up to the cap.
                var unpacked = Unpacked(entry);
                total += unpacked;
                if (unpacked > MaxEntryBytes || unpacked > entry.Length || total > MaxTotalBytes)
                {
                    return false;
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            return false;
        }
    }

    private static long Unpacked(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var buffer = new byte[81920];
        long count = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            count += read;
            if (count > MaxEntryBytes)
            {
                break;
            }
        }

        return count;
    }
}
