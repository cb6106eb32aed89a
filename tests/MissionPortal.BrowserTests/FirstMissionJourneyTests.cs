using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MissionPortal.Core.Security;

namespace MissionPortal.BrowserTests;

/// <summary>A deployment without demo data: only the first administrator, from configuration.</summary>
public sealed class EmptyBrowserPortal : BrowserPortal
{
    public const string AdminEmail = "planner@agency.example.ru";
    public const string AdminPassword = "Томск-Красноярск-2027";

    protected override IReadOnlyList<KeyValuePair<string, string>> Settings =>
        [new("Demo:Enabled", "false"), new("Admin:Email", AdminEmail), new("Admin:Password", AdminPassword)];
}

[CollectionDefinition(Name)]
public sealed class EmptyBrowserCollection : ICollectionFixture<EmptyBrowserPortal>
{
    public const string Name = "browser-empty";
}

/// <summary>
/// The first mission of a new deployment, from a region the seeds never name: the administrator adds the organisations,
/// creates the mission, imports the delegation list as Russian Excel saves it, marks the head, builds a day and submits;
/// the ministry sees the programme waiting.
/// </summary>
[Collection(EmptyBrowserCollection.Name)]
public partial class FirstMissionJourneyTests(EmptyBrowserPortal portal)
{
    private const string Title = "Визит делегации Томской области в Красноярский край";

    [BrowserFact]
    public async Task The_first_administrator_prepares_a_Tomsk_mission_end_to_end_and_the_ministry_sees_it_waiting()
    {
        await portal.JourneyAsync("first-mission", async page =>
        {
            await LoginAsync(page, EmptyBrowserPortal.AdminEmail, EmptyBrowserPortal.AdminPassword);

            // The organisations of the visit: the region's administration and a company of the delegation.
            await AddOrganisationAsync(page, "Authority", "Администрация Томской области");
            await AddOrganisationAsync(page, "Company", "ООО «Томские приборы»");

            // The mission, from a region no seed names, organised by the administration just added.
            await page.GotoAsync("/missions/create");
            await page.GetByLabel("Название").FillAsync(Title);
            await page.GetByLabel("Откуда делегация").SelectOptionAsync(new SelectOptionValue { Label = "Томская область" });
            await page.GetByLabel("Принимающий регион").SelectOptionAsync(new SelectOptionValue { Label = "Красноярский край" });
            await page.GetByLabel("Начало").FillAsync("2027-05-11");
            await page.GetByLabel("Окончание").FillAsync("2027-05-12");
            await page.Locator("select[name='Organizers[0].OrganizationId']").SelectOptionAsync(new SelectOptionValue { Label = "Администрация Томской области" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(Title);
            var missionId = MissionId().Match(page.Url).Groups[1].Value;
            Assert.NotEmpty(missionId);

            // The delegation list as Russian Excel saves it: Windows-1251, semicolons, a № column.
            await page.GotoAsync($"/missions/{missionId}/import");
            await page.GetByLabel("Файл").SetInputFilesAsync(Fixture("tomsk-excel-1251-semicolon.csv"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Проверить файл" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("import-row")).ToHaveCountAsync(4);
            await Assertions.Expect(page.GetByTestId("import-organisation")).ToHaveCountAsync(3);
            var university = page.GetByTestId("import-organisation").Filter(new() { HasText = "Томский государственный университет" });
            await university.GetByTestId("organisation-choice").SelectOptionAsync("Create");
            await university.GetByLabel("Вид").SelectOptionAsync("Institution");
            await BrowserPortal.ScreenshotAsync(page, "40-first-mission-import-preview");
            await page.GetByTestId("import-save").ClickAsync();
            await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync("Импортировано человек: 4.");

            // The governor can't come: his deputy leads the delegation and stands first.
            var knorr = page.GetByTestId("person").Filter(new() { HasText = "Кнорр Андрей Александрович" });
            await knorr.GetByLabel("Роль в делегации").SelectOptionAsync("Head");
            await knorr.GetByRole(AriaRole.Button, new() { Name = "Назначить" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("person").First).ToContainTextAsync("Кнорр Андрей Александрович");
            await Assertions.Expect(page.GetByTestId("person").First.GetByTestId("person-role")).ToHaveTextAsync("Глава делегации");
            await BrowserPortal.ScreenshotAsync(page, "41-first-mission-people");

            // A day of the programme, then the submission.
            await page.GotoAsync($"/programme/{missionId}");
            await page.GetByTestId("programme-day").First.GetByRole(AriaRole.Link, new() { Name = "+ Пункт" }).ClickAsync();
            await page.GetByLabel("Начало").FillAsync("10:00");
            await page.GetByLabel("Окончание").FillAsync("11:30");
            await page.GetByLabel("Вид").SelectOptionAsync("Meeting");
            await page.GetByLabel("Название").FillAsync("Встреча с губернатором Красноярского края");
            await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync("добавлен");
            await page.GetByRole(AriaRole.Button, new() { Name = "Отправить на согласование" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("mission-status")).ToHaveTextAsync("На согласовании");
            await BrowserPortal.ScreenshotAsync(page, "42-first-mission-submitted");
        });

        var ministry = await portal.CreateUserAsync(Roles.Ministry, EmptyBrowserPortal.AdminPassword);
        await portal.JourneyAsync("first-mission-ministry", async page =>
        {
            await LoginAsync(page, ministry, EmptyBrowserPortal.AdminPassword);
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = Title }).First).ToBeVisibleAsync();
            await BrowserPortal.ScreenshotAsync(page, "43-first-mission-ministry-home");
        });
    }

    private static async Task LoginAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Электронная почта").FillAsync(email);
        await page.GetByLabel("Пароль").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).Not.ToHaveTextAsync("Вход");
    }

    private static async Task AddOrganisationAsync(IPage page, string kind, string name)
    {
        await page.GotoAsync("/organisations/new");
        await page.GetByLabel("Вид").SelectOptionAsync(kind);
        await page.GetByLabel("Регион").SelectOptionAsync(new SelectOptionValue { Label = "Томская область" });
        await page.GetByLabel("Полное название").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("message")).ToBeVisibleAsync();
    }

    /// <summary>An import fixture committed with the integration tests.</summary>
    private static string Fixture(string name) =>
        Path.GetFullPath(Path.Combine(BrowserPortal.ScreenshotFolder, "..", "..", "tests", "MissionPortal.IntegrationTests", "Fixtures", "Import", name));

    [GeneratedRegex(@"/missions/(?:details/)?(\d+)")]
    private static partial Regex MissionId();
}
