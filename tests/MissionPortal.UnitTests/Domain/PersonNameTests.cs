using MissionPortal.Core.Domain.Common;

namespace MissionPortal.UnitTests.Domain;

public class PersonNameTests
{
    [Theory]
    [InlineData("Говорунов", "Александр", "Николаевич", "Говорунов Александр Николаевич", "Говорунов А. Н.", "А. Н. Говорунов")]
    [InlineData("Ёлкина", "ёлка", null, "Ёлкина ёлка", "Ёлкина Ё.", "Ё. Ёлкина")]
    [InlineData("Смит", "Джон", "", "Смит Джон", "Смит Д.", "Д. Смит")]
    public void Names_follow_Russian_conventions(string surname, string given, string? patronymic, string full, string shortForm, string initialsFirst)
    {
        Assert.Equal(full, PersonName.Full(surname, given, patronymic));
        Assert.Equal(shortForm, PersonName.Short(surname, given, patronymic));
        Assert.Equal(initialsFirst, PersonName.InitialsFirst(surname, given, patronymic));
    }
}
