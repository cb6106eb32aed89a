using System.Buffers.Binary;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Security;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;
using MissionPortal.Web.Infrastructure.Identity;

namespace MissionPortal.IntegrationTests.Security;

[Collection(PortalCollection.Name)]
public class PasswordPolicyTests(PortalFactory factory)
{
    [Theory]
    [InlineData("qwertyuiop123")]
    [InlineData("PasswordPassword")]
    [InlineData("1Q2W3E4R5T6Y")]
    [InlineData("gfhjkmgfhjkm")]
    public async Task A_common_password_of_twelve_characters_or_more_is_refused_in_Russian_and_nobody_is_created(string password)
    {
        var admin = factory.CreatePortalClient();
        await admin.LoginAsAsync(DemoOptions.AgencyEmail);
        var email = $"common-{Guid.NewGuid():N}@example.ru";

        using var response = await admin.SubmitFormAsync("/users/create", "form[action='/users/create']",
            [new("Email", email), new("Password", password), new("DisplayName", "Простой Пароль"), new("Roles", Roles.Ministry)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Этот пароль слишком распространён", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task A_long_uncommon_password_without_composition_rules_is_accepted()
    {
        var admin = factory.CreatePortalClient();
        await admin.LoginAsAsync(DemoOptions.AgencyEmail);
        var email = $"plain-{Guid.NewGuid():N}@example.ru";

        using var response = await admin.SubmitFormAsync("/users/create", "form[action='/users/create']",
            [new("Email", email), new("Password", "только строчные буквы и пробелы"), new("DisplayName", "Длинный Пароль"), new("Roles", Roles.Ministry)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Stored_password_hashes_are_PBKDF2_with_210000_iterations()
    {
        var admin = factory.CreatePortalClient();
        await admin.LoginAsAsync(DemoOptions.AgencyEmail);
        var email = $"hash-{Guid.NewGuid():N}@example.ru";
        using (var created = await admin.SubmitFormAsync("/users/create", "form[action='/users/create']",
            [new("Email", email), new("Password", "Свежий-пароль-для-хеша"), new("DisplayName", "Хеш Пароля"), new("Roles", Roles.Ministry)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var hashes = await factory.QueryAsync(db => db.Users
            .Where(u => u.Email == email || u.Email == DemoOptions.AgencyEmail)
            .Select(u => u.PasswordHash!)
            .ToListAsync());

        Assert.Equal(2, hashes.Count);
        foreach (var hash in hashes)
        {
            // Identity v3 format: 0x01, PRF (uint32 BE), iteration count (uint32 BE), salt length (uint32 BE), salt, subkey.
            var bytes = Convert.FromBase64String(hash);
            Assert.Equal(0x01, bytes[0]);
            Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1, 4))); // HMAC-SHA512
            Assert.Equal((uint)IdentityExtensions.PasswordHashIterations, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4)));
            Assert.True(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9, 4)) >= 16, "salt of at least 128 bits");
        }

        Assert.True(IdentityExtensions.PasswordHashIterations >= 210_000);
    }
}
