using MissionPortal.Core.Domain.Missions;

namespace MissionPortal.Web.Features.Participants;

/// <summary>
/// Turns the cells of a table into people, whatever the headings look like: in any order, Russian or English, with
/// their common variants (ФИО, Эл. почта, E-mail, Моб. телефон, Место работы, Роль в делегации…), a leading № column,
/// one ФИО column or three, a title above the heading row.
/// </summary>
public static class ImportHeadings
{
    public const string FullName = "FullName";
    public const string Role = "Role";
    private const string Skip = "Skip";

    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["№"] = Skip, ["n"] = Skip, ["no"] = Skip, ["nо"] = Skip, ["№пп"] = Skip, ["пп"] = Skip, ["номер"] = Skip, ["#"] = Skip,
        ["фио"] = FullName, ["фамилияимяотчество"] = FullName, ["фамилияиимяотчество"] = FullName, ["fullname"] = FullName, ["участник"] = FullName,
        ["фамилия"] = nameof(ImportRow.Surname), ["surname"] = nameof(ImportRow.Surname), ["lastname"] = nameof(ImportRow.Surname), ["familyname"] = nameof(ImportRow.Surname),
        ["имя"] = nameof(ImportRow.GivenName), ["givenname"] = nameof(ImportRow.GivenName), ["firstname"] = nameof(ImportRow.GivenName), ["name"] = nameof(ImportRow.GivenName),
        ["отчество"] = nameof(ImportRow.Patronymic), ["patronymic"] = nameof(ImportRow.Patronymic), ["middlename"] = nameof(ImportRow.Patronymic),
        ["должность"] = nameof(ImportRow.Position), ["position"] = nameof(ImportRow.Position), ["jobtitle"] = nameof(ImportRow.Position), ["title"] = nameof(ImportRow.Position),
        ["организация"] = nameof(ImportRow.Organization), ["наименованиеорганизации"] = nameof(ImportRow.Organization), ["местоработы"] = nameof(ImportRow.Organization),
        ["компания"] = nameof(ImportRow.Organization), ["предприятие"] = nameof(ImportRow.Organization), ["учреждение"] = nameof(ImportRow.Organization),
        ["organization"] = nameof(ImportRow.Organization), ["organisation"] = nameof(ImportRow.Organization), ["company"] = nameof(ImportRow.Organization), ["employer"] = nameof(ImportRow.Organization),
        ["email"] = nameof(ImportRow.Email), ["емейл"] = nameof(ImportRow.Email), ["эмейл"] = nameof(ImportRow.Email), ["электроннаяпочта"] = nameof(ImportRow.Email),
        ["элпочта"] = nameof(ImportRow.Email), ["почта"] = nameof(ImportRow.Email), ["mail"] = nameof(ImportRow.Email), ["адресэлектроннойпочты"] = nameof(ImportRow.Email),
        ["телефон"] = nameof(ImportRow.Phone), ["тел"] = nameof(ImportRow.Phone), ["мобтелефон"] = nameof(ImportRow.Phone), ["мобильныйтелефон"] = nameof(ImportRow.Phone),
        ["контактныйтелефон"] = nameof(ImportRow.Phone), ["телефонмобильный"] = nameof(ImportRow.Phone), ["phone"] = nameof(ImportRow.Phone), ["mobile"] = nameof(ImportRow.Phone),
        ["phonenumber"] = nameof(ImportRow.Phone),
        ["роль"] = Role, ["рольвделегации"] = Role, ["статусвделегации"] = Role, ["role"] = Role, ["roleindelegation"] = Role,
    };

    /// <summary>A heading as compared: lower case, «ё» as «е», no spaces, dots, dashes, slashes or underscores.</summary>
    public static string Normalize(string? heading) =>
        new string((heading ?? string.Empty).ToLowerInvariant().Replace('ё', 'е').Where(c => char.IsLetterOrDigit(c) || c is '№' or '#').ToArray());

    public static string? FieldOf(string? heading) => Known.TryGetValue(Normalize(heading), out var field) && field != Skip ? field : null;

    /// <summary>
    /// The people under the first row (of the first ten) that names at least two known columns; null when there is no
    /// such row. Line numbers are the file's (1-based).
    /// </summary>
    public static List<ImportRow>? ToRows(IReadOnlyList<string?[]> table)
    {
        var headingRow = -1;
        for (var r = 0; r < Math.Min(10, table.Count) && headingRow < 0; r++)
        {
            if (table[r].Count(h => FieldOf(h) is not null) >= 2)
            {
                headingRow = r;
            }
        }

        if (headingRow < 0)
        {
            return null;
        }

        var fields = table[headingRow].Select(FieldOf).ToArray();
        var rows = new List<ImportRow>();
        for (var r = headingRow + 1; r < table.Count; r++)
        {
            var row = new ImportRow { Line = r + 1 };
            for (var c = 0; c < Math.Min(fields.Length, table[r].Length); c++)
            {
                var value = table[r][c]?.Trim() is { Length: > 0 } text ? text : null;
                if (fields[c] is not { } field || value is null)
                {
                    continue;
                }

                switch (field)
                {
                    case FullName:
                        (row.Surname, row.GivenName, row.Patronymic) = SplitFullName(value);
                        break;
                    case Role:
                        row.Role = RoleOf(value);
                        break;
                    default:
                        typeof(ImportRow).GetProperty(field)!.SetValue(row, value);
                        break;
                }
            }

            if (new[] { row.Surname, row.GivenName, row.Patronymic, row.Position, row.Organization, row.Email, row.Phone }.All(string.IsNullOrEmpty))
            {
                continue;
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>«Иванов Иван Иванович» → surname, given name, patronymic; «Иванов Иван» has no patronymic; «Оглы» stays with it.</summary>
    public static (string? Surname, string? GivenName, string? Patronymic) SplitFullName(string fullName)
    {
        var words = fullName.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length switch
        {
            0 => (null, null, null),
            1 => (words[0], null, null),
            2 => (words[0], words[1], null),
            _ => (words[0], words[1], string.Join(' ', words[2..])),
        };
    }

    /// <summary>Глава / руководитель делегации → head; заместитель → deputy; anything else a member.</summary>
    public static DelegationRole RoleOf(string? text)
    {
        var t = (text ?? string.Empty).ToLowerInvariant();
        if (t.Contains("зам", StringComparison.Ordinal) || t.Contains("deputy", StringComparison.Ordinal))
        {
            return DelegationRole.DeputyHead;
        }

        return t.Contains("глава", StringComparison.Ordinal) || t.Contains("руководитель", StringComparison.Ordinal) || t.Contains("head", StringComparison.Ordinal)
            ? DelegationRole.Head
            : DelegationRole.Member;
    }
}
