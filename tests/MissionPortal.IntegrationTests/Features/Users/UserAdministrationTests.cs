using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Security;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Users;

[Collection(PortalCollection.Name)]
public class UserAdministrationTests(PortalFactory factory)
{
    [Fact]
    public async Task The_administrator_creates_a_company_user_who_then_logs_in_to_that_company()
    {
        var admin = factory.CreatePortalClient();
        await admin.LoginAsAsync(DemoOptions.AgencyEmail);
        var companyId = await factory.QueryAsync(db => db.Organizations.Where(o => o.Name == DemoData.FirstKalugaCompanyName).Select(o => o.Id).SingleAsync());
        var email = $"sales-{Guid.NewGuid():N}@example.ru";

        using var created = await admin.SubmitFormAsync("/users/create", "form[action='/users/create']",
        [
            new("Email", email), new("Password", "Длинный-пароль-продаж"), new("DisplayName", "Петров Пётр Петрович"),
            new("Roles", Roles.Company), new("OrganizationId", companyId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var stored = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email)
            .Select(u => new { u.DisplayName, u.OrganizationId, Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToList() })
            .SingleAsync());
        Assert.Equal("Петров Пётр Петрович", stored.DisplayName);
        Assert.Equal(companyId, stored.OrganizationId);
        Assert.Equal([Roles.Company], stored.Roles);

        var user = factory.CreatePortalClient();
        using var login = await user.LoginAsync(email, "Длинный-пароль-продаж");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var home = await user.GetPageAsync("/");
        Assert.Equal(DemoData.FirstKalugaCompanyName, home.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Bad_input_gets_Russian_messages_and_creates_nobody()
    {
        var admin = factory.CreatePortalClient();
        await admin.LoginAsAsync(DemoOptions.AgencyEmail);
        var before = await factory.QueryAsync(db => db.Users.CountAsync());

        using var response = await admin.SubmitFormAsync("/users/create", "form[action='/users/create']",
            [new("Email", "не-почта"), new("Password", "короткий"), new("DisplayName", ""), new("Roles", Roles.Company)]);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Введите адрес в формате name@example.ru.", html, StringComparison.Ordinal);
        Assert.Contains("Придумайте пароль не короче 12 символов.", html, StringComparison.Ordinal);
        Assert.Contains("Укажите имя пользователя.", html, StringComparison.Ordinal);
        Assert.Contains("Пользователю компании нужна организация.", html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_taken_address_and_an_unknown_organisation_are_refused()
    {
        var admin = factory.CreatePortalClient();
        await admin.LoginAsAsync(DemoOptions.AgencyEmail);
        var before = await factory.QueryAsync(db => db.Users.CountAsync());

        using var taken = await admin.SubmitFormAsync("/users/create", "form[action='/users/create']",
            [new("Email", DemoOptions.MinistryEmail), new("Password", "Достаточно-длинный"), new("DisplayName", "Дубль"), new("Roles", Roles.Ministry)]);
        using var unknown = await admin.SubmitFormAsync("/users/create", "form[action='/users/create']",
            [new("Email", "x@example.ru"), new("Password", "Достаточно-длинный"), new("DisplayName", "Никто"), new("Roles", Roles.Company), new("OrganizationId", "987654")]);

        Assert.Contains($"Адрес {DemoOptions.MinistryEmail} уже занят.", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Выберите организацию из списка.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_locked_user_cannot_log_in_and_loses_the_open_session()
    {
        var email = $"lock-{Guid.NewGuid():N}@example.ru";
        await CreateUserAsync(email, Roles.Ministry);
        var victim = factory.CreatePortalClient();
        using (var first = await victim.LoginAsync(email, "Пароль-министерства-1"))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var admin = factory.CreatePortalClient();
        await admin.LoginAsAsync(DemoOptions.AgencyEmail);
        var id = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var token = await admin.AntiforgeryTokenAsync("/users");
        var stamp = await factory.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.ConcurrencyStamp).SingleAsync());
        using var locked = await admin.PostAsync($"/users/lock/{id}", new FormUrlEncodedContent([new("stamp", stamp!), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);

        using var again = await factory.CreatePortalClient().LoginAsync(email, "Пароль-министерства-1");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        // Only who typed the right password learns that the account is locked.
        Assert.Contains("Учётная запись заблокирована", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The security stamp changed: the open session is refused on its very next request.
        using var open = await victim.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.StartsWith("/account/login", open.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_administrator_changes_roles_and_the_change_is_stored()
    {
        var email = $"roles-{Guid.NewGuid():N}@example.ru";
        await CreateUserAsync(email, Roles.Ministry);
        var admin = factory.CreatePortalClient();
        await admin.LoginAsAsync(DemoOptions.AgencyEmail);
        var id = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        using var saved = await admin.SubmitFormAsync($"/users/edit/{id}", $"form[action='/users/edit/{id}']",
            [new("DisplayName", "Новое Имя"), new("Roles", Roles.Agency), new("CurrentPassword", DemoOptions.Password)]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.Equal("Новое Имя", user!.DisplayName);
        Assert.Equal([Roles.Agency], await users.GetRolesAsync(user));
    }

    [Theory]
    [InlineData("")]
    [InlineData("не-мой-пароль-совсем")]
    public async Task Roles_stay_as_they_were_without_the_administrators_current_password(string password)
    {
        var email = $"noroles-{Guid.NewGuid():N}@example.ru";
        await CreateUserAsync(email, Roles.Ministry);
        var admin = factory.CreatePortalClient();
        await admin.LoginAsAsync(DemoOptions.AgencyEmail);
        var id = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        using var refused = await admin.SubmitFormAsync($"/users/edit/{id}", $"form[action='/users/edit/{id}']",
            [new("DisplayName", "Попытка Повысить"), new("Roles", Roles.Agency), new("Roles", Roles.Administrator), new("CurrentPassword", password)]);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains(password.Length == 0 ? "Чтобы изменить роли, введите ваш текущий пароль." : "Текущий пароль не подходит: введите его ещё раз.", html, StringComparison.Ordinal);
        var stored = await factory.QueryAsync(db => db.Users.Where(u => u.Id == id)
            .Select(u => new { u.DisplayName, Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToList() })
            .SingleAsync());
        Assert.Equal("Сотрудник Министерства", stored.DisplayName);
        Assert.Equal([Roles.Ministry], stored.Roles);
    }

    [Fact]
    public async Task A_change_that_keeps_the_roles_needs_no_password()
    {
        var email = $"rename-{Guid.NewGuid():N}@example.ru";
        await CreateUserAsync(email, Roles.Ministry);
        var admin = factory.CreatePortalClient();
        await admin.LoginAsAsync(DemoOptions.AgencyEmail);
        var id = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        using var saved = await admin.SubmitFormAsync($"/users/edit/{id}", $"form[action='/users/edit/{id}']",
            [new("DisplayName", "Переименованный Сотрудник"), new("Roles", Roles.Ministry)]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Переименованный Сотрудник", await factory.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleAsync()));
    }

    private async Task CreateUserAsync(string email, string role)
    {
        var admin = factory.CreatePortalClient();
        await admin.LoginAsAsync(DemoOptions.AgencyEmail);
        using var created = await admin.SubmitFormAsync("/users/create", "form[action='/users/create']",
            [new("Email", email), new("Password", "Пароль-министерства-1"), new("DisplayName", "Сотрудник Министерства"), new("Roles", role)]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
    }
}
