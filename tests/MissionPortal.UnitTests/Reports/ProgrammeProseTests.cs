using MissionPortal.Core.Domain.Programme;
using MissionPortal.Web.Features.Reports;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.UnitTests.Reports;

public class ProgrammeProseTests
{
    private static readonly DateOnly Day = new(2026, 11, 17);

    private static ProseItem Item(int hour, ProgrammeItemKind kind, string title, string? topic = null) => new(Day, new TimeOnly(hour, 0), kind, title, topic);

    [Theory]
    [InlineData(1, "компания")]
    [InlineData(2, "компании")]
    [InlineData(4, "компании")]
    [InlineData(5, "компаний")]
    [InlineData(11, "компаний")]
    [InlineData(12, "компаний")]
    [InlineData(21, "компания")]
    [InlineData(22, "компании")]
    [InlineData(111, "компаний")]
    public void Nouns_after_numbers_take_the_russian_form(int n, string expected) =>
        Assert.Equal(expected, ProgrammeProse.Plural(n, "компания", "компании", "компаний"));

    [Theory]
    [InlineData("Церемония возложения цветов", "церемония возложения цветов")]
    [InlineData("АО «ИСС»: знакомство с производством", "АО «ИСС»: знакомство с производством")]
    [InlineData("B2B-сессия", "B2B-сессия")]
    [InlineData("Ёлочный базар", "ёлочный базар")]
    [InlineData("", "")]
    public void The_first_letter_goes_lower_case_unless_the_word_is_an_abbreviation(string title, string expected) =>
        Assert.Equal(expected, ProgrammeProse.Lower(title));

    [Fact]
    public void One_sentence_per_day_without_breaks_and_transfers_with_round_tables_told_together()
    {
        var items = new[]
        {
            Item(16, ProgrammeItemKind.RoundTable, "Круглый стол «Туризм»", "Туризм"),
            Item(8, ProgrammeItemKind.Transfer, "Трансфер из аэропорта"),
            Item(10, ProgrammeItemKind.Ceremony, "Церемония возложения цветов к Мемориалу Победы."),
            Item(12, ProgrammeItemKind.Break, "Обед"),
            Item(16, ProgrammeItemKind.RoundTable, "Круглый стол «Промышленность»"),
            Item(17, ProgrammeItemKind.RoundTable, "Круглый стол «МСП»", "МСП"),
            new ProseItem(Day.AddDays(1), new TimeOnly(9, 30), ProgrammeItemKind.SiteVisit, "Посещение онкологического диспансера"),
        };

        var paragraphs = ProgrammeProse.Paragraphs(items);

        Assert.Equal(
        [
            "17 ноября — церемония возложения цветов к Мемориалу Победы; тематические круглые столы «Туризм», «Промышленность» и «МСП».",
            "18 ноября — посещение онкологического диспансера.",
        ], paragraphs);
    }

    [Fact]
    public void Company_presentations_and_b2b_sessions_are_counted_once_where_the_first_of_them_stands()
    {
        var items = new[]
        {
            Item(9, ProgrammeItemKind.Ceremony, "Открытие миссии"),
            Item(10, ProgrammeItemKind.Presentation, "Презентация компании ООО «А»"),
            Item(11, ProgrammeItemKind.Presentation, "Презентация компании ООО «Б»"),
            Item(12, ProgrammeItemKind.B2BSession, "Деловые переговоры B2B, первая сессия"),
            Item(14, ProgrammeItemKind.B2BSession, "Деловые переговоры B2B, вторая сессия"),
            Item(15, ProgrammeItemKind.B2BSession, "Деловые переговоры B2B, третья сессия"),
            Item(16, ProgrammeItemKind.Presentation, "Презентация компании ООО «В»"),
            Item(17, ProgrammeItemKind.Meeting, "Подведение итогов"),
        };

        Assert.Equal(
            ["17 ноября — открытие миссии; презентации 3 компаний; деловые переговоры в формате B2B (3 сессии); подведение итогов."],
            ProgrammeProse.Paragraphs(items));
    }

    [Fact]
    public void A_single_round_table_is_named_by_its_topic_and_a_day_of_breaks_only_says_nothing()
    {
        var items = new[]
        {
            Item(16, ProgrammeItemKind.RoundTable, "Круглый стол «Туризм»", "Туризм"),
            new ProseItem(Day.AddDays(1), new TimeOnly(13, 0), ProgrammeItemKind.Break, "Обед"),
        };

        Assert.Equal(["17 ноября — круглый стол «Туризм»."], ProgrammeProse.Paragraphs(items));
    }

    [Fact]
    public void Figures_from_several_sources_add_up()
    {
        var programme = new MissionFigures { Meetings = 3, Visits = 2, RoundTables = 3 };
        var b2b = new MissionFigures { Meetings = 40, Contacts = 25 };
        var companies = new MissionFigures { Contacts = 6, Companies = 2 };

        var sum = programme + b2b + companies;

        Assert.Equal(new MissionFigures { Meetings = 43, Visits = 2, RoundTables = 3, Contacts = 31, Companies = 2 }, sum);
    }
}
