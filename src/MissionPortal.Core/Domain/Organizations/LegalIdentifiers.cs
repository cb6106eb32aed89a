namespace MissionPortal.Core.Domain.Organizations;

/// <summary>
/// Russian registration numbers with their check digits: ИНН (10 digits for an organisation, 12 for an
/// individual entrepreneur), ОГРН (13) and ОГРНИП (15); and phone numbers in the +7 format.
/// </summary>
public static class LegalIdentifiers
{
    private static readonly int[] Inn10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Inn11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Inn12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

    public static bool IsValidInn(string? inn)
    {
        if (inn is null || !inn.All(char.IsAsciiDigit))
        {
            return false;
        }

        return inn.Length switch
        {
            10 => Check(inn, Inn10) == inn[9] - '0',
            12 => Check(inn, Inn11) == inn[10] - '0' && Check(inn, Inn12) == inn[11] - '0',
            _ => false,
        };
    }

    /// <summary>Completes the first nine digits of an organisation's ИНН with its check digit.</summary>
    public static string CompleteInn(string firstNine) => firstNine + Check(firstNine, Inn10).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Completes the first twelve digits of an ОГРН with its check digit.</summary>
    public static string CompleteOgrn(string firstTwelve) =>
        firstTwelve + (long.Parse(firstTwelve, System.Globalization.CultureInfo.InvariantCulture) % 11 % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>ОГРН: 13 digits, the last is (the first twelve mod 11) mod 10.</summary>
    public static bool IsValidOgrn(string? ogrn) => IsValidRegistrationNumber(ogrn, 13, 11);

    /// <summary>ОГРНИП: 15 digits, the last is (the first fourteen mod 13) mod 10.</summary>
    public static bool IsValidOgrnip(string? ogrnip) => IsValidRegistrationNumber(ogrnip, 15, 13);

    /// <summary>A phone as +7 and ten digits, from the ways people write it (8 (391) 222-33-44, +7 913 ..., 9131234567); null when it isn't one.</summary>
    public static string? NormalizePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone) || phone.Any(c => !(char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.' or '\u2013' or '\u2012' or '\u00A0' or '/')))
        {
            return null;
        }

        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.Length switch
        {
            11 when digits[0] is '7' or '8' => "+7" + digits[1..],
            10 when !phone.TrimStart().StartsWith('+') => "+7" + digits,
            _ => null,
        };
    }

    /// <summary>
    /// A stored phone as people read it. Mobile (9xx), toll-free (800) and the big cities whose numbers have seven
    /// digits keep a three-digit code: «+7 391 265-14-08», «+7 913 123-45-67». A regional centre has a four-digit code
    /// and six digits («+7 3822 51-11-01», Томск), a district town a five-digit code and five digits
    /// («+7 38241 2-34-56», Асино). The stored value stays «+73822511101»; anything that isn't +7 and ten digits is
    /// shown as it was stored, and null or blank as null.
    /// </summary>
    public static string? FormatPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var normalized = NormalizePhone(phone);
        if (normalized is null)
        {
            return phone.Trim();
        }

        var d = normalized.AsSpan(2);
        return AreaCodeLength(normalized[2..]) switch
        {
            5 => $"+7 {d[..5]} {d[5..6]}-{d[6..8]}-{d[8..10]}",
            4 => $"+7 {d[..4]} {d[4..6]}-{d[6..8]}-{d[8..10]}",
            _ => $"+7 {d[..3]} {d[3..6]}-{d[6..8]}-{d[8..10]}",
        };
    }

    /// <summary>
    /// Codes of three digits whose local numbers have seven: Moscow and its region, Saint Petersburg and the
    /// millionaire cities; every other geographic code is a regional centre's four digits or a district's five.
    /// </summary>
    private static readonly HashSet<string> SevenDigitCities =
    [
        "495", "499", "496", "498", "812", "343", "383", "391", "351", "342", "846", "843", "831", "863", "861", "862",
        "347", "473", "423", "800",
    ];

    /// <summary>Four-digit codes of big towns that are not their region's centre (Новокузнецк, Сургут, Нижневартовск, Тольятти, ...).</summary>
    private static readonly HashSet<string> FourDigitTowns =
    [
        "3843", "3462", "3466", "3463", "3467", "3494", "3496", "3519", "3513", "3435", "3439", "3473", "3476", "8482", "8202",
        "8552", "8553", "8555", "4725", "3919", "3955", "3953", "4217", "4236", "8793", "8672", "8662", "8722", "8712", "8732",
        "8734", "8762", "8772", "8782", "8792", "8794", "8652",
    ];

    /// <summary>3, 4 or 5: how many of the ten digits after +7 are the area code.</summary>
    public static int AreaCodeLength(string tenDigits)
    {
        if (tenDigits.Length != 10 || tenDigits[0] is '9' or '7' or '6' || SevenDigitCities.Contains(tenDigits[..3]))
        {
            return 3;
        }

        return tenDigits[3] == '2' || FourDigitTowns.Contains(tenDigits[..4]) ? 4 : 5;
    }

    private static int Check(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }

        return sum % 11 % 10;
    }

    private static bool IsValidRegistrationNumber(string? number, int length, int modulus)
    {
        if (number is null || number.Length != length || !number.All(char.IsAsciiDigit))
        {
            return false;
        }

        var body = long.Parse(number[..^1], System.Globalization.CultureInfo.InvariantCulture);
        return body % modulus % 10 == number[^1] - '0';
    }
}
