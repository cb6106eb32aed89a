using MissionPortal.Web.Infrastructure.Identity;

namespace MissionPortal.UnitTests.Security;

public class CommonPasswordListTests
{
    [Fact]
    public void The_embedded_list_holds_every_entry_of_the_shipped_file() =>
        Assert.Equal(43_940, CommonPasswordValidator.Count);

    [Theory]
    [InlineData("123456789012")]
    [InlineData("QWERTYUIOP123")]
    [InlineData(" passwordpassword ")]
    public void Well_known_passwords_are_found_whatever_their_case(string password) =>
        Assert.True(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData("пароль123456")]
    [InlineData("ЙЦУКЕНГШЩЗХЪ")]
    [InlineData("gfhjkm123456")]
    [InlineData("йцукенгшщз123")]
    [InlineData("Фывапролджэё")]
    public void Russian_ones_and_either_list_typed_in_the_other_layout_are_found(string password) =>
        Assert.True(CommonPasswordValidator.IsCommon(password));

    [Fact]
    public void The_Russian_list_holds_every_entry_of_its_file() =>
        Assert.Equal(53, CommonPasswordValidator.RussianCount);

    [Theory]
    [InlineData("MissionDemo-2026")]
    [InlineData("Надёжный-пароль-2026")]
    public void Uncommon_passwords_pass(string password) =>
        Assert.False(CommonPasswordValidator.IsCommon(password));
}
