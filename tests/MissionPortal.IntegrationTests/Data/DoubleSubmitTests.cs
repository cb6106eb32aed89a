using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Security;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Data;

/// <summary>Every create form posted twice, as a double click sends it: one record, and both answers are redirects.</summary>
public class DoubleSubmitTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<HttpClient> ClientAsync(string? email = DemoOptions.AgencyEmail)
    {
        var client = factory.CreatePortalClient();
        if (email is not null)
        {
            await client.LoginAsAsync(email);
        }

        return client;
    }

    private async Task PostTwiceAsync(HttpClient client, string page, string selector, KeyValuePair<string, string>[] fields, Func<PortalDbContext, Task<int>> count)
    {
        var before = await factory.QueryAsync(count);
        var form = await client.ReadFormAsync(page, selector);
        Assert.False(string.IsNullOrEmpty(form.Value("SubmissionKey")), $"the form on {page} carries no one-time key");

        using var first = await client.PostFormAsync(form, fields);
        using var second = await client.PostFormAsync(form, fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(before + 1, await factory.QueryAsync(count));
    }

    private Task<Dictionary<string, int>> RegionsAsync() => factory.QueryAsync(db => db.Regions.ToDictionaryAsync(r => r.Name, r => r.Id));

    [Fact]
    public async Task A_mission_form_posted_twice_creates_one_mission()
    {
        var regions = await RegionsAsync();
        await PostTwiceAsync(await ClientAsync(), "/missions/create", "form[data-testid=mission-form]",
        [
            new("Kind", "BusinessMission"), new("Title", "Миссия двойного щелчка"), new("OriginRegionId", S(regions["Калужская область"])),
            new("HostRegionId", S(regions["Красноярский край"])), new("StartDate", "2027-06-01"), new("EndDate", "2027-06-02"),
        ], db => db.Missions.CountAsync(m => m.Title == "Миссия двойного щелчка"));
    }

    [Fact]
    public async Task A_venue_form_posted_twice_creates_one_venue()
    {
        await PostTwiceAsync(await ClientAsync(), "/venues/create", "form[data-testid=venue-form]",
            [new("Name", "Зал двойного щелчка"), new("City", "Красноярск"), new("Address", "ул. Ленина, 1"), new("Capacity", "30")],
            db => db.Venues.CountAsync(v => v.Name == "Зал двойного щелчка"));
    }

    [Fact]
    public async Task A_travel_time_posted_twice_creates_one_pair()
    {
        await PostTwiceAsync(await ClientAsync(), "/travel-times", "form[data-testid=travel-time-form]",
            [new("FromCity", "Красноярск"), new("ToCity", "Посёлок двойного щелчка"), new("Minutes", "40")],
            db => db.TravelTimes.CountAsync(t => t.ToCity == "Посёлок двойного щелчка"));
    }

    [Fact]
    public async Task An_agreement_form_posted_twice_creates_one_agreement()
    {
        var parties = await factory.QueryAsync(db => db.Organizations.OrderBy(o => o.Id).Select(o => o.Id).Take(2).ToListAsync());
        await PostTwiceAsync(await ClientAsync(), "/agreements/create", "form[data-testid=agreement-form]",
        [
            new("Title", "Соглашение двойного щелчка"), new("Kind", "Memorandum"), new("Areas", "Tourism"),
            new("PartyIds", S(parties[0])), new("PartyIds", S(parties[1])),
        ], db => db.Agreements.CountAsync(a => a.Title == "Соглашение двойного щелчка"));
    }

    [Fact]
    public async Task A_user_form_posted_twice_creates_one_user()
    {
        var email = $"double-{Guid.NewGuid():N}@example.ru";
        await PostTwiceAsync(await ClientAsync(), "/users/create", "form[action='/users/create']",
            [new("Email", email), new("Password", Accounts.Password), new("DisplayName", "Двойной Щелчок"), new("Roles", Roles.Ministry)],
            db => db.Users.CountAsync(u => u.Email == email));
    }

    [Fact]
    public async Task Programme_item_forms_and_the_duplicate_button_posted_twice_create_one_item_each()
    {
        var s = await Scenario.CreateAsync(factory, "Миссия двойных пунктов");
        var client = await ClientAsync();
        await PostTwiceAsync(client, $"/programme/{s.MissionId}/items/new", "form[data-testid=item-form]",
        [
            new("Date", Scenario.Iso(Scenario.Day1)), new("Start", "15:00"), new("End", "16:00"), new("Kind", "Meeting"),
            new("Title", "Встреча двойного щелчка"), new("AttendeeScope", "WholeDelegation"), new("DelegationId", S(s.DelegationId)),
        ], db => db.ProgrammeItems.CountAsync(i => i.MissionId == s.MissionId && i.Title == "Встреча двойного щелчка"));

        await PostTwiceAsync(client, $"/programme/{s.MissionId}", $"form[action='/programme/items/{s.MorningItemId}/duplicate']", [],
            db => db.ProgrammeItems.CountAsync(i => i.MissionId == s.MissionId));
    }

    [Fact]
    public async Task The_agency_s_and_a_company_s_people_forms_posted_twice_add_one_person_each()
    {
        var mission = await factory.ResolveAsync("{kaluga}");
        var host = await factory.QueryAsync(db => db.Delegations.Where(d => d.MissionId == int.Parse(mission, CultureInfo.InvariantCulture) && d.Side == MissionPortal.Core.Domain.Missions.DelegationSide.Host).Select(d => d.Id).SingleAsync());
        await PostTwiceAsync(await ClientAsync(), $"/missions/{mission}/participants", "form[data-testid=add-person-form]",
            [new("Surname", "Дважды"), new("GivenName", "Добавленная"), new("Position", "Консультант"), new("DelegationId", S(host)), new("DataBasis", "ConsentInPerson")],
            db => db.Participants.CountAsync(p => p.Surname == "Дважды"));

        await PostTwiceAsync(await ClientAsync(DemoOptions.CompanyEmail), $"/applications/{mission}", "form[data-testid=apply-form]",
            [new("Surname", "Дваждыподанный"), new("GivenName", "Иван"), new("Position", "Инженер")],
            db => db.Participants.CountAsync(p => p.Surname == "Дваждыподанный"));
    }

    [Fact]
    public async Task A_product_form_posted_twice_creates_one_product()
    {
        await PostTwiceAsync(await ClientAsync(DemoOptions.CompanyEmail), "/products/new", "form[data-testid=product-form]",
            [new("Name", "Прибор двойного щелчка"), new("Category", "Медицинские изделия"), new("Description", "Отправлен дважды.")],
            db => db.Products.CountAsync(p => p.Name == "Прибор двойного щелчка"));
    }

    [Fact]
    public async Task A_company_sign_up_posted_twice_registers_one_company_and_one_user()
    {
        var regions = await RegionsAsync();
        const string inn = "2460069527";
        const string email = "double@enisey-techno.ru";
        var visitor = factory.CreatePortalClient();
        string antiforgery;
        using (var page = await visitor.GetAsync("/registration"))
        {
            antiforgery = page.CookieValue(MissionPortal.Web.Infrastructure.Security.SessionCookies.AntiforgeryCookieName)!;
        }

        // Both clicks leave the browser before the first answer signs the visitor in: both go out anonymous.
        var form = await visitor.ReadFormAsync("/registration", "form[data-testid=signup-form]");
        KeyValuePair<string, string>[] fields =
        [
            new("Email", email), new("Password", "Енисей-техно-2026"), new("CompanyName", "ООО «Енисей Техно»"), new("Inn", inn),
            new("Ogrn", "1052460054327"), new("RegionId", S(regions["Красноярский край"])), new("ContactPerson", "Соколова Вера Петровна"), new("ContactPhone", "8 (391) 222-33-44"),
            new("PersonalDataConsent", "true"),
        ];
        var name = MissionPortal.Web.Infrastructure.Security.SessionCookies.AntiforgeryCookieName;

        using var first = await factory.CreateReplayClient(name, antiforgery).PostFormAsync(form, fields);
        using var second = await factory.CreateReplayClient(name, antiforgery).PostFormAsync(form, fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await factory.QueryAsync(db => db.Organizations.CountAsync(o => o.Inn == inn)));
        Assert.Equal(1, await factory.QueryAsync(db => db.Users.CountAsync(u => u.Email == email)));
        Assert.Equal(0, await factory.QueryAsync(db => db.CompanyJoinRequests.CountAsync(r => db.Organizations.Any(o => o.Id == r.OrganizationId && o.Inn == inn))));
    }

    [Fact]
    public async Task Copy_a_day_posted_twice_copies_the_day_once()
    {
        var s = await Scenario.CreateAsync(factory, "Миссия двойного копирования дня");
        await PostTwiceAsync(await ClientAsync(), $"/programme/{s.MissionId}", $"form[action='/programme/{s.MissionId}/copy-day']",
            [new("From", Scenario.Iso(Scenario.Day1)), new("To", Scenario.Iso(Scenario.Day2))],
            db => db.ProgrammeItems.CountAsync(i => i.MissionId == s.MissionId && i.Date == Scenario.Day2));
    }

    [Fact]
    public async Task A_delegation_import_confirmed_twice_adds_each_person_once()
    {
        var mission = await factory.ResolveAsync("{kaluga}");
        var client = await ClientAsync();
        var url = $"/missions/{mission}/import";
        var token = await client.AntiforgeryTokenAsync(url);
        using var upload = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("Фамилия,Имя,Должность\nДвупереданов,Илья,Инженер\nДвупереданова,Ольга,Экономист\n"));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        upload.Add(file, "file", "список.csv");
        using var preview = await client.PostAsync(url, upload);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await preview.Content.ReadAsStringAsync());
        var form = new PageForm($"{url}/confirm", FormFields.Of(page.QuerySelector("form[data-testid=import-preview]")!));
        Assert.False(string.IsNullOrEmpty(form.Value("SubmissionKey")), "the import preview carries no one-time key");

        using var first = await client.PostFormAsync(form, []);
        using var second = await client.PostFormAsync(form, []);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(2, await factory.QueryAsync(db => db.Participants.CountAsync(p => p.Surname.StartsWith("Двупереданов"))));
    }
}
