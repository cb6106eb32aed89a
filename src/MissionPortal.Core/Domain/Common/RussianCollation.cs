using System.Globalization;

namespace MissionPortal.Core.Domain.Common;

/// <summary>
/// Russian alphabetical order as a dictionary or a protocol department uses it: letters by the ru-RU
/// collation, case ignored, Ё sorted as Е («Ёлкин» between «Ежов» and «Елисеев»). Words equal in
/// letters fall back to the collation with Ё kept (Е before Ё), then to ordinal, so the order is total.
/// </summary>
public sealed class RussianCollation : IComparer<string?>
{
    public static readonly RussianCollation Instance = new();

    private static readonly CompareInfo Russian = CultureInfo.GetCultureInfo("ru-RU").CompareInfo;

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var byLetters = Russian.Compare(Fold(x), Fold(y), CompareOptions.IgnoreCase);
        if (byLetters != 0)
        {
            return byLetters;
        }

        var withYo = Russian.Compare(x, y, CompareOptions.None);
        return withYo != 0 ? withYo : string.CompareOrdinal(x, y);
    }

    /// <summary>Ё and ё read as Е and е.</summary>
    public static string Fold(string text) => text.Replace('Ё', 'Е').Replace('ё', 'е');
}
