using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Agreements;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Agreements;

/// <summary>The agreements registry through HTTP: the list and its filters, the form, and the way to signing.</summary>
public class AgreementTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<HttpClient> ClientAsync(string email = DemoOptions.AgencyEmail)
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(email);
        return client;
    }

    private async Task<(int First, int Second, int Third)> OrganizationsAsync()
    {
        var ids = await factory.QueryAsync(db => db.Organizations.OrderBy(o => o.Id).Select(o => o.Id).Take(3).ToListAsync());
        return (ids[0], ids[1], ids[2]);
    }

    private static List<KeyValuePair<string, string>> Fields(string title, int first, int second, params (string Key, string Value)[] more)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Title", title), new("Kind", "Memorandum"), new("Areas", "TradeEconomic"), new("Areas", "Cultural"),
            new("PartyIds", first.ToString(CultureInfo.InvariantCulture)), new("PartyIds", second.ToString(CultureInfo.InvariantCulture)),
            new("Signatories[0].Surname", "Ёлкин"), new("Signatories[0].GivenName", "Пётр"), new("Signatories[0].Patronymic", "Семёнович"),
            new("Signatories[0].Position", "Генеральный директор"), new("Signatories[0].OrganizationId", first.ToString(CultureInfo.InvariantCulture)),
        };
        foreach (var (key, value) in more)
        {
            fields.RemoveAll(f => f.Key == key);
            fields.Add(new(key, value));
        }

        return fields;
    }

    [Fact]
    public async Task The_seed_agreement_shows_as_signed_with_its_parties_and_signatories()
    {
        var client = await ClientAsync(DemoOptions.MinistryEmail);

        var list = await client.GetPageAsync("/agreements?status=Signed");
        var row = list.QuerySelectorAll("[data-testid=agreement]").Single(r => r.TextContent.Contains("Правительством Санкт-Петербурга", StringComparison.Ordinal));
        Assert.Equal("Подписано", row.QuerySelector("[data-testid=agreement-status]")!.TextContent.Trim());
        Assert.Contains("Правительство Санкт-Петербурга", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("17.11.2026", row.TextContent, StringComparison.Ordinal);

        var details = await client.GetPageAsync(row.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal(
            ["Правительство Санкт-Петербурга", "Правительство Красноярского края"],
            details.QuerySelectorAll("[data-testid=agreement-parties] li").Select(li => li.TextContent.Trim()));
        // The report tells that it was signed after the meeting, not who signed it.
        Assert.Contains("Подписанты ещё не указаны.", details.QuerySelector("[data-testid=agreement-signatories]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Культурно-деловой визит", details.QuerySelector("[data-testid=agreement-mission]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agency_enters_an_agreement_and_takes_it_through_negotiation_and_signing_into_force()
    {
        var client = await ClientAsync();
        var (first, second, _) = await OrganizationsAsync();
        var title = "Меморандум о сотрудничестве " + Guid.NewGuid().ToString("N")[..6];

        using var created = await client.SubmitFormAsync("/agreements/create", "form[data-testid=agreement-form]", Fields(title, first, second));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var stored = await factory.QueryAsync(db => db.Agreements.Where(a => a.Title == title)
            .Select(a => new { a.Id, a.Kind, a.Areas, a.Status, Parties = a.Parties.Select(p => p.OrganizationId).OrderBy(x => x).ToList(), Signatories = a.Signatories.Select(s => s.Surname + " " + s.GivenName + " " + s.Patronymic).ToList() })
            .SingleAsync());
        Assert.Equal($"/agreements/{stored.Id}", created.Headers.Location!.OriginalString);
        Assert.Equal(AgreementKind.Memorandum, stored.Kind);
        Assert.Equal(CooperationAreas.TradeEconomic | CooperationAreas.Cultural, stored.Areas);
        Assert.Equal(AgreementStatus.Draft, stored.Status);
        Assert.Equal(new[] { first, second }.Order(), stored.Parties);
        Assert.Equal(["Ёлкин Пётр Семёнович"], stored.Signatories);

        var url = $"/agreements/{stored.Id}";
        async Task<HttpResponseMessage> StepAsync(string status, string? signedOn = null)
        {
            var fields = new List<KeyValuePair<string, string>> { new("Status", status) };
            if (signedOn is not null)
            {
                fields.Add(new("SignedOn", signedOn));
            }

            return await client.SubmitFormAsync(url, $"form[data-testid=agreement-step-{status}]", fields);
        }

        using (var negotiation = await StepAsync("Negotiation"))
        {
            Assert.Equal(HttpStatusCode.Redirect, negotiation.StatusCode);
        }

        using (var noDate = await StepAsync("Signed", string.Empty))
        {
            Assert.Equal(HttpStatusCode.Redirect, noDate.StatusCode);
        }

        Assert.Contains("Укажите дату подписания.", (await client.GetPageAsync(url)).QuerySelector("[data-testid=error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(AgreementStatus.Negotiation, await factory.QueryAsync(db => db.Agreements.Where(a => a.Id == stored.Id).Select(a => a.Status).SingleAsync()));

        using (var signed = await StepAsync("Signed", "2026-11-18"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        }

        using (var inForce = await StepAsync("InForce"))
        {
            Assert.Equal(HttpStatusCode.Redirect, inForce.StatusCode);
        }

        var final = await factory.QueryAsync(db => db.Agreements.Where(a => a.Id == stored.Id).Select(a => new { a.Status, a.SignedOn }).SingleAsync());
        Assert.Equal(AgreementStatus.InForce, final.Status);
        Assert.Equal(new DateOnly(2026, 11, 18), final.SignedOn);
        var page = await client.GetPageAsync(url);
        Assert.Equal("Действует", page.QuerySelector("[data-testid=agreement-status]")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("form[data-testid=agreement-step-Fulfilled]"));
    }

    [Fact]
    public async Task A_jump_over_a_step_is_refused_and_changes_nothing()
    {
        var client = await ClientAsync();
        var (first, second, _) = await OrganizationsAsync();
        var title = "Прыжок " + Guid.NewGuid().ToString("N")[..6];
        using (await client.SubmitFormAsync("/agreements/create", "form[data-testid=agreement-form]", Fields(title, first, second)))
        {
        }

        var id = await factory.QueryAsync(db => db.Agreements.Where(a => a.Title == title).Select(a => a.Id).SingleAsync());
        var token = await client.AntiforgeryTokenAsync($"/agreements/{id}");
        var version = await factory.QueryAsync(db => db.Agreements.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());

        foreach (var (status, message) in new[]
                 {
                     ("Signed", "Соглашение нельзя перевести из статуса «Проект» в «Подписано»."),
                     ("Fulfilled", "Соглашение нельзя перевести из статуса «Проект» в «Исполнено»."),
                     ("Банан", "Выберите следующий шаг."),
                     (string.Empty, "Выберите следующий шаг."),
                 })
        {
            using var response = await client.PostAsync($"/agreements/{id}/status", new FormUrlEncodedContent([new("Status", status), new("SignedOn", "2026-11-18"), new("Version", version.ToString()), new("__RequestVerificationToken", token)]));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(message, (await client.GetPageAsync($"/agreements/{id}")).QuerySelector("[data-testid=error]")!.TextContent.Trim());
        }
        var stored = await factory.QueryAsync(db => db.Agreements.Where(a => a.Id == id).Select(a => new { a.Status, a.SignedOn }).SingleAsync());
        Assert.Equal(AgreementStatus.Draft, stored.Status);
        Assert.Null(stored.SignedOn);
    }

    public static TheoryData<string, string, string> BadForms => new()
    {
        // field, value, the message the user reads
        { "Title", "", "Укажите название соглашения." },
        { "Title", new string('Я', 601), "Сократите название до 600 символов." },
        { "Kind", "Договорчик", "Введите значение в нужном формате вместо «Договорчик»." },
        { "Areas", "", "Отметьте хотя бы одно направление сотрудничества." },
        { "PartyIds", "", "Укажите не меньше двух сторон." },
        { "Signatories[0].Position", "", "У подписанта укажите фамилию, имя и должность." },
        { "Signatories[0].OrganizationId", "", "Подписант подписывает от имени одной из сторон: выберите её." },
        { "MissionId", "99999999", "Выберите миссию из списка." },
        { "ProgrammeItemId", "99999999", "Пункт программы должен быть из выбранной миссии." },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task A_bad_form_is_refused_in_Russian_and_stores_nothing(string field, string value, string message)
    {
        var client = await ClientAsync();
        var (first, second, _) = await OrganizationsAsync();
        var title = "Плохое " + Guid.NewGuid().ToString("N")[..6];
        var fields = Fields(title, first, second);
        if (field is "Areas" or "PartyIds")
        {
            fields.RemoveAll(f => f.Key == field);
            if (field == "PartyIds")
            {
                fields.Add(new("PartyIds", first.ToString(CultureInfo.InvariantCulture)));
            }
        }
        else
        {
            fields.RemoveAll(f => f.Key == field);
            fields.Add(new(field, value));
        }

        using var response = await client.SubmitFormAsync("/agreements/create", "form[data-testid=agreement-form]", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector("form[data-testid=agreement-form]")!.TextContent, StringComparison.Ordinal);
        var before = field == "Title" ? value : title;
        Assert.False(await factory.QueryAsync(db => db.Agreements.AnyAsync(a => a.Title == title || (a.Title == before && before != ""))));
    }

    [Fact]
    public async Task A_stale_edit_shows_the_stored_version_and_keeps_it()
    {
        var client = await ClientAsync();
        var (first, second, third) = await OrganizationsAsync();
        var title = "Правка " + Guid.NewGuid().ToString("N")[..6];
        using (await client.SubmitFormAsync("/agreements/create", "form[data-testid=agreement-form]", Fields(title, first, second)))
        {
        }

        var id = await factory.QueryAsync(db => db.Agreements.Where(a => a.Title == title).Select(a => a.Id).SingleAsync());
        using (var edited = await client.SubmitFormAsync($"/agreements/{id}/edit", "form[data-testid=agreement-form]",
            Fields(title + " (ред.)", first, third, ("Version", Guid.NewGuid().ToString()))))
        {
            Assert.Equal(HttpStatusCode.Conflict, edited.StatusCode);
            Assert.Contains("сохранил другой сотрудник", await edited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(title, await factory.QueryAsync(db => db.Agreements.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));

        using var fresh = await client.SubmitFormAsync($"/agreements/{id}/edit", "form[data-testid=agreement-form]", Fields(title + " (ред.)", first, third));
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        var stored = await factory.QueryAsync(db => db.Agreements.Where(a => a.Id == id).Select(a => new { a.Title, Parties = a.Parties.Select(p => p.OrganizationId).OrderBy(x => x).ToList() }).SingleAsync());
        Assert.Equal(title + " (ред.)", stored.Title);
        Assert.Equal(new[] { first, third }.Order(), stored.Parties);
    }

    [Fact]
    public async Task Filters_narrow_the_list()
    {
        var client = await ClientAsync(DemoOptions.MinistryEmail);
        var petersburg = await factory.QueryAsync(db => db.Missions.Where(m => m.Title == DemoData.PetersburgMissionTitle).Select(m => m.Id).SingleAsync());

        var interregional = await client.GetPageAsync("/agreements?kind=Interregional&area=Cultural&year=2026&missionId=" + petersburg);
        var healthcareDrafts = await client.GetPageAsync("/agreements?status=Fulfilled&area=Healthcare");

        Assert.Contains(interregional.QuerySelectorAll("[data-testid=agreement]"), r => r.TextContent.Contains(DemoData.PetersburgAgreementTitle[..40], StringComparison.Ordinal));
        Assert.All(interregional.QuerySelectorAll("[data-testid=agreement-status]"), s => Assert.Equal("Подписано", s.TextContent.Trim()));
        Assert.NotNull(healthcareDrafts.QuerySelector("[data-testid=no-agreements]"));
        await client.GetPageAsync("/agreements?kind=Нечто&year=abc", HttpStatusCode.OK);
    }

    [Fact]
    public async Task Companies_do_not_reach_the_registry_and_unknown_ids_are_404()
    {
        var company = await ClientAsync(DemoOptions.CompanyEmail);
        var agency = await ClientAsync();

        using (var list = await company.GetAsync("/agreements"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        }

        await agency.GetPageAsync("/agreements/99999999", HttpStatusCode.NotFound);
        await agency.GetPageAsync("/agreements/99999999/edit", HttpStatusCode.NotFound);
        var token = await agency.AntiforgeryTokenAsync("/agreements/create");
        using var missing = await agency.PostAsync("/agreements/99999999/status", new FormUrlEncodedContent([new("Status", "Negotiation"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
