using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;

namespace MissionPortal.UnitTests.Domain;

public class ProtocolOrderTests
{
    [Fact]
    public void Yo_sorts_as_Ye_among_the_other_letters()
    {
        string[] surnames = ["Ёлкин", "Ежов", "Елисеев", "Жуков", "Ершов", "Ефимов", "Ёжиков", "Абрамов"];

        var sorted = surnames.Order(RussianCollation.Instance).ToList();

        Assert.Equal(["Абрамов", "Ёжиков", "Ежов", "Елисеев", "Ёлкин", "Ершов", "Ефимов", "Жуков"], sorted);
    }

    [Theory]
    [InlineData("Ёлкина", "Елкина")]
    [InlineData("ёлкина", "Елкина")]
    [InlineData("Фёдоров", "Федоров")]
    public void Words_equal_but_for_Yo_are_next_to_each_other_with_Ye_first(string withYo, string withYe)
    {
        Assert.True(RussianCollation.Instance.Compare(withYe, withYo) < 0);
        Assert.True(RussianCollation.Instance.Compare(withYo, withYe) > 0);
        var sorted = new[] { "Фролов", withYo, "Ежов", withYe, "Ефремов" }.Order(RussianCollation.Instance).ToList();
        Assert.Equal(1, Math.Abs(sorted.IndexOf(withYo) - sorted.IndexOf(withYe)));
    }

    [Fact]
    public void Case_does_not_matter_and_Cyrillic_follows_the_Russian_alphabet_not_code_points()
    {
        // In code points «Ё» (U+0401) comes before «А» (U+0410) and «ё» after «я»; the alphabet says otherwise.
        string[] names = ["ёлкин", "Яковлев", "Ёлкин", "Абрамов", "ЕГОРОВ"];

        var sorted = names.Order(RussianCollation.Instance).ToList();

        Assert.Equal("Абрамов", sorted[0]);
        Assert.Equal("ЕГОРОВ", sorted[1]);
        Assert.Equal("Яковлев", sorted[^1]);
    }

    [Fact]
    public void A_double_surname_comes_after_its_first_part_and_before_longer_words()
    {
        var sorted = new[] { "Петрова", "Петров-Водкин", "Петров", "Римский-Корсаков", "Петровский" }.Order(RussianCollation.Instance).ToList();

        Assert.Equal(["Петров", "Петров-Водкин", "Петрова", "Петровский", "Римский-Корсаков"], sorted);
    }

    [Fact]
    public void The_head_comes_first_then_precedence_then_the_alphabet()
    {
        var people = new[]
        {
            ProtocolKey.Of(DelegationRole.Member, 5, "Козлов", "Дмитрий", "Алексеевич"),
            ProtocolKey.Of(DelegationRole.Member, 5, "Ёлкина", "Анна", null),
            ProtocolKey.Of(DelegationRole.Official, 2, "Орлов", "Дмитрий", "Сергеевич"),
            ProtocolKey.Of(DelegationRole.Head, 9, "Говорунов", "Александр", "Николаевич"),
            ProtocolKey.Of(DelegationRole.Member, 5, "Елисеев", "Борис", null),
            ProtocolKey.Of(DelegationRole.Member, 5, "Ёлкина", "Алла", "Ивановна"),
        };

        var sorted = people.Order(ProtocolKey.Comparer).Select(p => $"{p.Surname} {p.GivenName}").ToList();

        Assert.Equal(["Говорунов Александр", "Орлов Дмитрий", "Елисеев Борис", "Ёлкина Алла", "Ёлкина Анна", "Козлов Дмитрий"], sorted);
    }
}
