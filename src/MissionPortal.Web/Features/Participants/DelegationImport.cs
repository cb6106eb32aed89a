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

    /// <summary>Глава делегации, заместитель or a member, from the «Роль в делегации» column.</summary>
    public Core.Domain.Missions.DelegationRole Role { get; set; } = Core.Domain.Missions.DelegationRole.Member;

    /// <summary>Left out of the import by the agency in the preview: not checked, not saved.</summary>
    public bool Excluded { get; set; }

    public List<string> Errors { get; set; } = [];
}

/// <summary>
/// Reads a delegation list from .xlsx (MiniExcel) or .csv (<see cref="CsvTable"/>), finds its columns by their headings
/// (<see cref="ImportHeadings"/>) and checks every row against the mission.
/// </summary>
public static class DelegationImport
{
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
            // Headings are found by ImportHeadings (variants, a № column, one ФИО column or three, a title above them).
            // Every row read counts, empty ones too: two million empty rows cost as much to read as people. A title
            // of a few rows above the headings is allowed on top of the limit.
            IEnumerable<string?[]> source = isXlsx
                ? buffer.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(Clean).ToArray())
                : CsvTable.Read(bytes).Select(r => r.Select(c => (string?)c).ToArray());
            var table = new List<string?[]>();
            foreach (var cells in source)
            {
                if (table.Count == MaxRows + 20)
                {
                    return (null, l["В файле больше {0} строк.", MaxRows]);
                }

                if (cells.Any(c => c is { Length: > Infrastructure.Files.SpreadsheetGuard.MaxCellLength }))
                {
                    return (null, l["В строке {0} значение длиннее {1} знаков.", table.Count + 1, Infrastructure.Files.SpreadsheetGuard.MaxCellLength]);
                }

                table.Add(cells);
            }

            var rows = ImportHeadings.ToRows(table);
            if (rows is null || rows.Count == 0)
            {
                return (null, l["В файле нет ни одной строки с людьми под заголовками Фамилия, Имя, Отчество (или ФИО), Должность, Организация, E-mail, Телефон."]);
            }

            return rows.Count > MaxRows ? (null, l["В файле больше {0} строк.", MaxRows]) : (rows, null);
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or IOException or FormatException or ArgumentException or System.Xml.XmlException)
        {
            return (null, l["Файл не читается как таблица .xlsx или .csv."]);
        }
    }

    /// <summary>Marks what is wrong with each row; organisations by their name keys (<see cref="OrganizationNames"/>) among those known or decided.</summary>
    public static void Check(IReadOnlyList<ImportRow> rows, IReadOnlySet<string> knownOrganizations, IReadOnlySet<string> peopleInMission, IStringLocalizer l)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            row.Errors.Clear();
            if (row.Excluded)
            {
                continue;
            }

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
                row.Errors.Add(l["введите e-mail в формате name@example.ru"]);
            }

            if (!string.IsNullOrEmpty(row.Phone) && LegalIdentifiers.NormalizePhone(row.Phone) is null)
            {
                row.Errors.Add(l["введите телефон в формате +7 391 222-33-44"]);
            }

            if (!string.IsNullOrWhiteSpace(row.Organization) && !knownOrganizations.Contains(OrganizationNames.Key(row.Organization)))
            {
                row.Errors.Add(l["организации «{0}» нет в реестре: решите ниже, создать её или выбрать из реестра", row.Organization.Trim()]);
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
