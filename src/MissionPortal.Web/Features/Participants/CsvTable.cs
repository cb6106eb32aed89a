using System.Text;

namespace MissionPortal.Web.Features.Participants;

/// <summary>
/// A CSV file as Russian Excel and LibreOffice write it: UTF-8 with or without a BOM, or Windows-1251 (Excel's
/// «CSV (разделители — запятые)» on a Russian Windows); semicolons (Excel's default in Russia), commas or tabs,
/// found from the lines themselves; quoted cells with doubled quotes and line breaks inside.
/// </summary>
public static class CsvTable
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static CsvTable() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The text of the file: a BOM decides; else valid UTF-8 is UTF-8 and anything else is Windows-1251.</summary>
    public static string Decode(byte[] bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }

        if (bytes is [0xFF, 0xFE, ..])
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1251).GetString(bytes);
        }
    }

    /// <summary>The cells of every line; blank lines are kept as empty rows so line numbers stay those of the file.</summary>
    public static List<string[]> Read(byte[] bytes)
    {
        var text = Decode(bytes);
        var separator = Separator(text);
        var rows = new List<string[]>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                cells.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. cells]);
                cells.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            rows.Add([.. cells]);
        }

        return rows;
    }

    /// <summary>The separator most used outside quotes in the first lines: semicolon, comma or tab.</summary>
    private static char Separator(string text)
    {
        int semicolons = 0, commas = 0, tabs = 0, lines = 0;
        var quoted = false;
        for (var i = 0; i < text.Length && lines < 20; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                semicolons += c == ';' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
                lines += c == '\n' ? 1 : 0;
            }
        }

        return semicolons >= commas && semicolons >= tabs && semicolons > 0 ? ';' : tabs > commas ? '\t' : ',';
    }
}
