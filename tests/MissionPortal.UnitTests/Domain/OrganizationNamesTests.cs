using MissionPortal.Core.Domain.Organizations;

namespace MissionPortal.UnitTests.Domain;

/// <summary>Organisations named by regions in their lists are found in the registry whatever the quotes, case or legal form.</summary>
public class OrganizationNamesTests
{
    [Theory]
    [InlineData("ООО «Томские приборы»", "ООО \"Томские приборы\"")]
    [InlineData("ООО «Томские приборы»", "Общество с ограниченной ответственностью «ТОМСКИЕ ПРИБОРЫ»")]
    [InlineData("ООО «Томские приборы»", "Томские приборы, ООО")]
    [InlineData("АО «Томские Приборы»", "ооо „томские приборы“")]
    [InlineData("ПАО «Сибирская нефть»", "Публичное акционерное общество 'Сибирская нефть'")]
    [InlineData("Администрация Томской области", "  администрация   томской  области ")]
    [InlineData("ФГУП «Ёлка»", "ФГУП Елка")]
    public void Spellings_of_one_name_are_the_same(string registry, string file) =>
        Assert.True(OrganizationNames.Same(registry, file), $"{OrganizationNames.Key(registry)} ≠ {OrganizationNames.Key(file)}");

    [Theory]
    [InlineData("ООО «Томские приборы»", "ООО «Томские приборы-2»")]
    [InlineData("Томский государственный университет", "Томский политехнический университет")]
    [InlineData("ООО", "АО")]
    [InlineData("", "")]
    public void Different_names_stay_different(string a, string b) =>
        Assert.False(OrganizationNames.Same(a, b));
}
