using System.Globalization;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Web.Infrastructure.Localization;

namespace MissionPortal.UnitTests.Localization;

/// <summary>Russian typography as the portal writes it: quotes inside quotes, periods written once, numbers held to their units.</summary>
public class TypographyTests
{
    private const string Nbsp = "\u00A0";

    [Theory]
    [InlineData("О сотрудничестве", "«О сотрудничестве»")]
    [InlineData("ООО «Ромашка»", "«ООО „Ромашка“»")]
    [InlineData("ООО \"СтройРеанимация\"", "«ООО „СтройРеанимация“»")]
    [InlineData("«Уже в кавычках»", "«Уже в кавычках»")]
    [InlineData("«Один» и «другой»", "«„Один“ и „другой“»")]
    [InlineData("  пробелы  ", "«пробелы»")]
    public void A_name_is_quoted_once_with_its_own_quotes_inside(string name, string quoted) =>
        Assert.Equal(quoted, Quotes.Quote(name));

    [Theory]
    [InlineData("Соглашение «Соглашение «О сотрудничестве»» внесено", "Соглашение «Соглашение „О сотрудничестве“» внесено")]
    [InlineData("Компания «ООО «Ромашка»» и «АО «Вектор»»", "Компания «ООО „Ромашка“» и «АО „Вектор“»")]
    [InlineData("Без кавычек", "Без кавычек")]
    [InlineData("Непарная «кавычка", "Непарная «кавычка")]
    [InlineData("Лишняя» кавычка", "Лишняя» кавычка")]
    public void Quotes_inside_quotes_become_lapki_in_any_sentence(string text, string expected) =>
        Assert.Equal(expected, Quotes.Nest(text));

    [Theory]
    [InlineData("Соглашение о сотрудничестве", "«Соглашение о сотрудничестве»")]
    [InlineData("О сотрудничестве", "Соглашение «О сотрудничестве»")]
    [InlineData("О «зелёном» коридоре", "Соглашение «О „зелёном“ коридоре»")]
    public void The_kind_of_a_thing_is_not_repeated_before_its_name(string title, string expected) =>
        Assert.Equal(expected, Quotes.Titled("Соглашение", title));

    [Theory]
    [InlineData("2026-12-10", "2026-12-11", "10–11 декабря 2026 г.")]
    [InlineData("2026-11-30", "2026-12-02", "30 ноября – 2 декабря 2026 г.")]
    [InlineData("2026-12-31", "2027-01-02", "31 декабря 2026 г. – 2 января 2027 г.")]
    [InlineData("2026-12-10", "2026-12-10", "10 декабря 2026 г.")]
    [InlineData("2026-12-11", "2026-12-10", "10–11 декабря 2026 г.")]
    public void A_period_in_Russian_writes_what_both_dates_share_once(string start, string end, string expected)
    {
        using var _ = new CultureScope("ru-RU");
        var text = Formats.LongPeriod(DateOnly.Parse(start, CultureInfo.InvariantCulture), DateOnly.Parse(end, CultureInfo.InvariantCulture));
        Assert.Equal(expected, text.Replace(Nbsp, " ", StringComparison.Ordinal));
        Assert.DoesNotContain(" г.", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" –", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-12-10", "2026-12-11", "December 10–11, 2026")]
    [InlineData("2026-11-30", "2026-12-02", "November 30 – December 2, 2026")]
    [InlineData("2026-12-31", "2027-01-02", "December 31, 2026 – January 2, 2027")]
    public void A_period_in_English_follows_English_order(string start, string end, string expected)
    {
        using var _ = new CultureScope("en-US");
        var text = Formats.LongPeriod(DateOnly.Parse(start, CultureInfo.InvariantCulture), DateOnly.Parse(end, CultureInfo.InvariantCulture));
        Assert.Equal(expected, text.Replace(Nbsp, " ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_date_keeps_the_year_with_its_letter()
    {
        using var _ = new CultureScope("ru-RU");
        Assert.Equal("10 декабря 2026" + Nbsp + "г.", Formats.LongDate(new DateOnly(2026, 12, 10)));
    }

    [Theory]
    [InlineData(100000, "100" + Nbsp + "000")]
    [InlineData(1234567, "1" + Nbsp + "234" + Nbsp + "567")]
    [InlineData(999, "999")]
    public void Russian_thousands_are_grouped_by_non_breaking_spaces(long value, string expected)
    {
        using var _ = new CultureScope("ru-RU");
        Assert.Equal(expected, Formats.Number(value));
        Assert.Equal(expected + Nbsp + "МБ", Formats.WithUnit(value, "МБ"));
    }

    [Theory]
    [InlineData("Встреча 20 мин, перерыв 5 мин.", "Встреча 20\u00A0мин, перерыв 5\u00A0мин.")]
    [InlineData("до 5 МБ", "до 5\u00A0МБ")]
    [InlineData("10 декабря 2026 г.", "10 декабря 2026\u00A0г.")]
    [InlineData("модератор М. И. Петров", "модератор М.\u00A0И.\u00A0Петров")]
    [InlineData("Встреча {0} мин", "Встреча {0}\u00A0мин")]
    [InlineData("+7 391 222-33-44", "+7 391 222-33-44")]
    [InlineData("20 минут", "20 минут")]
    [InlineData("ИНН 2466000000", "ИНН 2466000000")]
    public void Numbers_keep_their_units_and_initials_their_surnames(string text, string expected) =>
        Assert.Equal(expected, Formats.Typeset(text));

    [Fact]
    public void Every_localized_string_is_typeset_on_its_way_out() =>
        Assert.Equal("Соглашение «Соглашение „О сотрудничестве“» внесено, 20\u00A0мин", TypesetLocalizer.Typeset("Соглашение «Соглашение «О сотрудничестве»» внесено, 20 мин"));

    [Fact]
    public void Pickers_sort_Yo_with_Ye_not_before_A()
    {
        string[] names = ["Ёлкин Пётр", "Абрамов Иван", "Ежов Олег", "Елисеев Глеб", "Яковлев Юрий"];
        // «Ёлкин» reads as «Елкин»: after «Елисеев» (и before к), far from the start of the list.
        Assert.Equal(["Абрамов Иван", "Ежов Олег", "Елисеев Глеб", "Ёлкин Пётр", "Яковлев Юрий"], names.Order(RussianCollation.Instance));
        // By code points Ё (U+0401) comes before А (U+0410): what an ordinal sort would show.
        Assert.Equal("Ёлкин Пётр", names.Order(StringComparer.Ordinal).First());
    }

    [Theory]
    [InlineData("Глава делегации", "глава делегации")]
    [InlineData("АО «ИСС»", "АО «ИСС»")]
    [InlineData("B2B-встречи", "B2B-встречи")]
    public void A_list_word_in_the_middle_of_a_sentence_starts_small(string word, string expected)
    {
        using var _ = new CultureScope("ru-RU");
        Assert.Equal(expected, Formats.MidSentence(word));
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;

        public CultureScope(string name)
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _ui;
        }
    }
}
