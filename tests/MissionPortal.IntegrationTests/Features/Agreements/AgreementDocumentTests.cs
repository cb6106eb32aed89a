using System.Net;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Agreements;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Agreements;

/// <summary>The agreement's signed text: uploaded as a PDF (checked by content), downloaded as an attachment, replaced; for the agency and the ministry only.</summary>
public class AgreementDocumentTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static byte[] Pdf(string marker) => System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {marker}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");

    private static readonly byte[] PngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private async Task<HttpClient> ClientAsync(string email)
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(email);
        return client;
    }

    private Task<int> AgreementAsync() => factory.QueryAsync(db => db.Agreements.Where(a => a.Title == DemoData.PetersburgAgreementTitle).Select(a => a.Id).SingleAsync());

    private Task<List<StoredFile>> FilesAsync(int agreement) => factory.QueryAsync(db => db.StoredFiles.Where(f => f.AgreementId == agreement).ToListAsync());

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int agreement, string name, byte[] bytes)
    {
        var token = await client.AntiforgeryTokenAsync($"/agreements/{agreement}");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "document", name);
        return await client.PostAsync($"/agreements/{agreement}/document", form);
    }

    [Fact]
    public async Task The_upload_date_of_an_agreement_signed_on_a_Kaliningrad_mission_is_the_day_in_Kaliningrad()
    {
        var agreement = await factory.QueryAsync(async db =>
        {
            var kaliningrad = await db.Regions.Where(r => r.Code == 39).Select(r => r.Id).SingleAsync();
            var kaluga = await db.Regions.Where(r => r.Code == 40).Select(r => r.Id).SingleAsync();
            var mission = new Mission(MissionKind.BusinessMission, "Калужская делегация в Калининграде", kaluga, kaliningrad, new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 6));
            db.Missions.Add(mission);
            await db.SaveChangesAsync();
            var signed = new Agreement("Соглашение, подписанное в Калининграде", AgreementKind.Interregional, CooperationAreas.Cultural);
            signed.LinkTo(mission.Id, null);
            db.Agreements.Add(signed);
            await db.SaveChangesAsync();
            return signed.Id;
        });
        var agency = await ClientAsync(DemoOptions.AgencyEmail);
        using (var uploaded = await UploadAsync(agency, agreement, "Соглашение.pdf", Pdf("kaliningrad")))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        // Uploaded at 20:30 UTC on 5 March: 22:30 that day in Kaliningrad, already the 6th in Krasnoyarsk.
        await factory.QueryAsync(db => db.StoredFiles.Where(f => f.AgreementId == agreement)
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.CreatedAtUtc, new DateTime(2026, 3, 5, 20, 30, 0, DateTimeKind.Utc))));

        var details = await agency.GetPageAsync($"/agreements/{agreement}");
        Assert.Contains("загружен 05.03.2026", details.QuerySelector("[data-testid=agreement-document]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agency_uploads_and_replaces_the_text_and_the_ministry_downloads_it_as_an_attachment()
    {
        var agency = await ClientAsync(DemoOptions.AgencyEmail);
        var ministry = await ClientAsync(DemoOptions.MinistryEmail);
        var agreement = await AgreementAsync();

        using (var first = await UploadAsync(agency, agreement, "Соглашение СПб–Красноярск.pdf", Pdf("first")))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var stored = Assert.Single(await FilesAsync(agreement));
        Assert.Null(stored.OrganizationId);
        Assert.Equal(StoredFileKind.AgreementDocument, stored.Kind);
        Assert.Equal("application/pdf", stored.ContentType);
        var details = await ministry.GetPageAsync($"/agreements/{agreement}");
        Assert.Contains("Соглашение СПб–Красноярск.pdf", details.QuerySelector("[data-testid=agreement-document-link]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(details.QuerySelector("[data-testid=agreement-document-form]"));   // the ministry keeps the registry too

        using (var download = await ministry.GetAsync($"/agreements/{agreement}/document"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("Соглашение СПб–Красноярск.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
            Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal(Pdf("first"), await download.Content.ReadAsByteArrayAsync());
        }

        using (var second = await UploadAsync(ministry, agreement, "Соглашение (подписанное).pdf", Pdf("second")))
        {
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }

        var replaced = Assert.Single(await FilesAsync(agreement));
        Assert.NotEqual(stored.Id, replaced.Id);
        Assert.False(File.Exists(Path.Combine(factory.DataPath, "files", stored.StoredName)));
        using var latest = await agency.GetAsync($"/agreements/{agreement}/document");
        Assert.Equal(Pdf("second"), await latest.Content.ReadAsByteArrayAsync());
        Assert.Equal("Соглашение (подписанное).pdf", latest.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Fact]
    public async Task A_file_that_is_not_a_pdf_is_refused_with_a_message_and_nothing_is_stored()
    {
        var agency = await ClientAsync(DemoOptions.AgencyEmail);
        var agreement = await AgreementAsync();
        var before = (await FilesAsync(agreement)).Select(f => f.Id).ToList();

        using var response = await UploadAsync(agency, agreement, "скан.pdf", PngBytes);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await agency.GetPageAsync($"/agreements/{agreement}");
        Assert.Contains("Файл «скан.pdf» — не PDF.", page.QuerySelector("[data-testid=error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, (await FilesAsync(agreement)).Select(f => f.Id).ToList());
    }

    [Fact]
    public async Task A_company_can_neither_upload_nor_download_the_agreement_text_nor_reach_it_through_files()
    {
        var agency = await ClientAsync(DemoOptions.AgencyEmail);
        var company = await ClientAsync(DemoOptions.CompanyEmail);
        var agreement = await AgreementAsync();
        using (var upload = await UploadAsync(agency, agreement, "текст.pdf", Pdf("company-test")))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }

        var file = Assert.Single(await FilesAsync(agreement));
        var token = await company.AntiforgeryTokenAsync("/company");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(Pdf("forged")), "document", "x.pdf" } };

        using var post = await company.PostAsync($"/agreements/{agreement}/document", form);
        using var get = await company.GetAsync($"/agreements/{agreement}/document");
        using var direct = await company.GetAsync($"/files/{file.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);
        Assert.Equal(file.Id, Assert.Single(await FilesAsync(agreement)).Id);
    }

    [Fact]
    public async Task An_unknown_agreement_or_one_without_a_file_is_404()
    {
        var ministry = await ClientAsync(DemoOptions.MinistryEmail);
        var bare = await factory.QueryAsync(async db =>
        {
            var agreement = new MissionPortal.Core.Domain.Agreements.Agreement("Меморандум без текста", MissionPortal.Core.Domain.Agreements.AgreementKind.Memorandum, MissionPortal.Core.Domain.Agreements.CooperationAreas.Cultural);
            db.Agreements.Add(agreement);
            await db.SaveChangesAsync();
            return agreement.Id;
        });

        await ministry.GetPageAsync("/agreements/99999999/document", HttpStatusCode.NotFound);
        await ministry.GetPageAsync($"/agreements/{bare}/document", HttpStatusCode.NotFound);
        using var upload = await UploadAsync(ministry, bare, "x.pdf", Pdf("x"));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var token = await ministry.AntiforgeryTokenAsync($"/agreements/{bare}");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(Pdf("y")), "document", "y.pdf" } };
        using var missing = await ministry.PostAsync("/agreements/99999999/document", form);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
