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
    [InlineData("MissionDemo-2026")]
    [InlineData("Надёжный-пароль-2026")]
    public void Uncommon_passwords_pass(string password) =>
        Assert.False(CommonPasswordValidator.IsCommon(password));
}
