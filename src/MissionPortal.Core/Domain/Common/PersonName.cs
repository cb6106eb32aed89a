using System.Globalization;

namespace MissionPortal.Core.Domain.Common;

/// <summary>Russian name conventions: «Фамилия Имя Отчество» and «Фамилия И. О.».</summary>
public static class PersonName
{
    public static string Full(string surname, string givenName, string? patronymic) =>
        string.IsNullOrWhiteSpace(patronymic)
            ? $"{surname} {givenName}"
            : $"{surname} {givenName} {patronymic}";

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
