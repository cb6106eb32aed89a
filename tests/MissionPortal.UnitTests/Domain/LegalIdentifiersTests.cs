using MissionPortal.Core.Domain.Organizations;

namespace MissionPortal.UnitTests.Domain;

public class LegalIdentifiersTests
{
    [Theory]
    [InlineData("7707083893")] // ПАО Сбербанк
    [InlineData("2460069527")] // Красноярск
    [InlineData("4025158438")] // a demo Kaluga company
    [InlineData("500100732259")] // an individual entrepreneur
    public void Valid_INNs_pass(string inn) => Assert.True(LegalIdentifiers.IsValidInn(inn));

    [Theory]
    [InlineData("7707083894")] // last digit wrong
    [InlineData("500100732258")] // twelfth digit wrong
    [InlineData("500100732249")] // eleventh digit wrong
    [InlineData("770708389")] // nine digits
    [InlineData("77070838931")] // eleven digits
    [InlineData("77070838a3")]
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_INNs_fail(string? inn) => Assert.False(LegalIdentifiers.IsValidInn(inn));

    [Theory]
    [InlineData("1027700132195", true)] // ПАО Сбербанк
    [InlineData("1154025043127", true)]
    [InlineData("1027700132196", false)]
    [InlineData("102770013219", false)]
    public void OGRN_check_digit(string ogrn, bool valid) => Assert.Equal(valid, LegalIdentifiers.IsValidOgrn(ogrn));

    [Theory]
    [InlineData("304500116000157", true)]
    [InlineData("304500116000158", false)]
    [InlineData("1027700132195", false)]
    public void OGRNIP_check_digit(string ogrnip, bool valid) => Assert.Equal(valid, LegalIdentifiers.IsValidOgrnip(ogrnip));

    [Theory]
    [InlineData("8 (391) 222-33-44", "+73912223344")]
    [InlineData("+7 913 123-45-67", "+79131234567")]
    [InlineData("79131234567", "+79131234567")]
    [InlineData("9131234567", "+79131234567")]
    [InlineData("+1 202 555 0100", null)]
    [InlineData("12345", null)]
    [InlineData("8 391 звоните", null)]
    [InlineData("", null)]
    public void Phones_are_normalised_to_plus_seven(string phone, string? expected) =>
        Assert.Equal(expected, LegalIdentifiers.NormalizePhone(phone));

    [Theory]
    [InlineData("+73912651408", "+7 391 265-14-08")]
    [InlineData("+79131112233", "+7 913 111-22-33")]
    [InlineData("+74842556677", "+7 4842 55-66-77")]
    [InlineData("+73822511101", "+7 3822 51-11-01")]
    [InlineData("8 (3822) 51-11-01", "+7 3822 51-11-01")]
    [InlineData("+7 3843 74-12-00", "+7 3843 74-12-00")]
    [InlineData("8-38241-2-34-56", "+7 38241 2-34-56")]
    [InlineData("+7 (81370) 9-12-34", "+7 81370 9-12-34")]
    [InlineData("+7 495 123-45-67", "+7 495 123-45-67")]
    [InlineData("8 800 200-00-00", "+7 800 200-00-00")]
    [InlineData("8 (391) 222-33-44", "+7 391 222-33-44")]
    [InlineData("+44 20 7946 0958", "+44 20 7946 0958")]
    [InlineData("  доб. 123 ", "доб. 123")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Phones_are_shown_with_a_three_four_or_five_digit_area_code(string? stored, string? shown) =>
        Assert.Equal(shown, LegalIdentifiers.FormatPhone(stored));
}
