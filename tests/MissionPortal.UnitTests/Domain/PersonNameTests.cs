using MissionPortal.Core.Domain.Common;

namespace MissionPortal.UnitTests.Domain;

public class PersonNameTests
{
    private const char Nbsp = '\u00A0';

    [Theory]
    [InlineData("Говорунов", "Александр", "Николаевич", "Говорунов Александр Николаевич", "Говорунов А. Н.", "А. Н. Говорунов")]
    [InlineData("Ёлкина", "ёлка", null, "Ёлкина ёлка", "Ёлкина Ё.", "Ё. Ёлкина")]
    [InlineData("Смит", "Джон", "", "Смит Джон", "Смит Д.", "Д. Смит")]
    public void Names_follow_Russian_conventions(string surname, string given, string? patronymic, string full, string shortForm, string initialsFirst)
    {
        Assert.Equal(full, PersonName.Full(surname, given, patronymic));
        // Initials never wrap away from each other or from the surname: the short forms are joined by non-breaking spaces.
        Assert.Equal(shortForm.Replace(' ', Nbsp), PersonName.Short(surname, given, patronymic));
        Assert.Equal(initialsFirst.Replace(' ', Nbsp), PersonName.InitialsFirst(surname, given, patronymic));
        Assert.DoesNotContain(' ', PersonName.Short(surname, given, patronymic));
    }

    [Theory]
    [InlineData("Анна", "Сергеевна", "Анна Сергеевна")]
    [InlineData(" Ирина ", " Павловна ", "Ирина Павловна")]
    [InlineData("Джон", null, "Джон")]
    [InlineData("Джон", "  ", "Джон")]
    public void A_letter_addresses_the_person_by_name_and_patronymic(string given, string? patronymic, string expected) =>
        Assert.Equal(expected, PersonName.Address(given, patronymic));

    [Fact]
    public void The_short_form_is_what_a_list_shows_and_the_full_form_is_what_a_heading_column_holds()
    {
        Assert.Equal("Гончаренко\u00A0И.\u00A0П.", PersonName.Short("Гончаренко", "Ирина", "Павловна"));
        Assert.Equal("Гончаренко Ирина Павловна", PersonName.Full("Гончаренко", "Ирина", "Павловна"));
    }

    [Fact]
    public void Names_are_found_in_text_whichever_space_joins_the_initials()
    {
        var name = new NameInText(PersonName.Short("Гончаренко", "Ирина", "Павловна"));
        Assert.Equal("Запрос отклонён: [удалено]", name.Remove("Запрос отклонён: Гончаренко И. П."));
        Assert.Equal("Запрос отклонён: [удалено]", name.Remove("Запрос отклонён: Гончаренко\u00A0И.\u00A0П."));
    }
}
