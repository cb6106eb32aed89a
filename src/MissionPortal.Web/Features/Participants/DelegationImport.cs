using System.Net.Mail;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MissionPortal.Core.Domain.Organizations;

namespace MissionPortal.Web.Features.Participants;

/// <summary>One row of an imported delegation list, with what is wrong with it.</summary>
public sealed class ImportRow
{
    public int Line { get; set; }

    public string? Surname { get; set; }

    public string? GivenName { get; set; }

    public string? Patronymic { get; set; }

    public string? Position { get; set; }

    public string? Organization { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public List<string> Errors { get; set; } = [];
}

/// <summary>
/// Reads a delegation list from .xlsx or .csv with MiniExcel (columns Фамилия, Имя, Отчество, Должность,
/// Организация, E-mail, Телефон — Russian or English headers) and checks every row against the mission.
/// </summary>
public static class DelegationImport
{
    private static readonly Dictionary<string, string> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["фамилия"] = nameof(ImportRow.Surname),
        ["surname"] = nameof(ImportRow.Surname),
        ["lastname"] = nameof(ImportRow.Surname),
        ["имя"] = nameof(ImportRow.GivenName),
        ["givenname"] = nameof(ImportRow.GivenName),
        ["firstname"] = nameof(ImportRow.GivenName),
        ["name"] = nameof(ImportRow.GivenName),
        ["отчество"] = nameof(ImportRow.Patronymic),
        ["patronymic"] = nameof(ImportRow.Patronymic),
        ["middlename"] = nameof(ImportRow.Patronymic),
        ["должность"] = nameof(ImportRow.Position),
        ["position"] = nameof(ImportRow.Position),
        ["jobtitle"] = nameof(ImportRow.Position),
        ["организация"] = nameof(ImportRow.Organization),
        ["organization"] = nameof(ImportRow.Organization),
        ["organisation"] = nameof(ImportRow.Organization),
        ["company"] = nameof(ImportRow.Organization),
        ["email"] = nameof(ImportRow.Email),
        ["эл.почта"] = nameof(ImportRow.Email),
        ["электроннаяпочта"] = nameof(ImportRow.Email),
        ["телефон"] = nameof(ImportRow.Phone),
        ["phone"] = nameof(ImportRow.Phone),
    };

    public const int MaxRows = 2000;

    /// <summary>The rows of the file; null with a message when the file can't be read as a table.</summary>
    public static (List<ImportRow>? Rows, string? Error) Read(Stream content, string fileName, IStringLocalizer l)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var isXlsx = bytes is [0x50, 0x4B, 0x03, 0x04, ..];
        var isCsv = !isXlsx && fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !bytes.Take(4096).Contains((byte)0);
        if (!isXlsx && !isCsv)
        {
            return (null, l["Загрузите таблицу .xlsx или .csv."]);
        }

        if (isXlsx && !Infrastructure.Files.SpreadsheetGuard.IsWithinLimits(bytes))
        {
            return (null, l["Файл слишком велик после распаковки или повреждён: загрузите обычную таблицу .xlsx или .csv."]);
        }

        try
        {
            buffer.Position = 0;
            var rows = new List<ImportRow>();
            var line = 1;
            foreach (IDictionary<string, object?> record in buffer.Query(useHeaderRow: true, excelType: isXlsx ? ExcelType.XLSX : ExcelType.CSV))
            {
                line++;
                if (line - 1 > MaxRows)
                {
                    // Empty rows count too: two million of them cost as much to read as people.
                    return (null, l["В файле больше {0} строк.", MaxRows]);
                }

                var row = new ImportRow { Line = line };
                foreach (var (header, value) in record)
                {
                    if (value is string { Length: > Infrastructure.Files.SpreadsheetGuard.MaxCellLength })
                    {
                        return (null, l["В строке {0} значение длиннее {1} знаков.", line, Infrastructure.Files.SpreadsheetGuard.MaxCellLength]);
                    }

                    var key = header.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
                    if (Headers.TryGetValue(key, out var property))
                    {
                        typeof(ImportRow).GetProperty(property)!.SetValue(row, Clean(value));
                    }
                }

                if (new[] { row.Surname, row.GivenName, row.Patronymic, row.Position, row.Organization, row.Email, row.Phone }.All(string.IsNullOrEmpty))
                {
                    continue;
                }

                rows.Add(row);
                if (rows.Count > MaxRows)
                {
                    return (null, l["В файле больше {0} строк.", MaxRows]);
                }
            }

            return rows.Count == 0 ? (null, l["В файле нет ни одной строки с людьми под заголовками Фамилия, Имя, Отчество, Должность, Организация, E-mail, Телефон."]) : (rows, null);
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or IOException or FormatException or ArgumentException or System.Xml.XmlException)
        {
            return (null, l["Файл не читается как таблица .xlsx или .csv."]);
        }
    }

    /// <summary>Marks what is wrong with each row; organisations are matched by name in the registry.</summary>
    public static void Check(IReadOnlyList<ImportRow> rows, IReadOnlyDictionary<string, int> organizations, IReadOnlySet<string> peopleInMission, IStringLocalizer l)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            row.Errors.Clear();
            if (string.IsNullOrWhiteSpace(row.Surname))
            {
                row.Errors.Add(l["нет фамилии"]);
            }

            if (string.IsNullOrWhiteSpace(row.GivenName))
            {
                row.Errors.Add(l["нет имени"]);
            }

            if (string.IsNullOrWhiteSpace(row.Position))
            {
                row.Errors.Add(l["нет должности"]);
            }

            if ((row.Surname?.Length ?? 0) > 100 || (row.GivenName?.Length ?? 0) > 100 || (row.Patronymic?.Length ?? 0) > 100 || (row.Position?.Length ?? 0) > 400)
            {
                row.Errors.Add(l["слишком длинное значение"]);
            }

            if (!string.IsNullOrEmpty(row.Email) && !MailAddress.TryCreate(row.Email, out _))
            {
                row.Errors.Add(l["неверный e-mail"]);
            }

            if (!string.IsNullOrEmpty(row.Phone) && LegalIdentifiers.NormalizePhone(row.Phone) is null)
            {
                row.Errors.Add(l["неверный телефон"]);
            }

            if (!string.IsNullOrEmpty(row.Organization) && !organizations.ContainsKey(row.Organization))
            {
                row.Errors.Add(l["организации «{0}» нет в реестре", row.Organization]);
            }

            var key = PersonKey(row.Surname, row.GivenName, row.Patronymic);
            if (!seen.Add(key))
            {
                row.Errors.Add(l["повтор в файле"]);
            }
            else if (peopleInMission.Contains(key))
            {
                row.Errors.Add(l["уже есть в миссии"]);
            }
        }
    }

    public static string PersonKey(string? surname, string? givenName, string? patronymic) =>
        $"{surname?.Trim()}|{givenName?.Trim()}|{patronymic?.Trim()}".ToLowerInvariant().Replace('ё', 'е');

    private static string? Clean(object? value) => value?.ToString()?.Trim() is { Length: > 0 } text ? text : null;
}
