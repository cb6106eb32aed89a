using System.Globalization;

namespace MissionPortal.Core.Domain.Common;

/// <summary>
/// Russian name conventions, the one way the portal writes a person: «Фамилия И. О.» in lists, logs and change
/// lists (<see cref="Short"/>), «Фамилия Имя Отчество» under the heading «Фамилия, имя, отчество» and on the person's
/// own page (<see cref="Full"/>), «Анна Сергеевна» to address the person in a letter (<see cref="Address"/>).
/// Initials are held to each other and to the surname by non-breaking spaces, so «Гончаренко И. П.» never wraps apart.
/// A name is never declined: a sentence is built so that the name stands in the nominative («Запрос отклонён:
/// Гончаренко И. П.»), and a status about a person is a neuter phrase about the participation («Подтверждено»).
/// </summary>
public static class PersonName
{
    /// <summary>The non-breaking space between initials and the surname.</summary>
    public const char Nbsp = '\u00A0';

    public static string Full(string surname, string givenName, string? patronymic) =>
        string.IsNullOrWhiteSpace(patronymic)
            ? $"{surname} {givenName}"
            : $"{surname} {givenName} {patronymic}";

    /// <summary>A name as compared: lower case, «ё» as «е», single spaces.</summary>
    public static string Key(string surname, string givenName, string? patronymic) => Key(Full(surname, givenName, patronymic));

    /// <summary>A name typed in one field («Соколова Вера Петровна») as compared.</summary>
    public static string Key(string fullName) =>
        string.Join(' ', fullName.ToLowerInvariant().Replace('ё', 'е').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string Short(string surname, string givenName, string? patronymic)
    {
        var given = Initial(givenName);
        var father = Initial(patronymic);
        return father.Length == 0 ? $"{surname}{Nbsp}{given}" : $"{surname}{Nbsp}{given}{Nbsp}{father}";
    }

    /// <summary>«Анна Сергеевна» (a greeting: «Здравствуйте, Анна Сергеевна!»); the given name alone without a patronymic.</summary>
    public static string Address(string givenName, string? patronymic) =>
        string.IsNullOrWhiteSpace(patronymic) ? givenName.Trim() : $"{givenName.Trim()} {patronymic.Trim()}";

    /// <summary>«А. Н. Говорунов» — initials first, as in official correspondence.</summary>
    public static string InitialsFirst(string surname, string givenName, string? patronymic)
    {
        var given = Initial(givenName);
        var father = Initial(patronymic);
        return father.Length == 0 ? $"{given}{Nbsp}{surname}" : $"{given}{Nbsp}{father}{Nbsp}{surname}";
    }

    private static string Initial(string? name) =>
        string.IsNullOrWhiteSpace(name)
            ? string.Empty
            : char.ToUpper(name.Trim()[0], CultureInfo.GetCultureInfo("ru-RU")) + ".";
}
