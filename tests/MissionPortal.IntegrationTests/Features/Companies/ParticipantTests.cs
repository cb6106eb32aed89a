using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Companies;

/// <summary>Companies apply with their people, the agency decides; the agency imports a delegation list all or nothing.</summary>
public class ParticipantTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>The person's version as the participants page shows it now.</summary>
    private async Task<string> VersionOfAsync(int participantId) =>
        (await factory.QueryAsync(db => db.Participants.Where(p => p.Id == participantId).Select(p => p.Version).SingleAsync())).ToString();

    private Task<int> KalugaAsync() => factory.QueryAsync(db => db.Missions.Where(m => m.Title == DemoData.KalugaMissionTitle).Select(m => m.Id).SingleAsync());

    [Fact]
    public async Task A_company_applies_with_a_person_and_items_and_the_agency_approves_then_declines()
    {
        var mission = await KalugaAsync();
        var items = await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.MissionId == mission && i.Kind == MissionPortal.Core.Domain.Programme.ProgrammeItemKind.SiteVisit).Select(i => i.Id).ToListAsync());
        var company = factory.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);

        var open = await company.GetPageAsync("/applications");
        Assert.Contains(DemoData.KalugaMissionTitle, open.QuerySelector("[data-testid=open-missions]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoData.PetersburgMissionTitle, open.QuerySelector("[data-testid=open-missions]")!.TextContent, StringComparison.Ordinal);
        using var applied = await company.SubmitFormAsync($"/applications/{mission}", "form[data-testid=apply-form]",
        [
            new("Surname", "Ёлкин"), new("GivenName", "Семён"), new("Patronymic", "Артёмович"), new("Position", "Инженер-технолог"),
            new("Email", "elkin@okafarm.ru"), new("Phone", "8 (4842) 55-66-77"), new("ItemIds", items[0].ToString(CultureInfo.InvariantCulture)), new("ItemIds", items[1].ToString(CultureInfo.InvariantCulture)),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var person = await factory.QueryAsync(db => db.Participants.Where(p => p.Surname == "Ёлкин")
            .Select(p => new { p.Id, p.Status, p.Phone, p.Organization!.Name, p.Delegation!.Side, Items = db.ItemRegistrations.Count(r => r.ParticipantId == p.Id) }).SingleAsync());
        Assert.Equal((ParticipantStatus.Pending, "+74842556677", DemoData.FirstKalugaCompanyName, DelegationSide.Visiting, 2), (person.Status, person.Phone, person.Name, person.Side, person.Items));

        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var list = await agency.GetPageAsync($"/missions/{mission}/participants");
        Assert.Contains("Ёлкин Семён Артёмович", list.QuerySelector("[data-testid=person][data-status=Pending]")!.TextContent, StringComparison.Ordinal);
        var token = await agency.AntiforgeryTokenAsync($"/missions/{mission}/participants");
        using (await agency.PostAsync($"/participants/{person.Id}/approve", new FormUrlEncodedContent([new("version", await VersionOfAsync(person.Id)), new("__RequestVerificationToken", token)])))
        {
        }

        Assert.Equal(ParticipantStatus.Approved, await factory.QueryAsync(db => db.Participants.Where(p => p.Id == person.Id).Select(p => p.Status).SingleAsync()));
        var seen = await company.GetPageAsync($"/applications/{mission}");
        Assert.Contains("Подтверждено", seen.QuerySelector("[data-testid=people]")!.TextContent, StringComparison.Ordinal);

        using (await agency.PostAsync($"/participants/{person.Id}/decline", new FormUrlEncodedContent([new("version", await VersionOfAsync(person.Id)), new("__RequestVerificationToken", token)])))
        {
        }

        Assert.Equal(ParticipantStatus.Declined, await factory.QueryAsync(db => db.Participants.Where(p => p.Id == person.Id).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_company_cannot_decide_on_people_apply_to_a_finished_mission_or_send_bad_data()
    {
        var company = factory.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);
        var petersburg = await factory.QueryAsync(db => db.Missions.Where(m => m.Title == DemoData.PetersburgMissionTitle).Select(m => m.Id).SingleAsync());
        var anyone = await factory.QueryAsync(db => db.Participants.Select(p => new { p.Id, p.Status }).FirstAsync());
        var mission = await KalugaAsync();
        var before = await factory.QueryAsync(db => db.Participants.CountAsync());

        await company.GetPageAsync($"/applications/{petersburg}", HttpStatusCode.NotFound);
        var token = await company.AntiforgeryTokenAsync($"/applications/{mission}");
        using var approve = await company.PostAsync($"/participants/{anyone.Id}/decline", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        using var bad = await company.SubmitFormAsync($"/applications/{mission}", "form[data-testid=apply-form]",
            [new("Surname", ""), new("GivenName", "Иван"), new("Position", ""), new("Email", "нет"), new("Phone", "123"), new("ItemIds", "999999")]);
        var text = new HtmlParser().ParseDocument(await bad.Content.ReadAsStringAsync()).Body!.TextContent;

        Assert.Contains("Укажите фамилию.", text, StringComparison.Ordinal);
        Assert.Contains("Укажите должность.", text, StringComparison.Ordinal);
        Assert.Contains("Введите адрес в формате name@example.ru.", text, StringComparison.Ordinal);
        Assert.Contains("Таких пунктов в программе миссии нет.", text, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Participants.CountAsync()));
        Assert.Equal(anyone.Status, await factory.QueryAsync(db => db.Participants.Where(p => p.Id == anyone.Id).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_company_withdraws_its_own_person_after_confirming_never_another_companys_and_the_agency_restores_them()
    {
        var mission = await KalugaAsync();
        var own = await factory.QueryAsync(db => db.Participants.Where(p => p.Organization!.Name == DemoData.FirstKalugaCompanyName && p.Delegation!.MissionId == mission).Select(p => new { p.Id, p.Status }).FirstAsync());
        var foreign = await factory.QueryAsync(db => db.Participants.Where(p => p.OrganizationId != null && p.Organization!.Name != DemoData.FirstKalugaCompanyName && p.Delegation!.MissionId == mission).Select(p => new { p.Id, p.Status }).FirstAsync());
        var company = factory.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);

        await company.GetPageAsync($"/applications/participants/{foreign.Id}/withdraw", HttpStatusCode.NotFound);
        var token = await company.AntiforgeryTokenAsync($"/applications/{mission}");
        using (var refused = await company.PostAsync($"/applications/participants/{foreign.Id}/withdraw", new FormUrlEncodedContent([new("__RequestVerificationToken", token)])))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        var confirm = await company.GetPageAsync($"/applications/participants/{own.Id}/withdraw");
        Assert.Equal(own.Status, await factory.QueryAsync(db => db.Participants.Where(p => p.Id == own.Id).Select(p => p.Status).SingleAsync()));
        var confirmToken = confirm.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var withdrawn = await company.PostAsync($"/applications/participants/{own.Id}/withdraw", new FormUrlEncodedContent([new("version", confirm.QuerySelector("form input[name=version]")!.GetAttribute("value")!), new("__RequestVerificationToken", confirmToken)])))
        {
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }

        Assert.Equal(ParticipantStatus.Withdrawn, await factory.QueryAsync(db => db.Participants.Where(p => p.Id == own.Id).Select(p => p.Status).SingleAsync()));
        Assert.Equal(foreign.Status, await factory.QueryAsync(db => db.Participants.Where(p => p.Id == foreign.Id).Select(p => p.Status).SingleAsync()));

        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var agencyToken = await agency.AntiforgeryTokenAsync($"/missions/{mission}/participants");
        using (await agency.PostAsync($"/participants/{own.Id}/approve", new FormUrlEncodedContent([new("version", await VersionOfAsync(own.Id)), new("__RequestVerificationToken", agencyToken)])))
        {
        }

        Assert.Equal(ParticipantStatus.Approved, await factory.QueryAsync(db => db.Participants.Where(p => p.Id == own.Id).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_agency_adds_an_official_directly()
    {
        var mission = await KalugaAsync();
        var host = await factory.QueryAsync(db => db.Delegations.Where(d => d.MissionId == mission && d.Side == DelegationSide.Host).Select(d => d.Id).SingleAsync());
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);

        using var added = await agency.SubmitFormAsync($"/missions/{mission}/participants", "form[data-testid=add-person-form]",
            [new("Surname", "Кузнецова"), new("GivenName", "Дарья"), new("Patronymic", "Игоревна"), new("Position", "Консультант министерства экономики"), new("DelegationId", host.ToString(CultureInfo.InvariantCulture)), new("DataBasis", "ConsentCollectedBySender")]);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var person = await factory.QueryAsync(db => db.Participants.Where(p => p.Surname == "Кузнецова").Select(p => new { p.Status, p.Role, p.DelegationId }).SingleAsync());
        Assert.Equal((ParticipantStatus.Approved, DelegationRole.Official, host), (person.Status, person.Role, person.DelegationId));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string fileName, byte[] content)
    {
        var token = await client.AntiforgeryTokenAsync(url);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync(url, form);
    }

    private static byte[] Xlsx(IEnumerable<Dictionary<string, object>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    [Fact]
    public async Task An_xlsx_with_bad_rows_shows_each_error_and_saves_nothing()
    {
        var mission = await KalugaAsync();
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var before = await factory.QueryAsync(db => db.Participants.CountAsync());
        var file = Xlsx(
        [
            new() { ["Фамилия"] = "Орлова", ["Имя"] = "Ирина", ["Отчество"] = "Олеговна", ["Должность"] = "Директор", ["Организация"] = DemoData.FirstKalugaCompanyName, ["E-mail"] = "orlova@okafarm.ru", ["Телефон"] = "+7 910 111-22-33" },
            new() { ["Фамилия"] = "", ["Имя"] = "Пётр", ["Отчество"] = "", ["Должность"] = "Инженер", ["Организация"] = "", ["E-mail"] = "petr@", ["Телефон"] = "" },
            new() { ["Фамилия"] = "Орлова", ["Имя"] = "Ирина", ["Отчество"] = "Олеговна", ["Должность"] = "Директор", ["Организация"] = "ООО «Неизвестная»", ["E-mail"] = "", ["Телефон"] = "" },
        ]);

        using var preview = await UploadAsync(agency, $"/missions/{mission}/import", "делегация.xlsx", file);
        var page = new HtmlParser().ParseDocument(await preview.Content.ReadAsStringAsync());

        var errors = page.QuerySelectorAll("[data-testid=row-errors]").Select(e => e.TextContent).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Equal(string.Empty, errors[0]);
        Assert.Contains("нет фамилии", errors[1], StringComparison.Ordinal);
        Assert.Contains("введите e-mail в формате name@example.ru", errors[1], StringComparison.Ordinal);
        Assert.Contains("повтор в файле", errors[2], StringComparison.Ordinal);
        Assert.Contains("организации «ООО „Неизвестная“» нет в реестре", errors[2], StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=import-blocked]"));

        // Even a forged confirmation of these rows saves nothing.
        var token = page.QuerySelector("form[data-testid=import-preview] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = FormFields.Of(page.QuerySelector("form[data-testid=import-preview]")!);
        using var forged = await agency.PostAsync($"/missions/{mission}/import/confirm", new FormUrlEncodedContent(fields.Where(f => f.Key != "__RequestVerificationToken").Append(new("__RequestVerificationToken", token))));
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Equal(before, await factory.QueryAsync(db => db.Participants.CountAsync()));
    }

    [Fact]
    public async Task A_clean_csv_with_English_headers_is_previewed_then_saved_whole()
    {
        var mission = await KalugaAsync();
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var csv = Encoding.UTF8.GetBytes("Surname,Given name,Patronymic,Position,Organization,E-mail,Phone\nЖуков,Антон,Сергеевич,Менеджер,,zhukov@example.ru,89131112233\nЯковлева,Нина,,Аналитик,,,\n");

        using var preview = await UploadAsync(agency, $"/missions/{mission}/import", "list.csv", csv);
        var page = new HtmlParser().ParseDocument(await preview.Content.ReadAsStringAsync());
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=import-row]").Length);
        Assert.Null(page.QuerySelector("[data-testid=import-blocked]"));
        Assert.Equal(0, await factory.QueryAsync(db => db.Participants.CountAsync(p => p.Surname == "Жуков" || p.Surname == "Яковлева")));

        var fields = FormFields.Of(page.QuerySelector("form[data-testid=import-preview]")!);
        using var saved = await agency.PostAsync($"/missions/{mission}/import/confirm", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var people = await factory.QueryAsync(db => db.Participants.Where(p => (p.Surname == "Жуков" || p.Surname == "Яковлева") && p.Delegation!.MissionId == mission)
            .OrderBy(p => p.Surname).Select(p => new { p.Surname, p.Phone, p.Status, p.DataBasis, p.DataBasisRecordedBy, p.DataBasisRecordedAtUtc }).ToListAsync());
        Assert.Equal(2, people.Count);
        Assert.Equal("+79131112233", people[0].Phone);
        Assert.All(people, p => Assert.Equal(ParticipantStatus.Approved, p.Status));
        // The preview offers the sending side's consent for the list; it is recorded for each person with who and when.
        Assert.All(people, p => Assert.Equal(MissionPortal.Core.Domain.Identity.PersonalDataBasis.ConsentCollectedBySender, p.DataBasis));
        Assert.All(people, p => Assert.False(string.IsNullOrEmpty(p.DataBasisRecordedBy)));
        Assert.All(people, p => Assert.NotNull(p.DataBasisRecordedAtUtc));
    }

    [Fact]
    public async Task A_file_that_is_not_a_table_gets_a_clear_message()
    {
        var mission = await KalugaAsync();
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);

        using var png = await UploadAsync(agency, $"/missions/{mission}/import", "people.xlsx", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]);
        using var brokenZip = await UploadAsync(agency, $"/missions/{mission}/import", "people.xlsx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);

        Assert.Contains("Загрузите таблицу .xlsx или .csv.", new HtmlParser().ParseDocument(await png.Content.ReadAsStringAsync()).QuerySelector("[data-testid=import-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, brokenZip.StatusCode);
        Assert.NotNull(new HtmlParser().ParseDocument(await brokenZip.Content.ReadAsStringAsync()).QuerySelector("[data-testid=import-error]"));
    }
}
