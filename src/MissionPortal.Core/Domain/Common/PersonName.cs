using System.Globalization;

namespace MissionPortal.Core.Domain.Common;

/// <summary>Russian name conventions: «Фамилия Имя Отчество» and «Фамилия И. О.».</summary>
public static class PersonName
{
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
        return father.Length == 0 ? $"{surname} {given}" : $"{surname} {given} {father}";
    }

    /// <summary>«А. Н. Говорунов» — initials first, as in official correspondence.</summary>
    public static string InitialsFirst(string surname, string givenName, string? patronymic)
    {
        var given = Initial(givenName);
        var father = Initial(patronymic);
        return father.Length == 0 ? $"{given} {surname}" : $"{given} {father} {surname}";
    }

    private static string Initial(string? name) =>
        string.IsNullOrWhiteSpace(name)
            ? string.Empty
            : char.ToUpper(name.Trim()[0], CultureInfo.GetCultureInfo("ru-RU")) + ".";
}
