using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;
using SkiaSharp;

namespace MissionPortal.IntegrationTests.Features.Companies;

/// <summary>Companies sign up, the agency approves them, they keep their profile and products; nobody reaches another company's data.</summary>
public class CompanyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    // Valid numbers with their check digits (a Krasnoyarsk organisation and an individual entrepreneur).
    private const string NewInn = "2460069527";
    private const string NewOgrn = "1052460054327";

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<int> RegionAsync(string name) => await factory.QueryAsync(db => db.Regions.Where(r => r.Name == name).Select(r => r.Id).SingleAsync());

    private async Task<HttpResponseMessage> SignUpAsync(HttpClient client, string email, string inn, string ogrn, string company = "ООО «Енисей Техно»", string phone = "8 (391) 222-33-44", string password = "Енисей-техно-2026") =>
        await client.SubmitFormAsync("/registration", "form[data-testid=signup-form]",
        [
            new("Email", email), new("Password", password), new("CompanyName", company), new("Inn", inn), new("Ogrn", ogrn),
            new("RegionId", S(await RegionAsync("Красноярский край"))), new("Industry", "Электроника"), new("Website", "https://enisey-techno.ru"),
            new("ContactPerson", "Соколова Вера Петровна"), new("ContactPhone", phone), new("PersonalDataConsent", "true"),
        ]);

    private static byte[] Png(int size = 12)
    {
        using var bitmap = new SKBitmap(size, size);
        bitmap.Erase(SKColors.SteelBlue);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static async Task<HttpResponseMessage> PostProductAsync(HttpClient client, string url, string name, params (string Field, string FileName, byte[] Bytes, string Type)[] files)
    {
        var token = await client.AntiforgeryTokenAsync("/products");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(name), "Name" },
            { new StringContent("Электроника"), "Category" },
            { new StringContent("Контроллеры для промышленной автоматики"), "Description" },
            { new StringContent("26.51.66"), "Okpd2Code" },
        };
        foreach (var (field, fileName, bytes, type) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(content, field, fileName);
        }

        return await client.PostAsync(url, form);
    }

    [Fact]
    public async Task A_company_signs_up_waits_is_approved_and_a_rejection_carries_its_reason()
    {
        var client = factory.CreatePortalClient();
        using var signUp = await SignUpAsync(client, "sokolova@enisey-techno.ru", NewInn, NewOgrn);

        Assert.Equal("/registration/sent", signUp.Headers.Location?.OriginalString);
        var company = await factory.QueryAsync(db => db.Organizations.Where(o => o.Inn == NewInn).Select(o => new { o.Id, o.Status, o.ContactPhone, o.Kind }).SingleAsync());
        Assert.Equal((OrganizationStatus.Pending, "+73912223344", OrganizationKind.Company), (company.Status, company.ContactPhone, company.Kind));
        var user = await factory.QueryAsync(db => db.Users.Where(u => u.Email == "sokolova@enisey-techno.ru").Select(u => new { u.OrganizationId, u.IsCompanyMain, u.EmailConfirmed }).SingleAsync());
        Assert.Equal((company.Id, true, false), (user.OrganizationId, user.IsCompanyMain, user.EmailConfirmed));

        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        Assert.DoesNotContain("ООО «Енисей Техно»", (await agency.GetPageAsync("/companies")).QuerySelector("[data-testid=company-queue]")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        await factory.ConfirmSignUpAsync("sokolova@enisey-techno.ru");
        await client.LoginAsAsync("sokolova@enisey-techno.ru", "Енисей-техно-2026");
        Assert.NotNull((await client.GetPageAsync("/")).QuerySelector("[data-testid=company-pending]"));

        var queue = await agency.GetPageAsync("/companies");
        Assert.Contains("ООО «Енисей Техно»", queue.QuerySelector("[data-testid=company-queue]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("+7 391 222-33-44", queue.QuerySelector("[data-testid=company-queue]")!.TextContent, StringComparison.Ordinal);
        using (await agency.SubmitFormAsync("/companies", $"form[action='/companies/{company.Id}/reject']", [new("reason", "")]))
        {
        }

        Assert.Equal(OrganizationStatus.Pending, await factory.QueryAsync(db => db.Organizations.Where(o => o.Id == company.Id).Select(o => o.Status).SingleAsync()));
        using (await agency.SubmitFormAsync("/companies", $"form[action='/companies/{company.Id}/reject']", [new("reason", "Не приложена выписка ЕГРЮЛ")]))
        {
        }

        Assert.Contains("Не приложена выписка ЕГРЮЛ", (await client.GetPageAsync("/")).QuerySelector("[data-testid=company-rejected]")!.TextContent, StringComparison.Ordinal);
        // A rejected company has no button in the queue any more: the approval is posted with the version stored now.
        var version = await factory.QueryAsync(db => db.Organizations.Where(o => o.Id == company.Id).Select(o => o.Version).SingleAsync());
        using (var approve = await agency.PostAsync($"/companies/{company.Id}/approve", new FormUrlEncodedContent(
            [new("version", version.ToString()), new("__RequestVerificationToken", await agency.AntiforgeryTokenAsync("/companies"))])))
        {
            Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        }

        var approved = await factory.QueryAsync(db => db.Organizations.Where(o => o.Id == company.Id).Select(o => new { o.Status, o.RejectionReason }).SingleAsync());
        Assert.Equal((OrganizationStatus.Approved, (string?)null), (approved.Status, approved.RejectionReason));
    }

    public static TheoryData<string, string, string, string, string> BadSignUps => new()
    {
        // email, INN, OGRN, phone, message
        { "a@b.ru", "2460069528", NewOgrn, "+79131234567", "Введите ИНН: 10 цифр" },
        { "a@b.ru", NewInn, "1052460054328", "+79131234567", "Введите ОГРН: 13 цифр; проверьте контрольную цифру." },
        { "a@b.ru", "500100732259", "304500116000158", "+79131234567", "Введите ОГРНИП: 15 цифр; проверьте контрольную цифру." },
        { "a@b.ru", NewInn, NewOgrn, "+1 202 555 0100", "Телефон укажите в российском формате" },
        { "не-почта", NewInn, NewOgrn, "+79131234567", "Введите адрес в формате name@example.ru." },
    };

    [Theory]
    [MemberData(nameof(BadSignUps))]
    public async Task A_bad_sign_up_is_refused_with_a_Russian_message_and_creates_nothing(string email, string inn, string ogrn, string phone, string message)
    {
        var before = await factory.QueryAsync(async db => (await db.Organizations.CountAsync(), await db.Users.CountAsync()));

        using var response = await SignUpAsync(factory.CreatePortalClient(), email, inn, ogrn, phone: phone);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector("form[data-testid=signup-form]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(inn, page.QuerySelector("input[name=Inn]")!.GetAttribute("value"));
        Assert.Equal(before, await factory.QueryAsync(async db => (await db.Organizations.CountAsync(), await db.Users.CountAsync())));
    }

    [Fact]
    public async Task The_same_INN_twice_becomes_a_request_to_join_which_the_companys_main_user_approves()
    {
        var inn = await factory.QueryAsync(db => db.Organizations.Where(o => o.Name == DemoData.FirstKalugaCompanyName).Select(o => new { o.Id, o.Inn, o.Ogrn }).SingleAsync());
        var before = await factory.QueryAsync(db => db.Organizations.CountAsync());

        using var signUp = await SignUpAsync(factory.CreatePortalClient(), "colleague@okafarm.ru", inn.Inn!, inn.Ogrn!, company: "ОкаФарм (дубль)");

        Assert.Equal("/registration/sent", signUp.Headers.Location?.OriginalString);
        Assert.Equal(before, await factory.QueryAsync(db => db.Organizations.CountAsync()));
        var request = await factory.QueryAsync(db => db.CompanyJoinRequests.Where(r => r.OrganizationId == inn.Id).Select(r => new { r.Id, r.Status }).SingleAsync());
        Assert.Equal(JoinRequestStatus.Pending, request.Status);

        // The company's representative hears of the request once the address is confirmed.
        var main = factory.CreatePortalClient();
        await main.LoginAsAsync(DemoOptions.CompanyEmail);
        Assert.DoesNotContain("colleague@okafarm.ru", (await main.GetPageAsync("/company")).QuerySelector("[data-testid=join-requests]")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        await factory.ConfirmSignUpAsync("colleague@okafarm.ru");
        var profile = await main.GetPageAsync("/company");
        Assert.Contains("colleague@okafarm.ru", profile.QuerySelector("[data-testid=join-requests]")!.TextContent, StringComparison.Ordinal);
        var token = await main.AntiforgeryTokenAsync("/company");
        using var approve = await main.PostAsync($"/company/join-requests/{request.Id}/approve", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Equal(inn.Id, await factory.QueryAsync(db => db.Users.Where(u => u.Email == "colleague@okafarm.ru").Select(u => u.OrganizationId).SingleAsync()));
    }

    [Fact]
    public async Task Another_companys_profile_products_and_files_are_404_and_stay_unchanged()
    {
        var company = factory.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);
        var other = await factory.QueryAsync(db => db.Organizations.Where(o => o.Kind == OrganizationKind.Company && o.Name != DemoData.FirstKalugaCompanyName && o.Inn!.StartsWith("40"))
            .Select(o => new { o.Id, o.Name, Product = o.Products.Select(p => new { p.Id, p.Name }).First() }).FirstAsync());
        var token = await company.AntiforgeryTokenAsync("/company");

        await company.GetPageAsync($"/company/{other.Id}", HttpStatusCode.NotFound);
        await company.GetPageAsync($"/products?companyId={other.Id}", HttpStatusCode.OK); // the company parameter is ignored: it is the user's own list
        await company.GetPageAsync($"/products/{other.Product.Id}/edit", HttpStatusCode.NotFound);
        await company.GetPageAsync($"/products/{other.Product.Id}/delete", HttpStatusCode.NotFound);
        foreach (var url in new[] { $"/company/{other.Id}", $"/products/{other.Product.Id}/edit", $"/products/{other.Product.Id}/delete", $"/products/{other.Product.Id}/restore" })
        {
            using var response = await company.PostAsync(url, new FormUrlEncodedContent([new("Name", "Захвачено"), new("Category", "x"), new("Description", "x"), new("RegionId", "1"), new("__RequestVerificationToken", token)]));
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{url}: {(int)response.StatusCode}");
        }

        var after = await factory.QueryAsync(db => db.Organizations.Where(o => o.Id == other.Id).Select(o => new { o.Name, Product = o.Products.Where(p => p.Id == other.Product.Id).Select(p => p.Name).Single() }).SingleAsync());
        Assert.Equal((other.Name, other.Product.Name), (after.Name, after.Product));
        var ownList = await company.GetPageAsync($"/products?companyId={other.Id}");
        Assert.DoesNotContain(other.Product.Name, ownList.QuerySelector("[data-testid=products]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_product_with_an_image_and_a_brochure_is_stored_outside_wwwroot_and_served_safely()
    {
        var company = factory.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

        using var created = await PostProductAsync(company, "/products/new", "Контроллер КП-7", ("Images", "фото.png", Png(), "image/png"), ("Brochure", "буклет.pdf", pdf, "application/pdf"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var files = await factory.QueryAsync(db => db.StoredFiles.Where(f => db.Products.Any(p => p.Id == f.ProductId && p.Name == "Контроллер КП-7")).ToListAsync());
        Assert.Equal(2, files.Count);
        var image = files.Single(f => f.Kind == StoredFileKind.ProductImage);
        Assert.True(image.HasThumbnail);
        Assert.True(File.Exists(Path.Combine(factory.DataPath, "files", image.StoredName)));
        Assert.True(File.Exists(Path.Combine(factory.DataPath, "files", image.ThumbnailName)));

        using var served = await company.GetAsync($"/files/{image.Id}");
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("inline", served.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(Png(), await served.Content.ReadAsByteArrayAsync());
        using var thumbnail = await company.GetAsync($"/files/{image.Id}?thumbnail=true");
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType!.MediaType);
        using var brochure = await company.GetAsync($"/files/{files.Single(f => f.Kind == StoredFileKind.Brochure).Id}");
        Assert.Equal("attachment", brochure.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("буклет.pdf", brochure.Content.Headers.ContentDisposition.FileNameStar);
    }

    [Fact]
    public async Task An_HTML_file_named_png_and_an_oversize_image_are_refused_with_clear_messages_and_nothing_is_stored()
    {
        var company = factory.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);
        var html = "<html><script>alert(1)</script></html>"u8.ToArray();
        var huge = new byte[(5 * 1024 * 1024) + 1];
        Png().CopyTo(huge, 0);
        var before = await factory.QueryAsync(async db => (await db.Products.CountAsync(), await db.StoredFiles.CountAsync()));

        using var disguised = await PostProductAsync(company, "/products/new", "Поддельное фото", ("Images", "photo.png", html, "image/png"));
        using var oversize = await PostProductAsync(company, "/products/new", "Огромное фото", ("Images", "big.png", huge, "image/png"));

        Assert.Contains("Файл «photo.png» — не изображение PNG, JPEG или WebP.", new HtmlParser().ParseDocument(await disguised.Content.ReadAsStringAsync()).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Файл «big.png» больше 5\u00A0МБ.", new HtmlParser().ParseDocument(await oversize.Content.ReadAsStringAsync()).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(async db => (await db.Products.CountAsync(), await db.StoredFiles.CountAsync())));
    }

    [Fact]
    public async Task Deleting_a_product_asks_first_keeps_it_and_the_agency_restores_it()
    {
        var company = factory.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);
        var product = await factory.QueryAsync(db => db.Products.Where(p => p.Organization!.Name == DemoData.FirstKalugaCompanyName).Select(p => new { p.Id, p.Name, p.OrganizationId }).FirstAsync());

        var confirm = await company.GetPageAsync($"/products/{product.Id}/delete");
        Assert.Contains(product.Name, confirm.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => db.Products.CountAsync(p => p.Id == product.Id)));
        using (var deleted = await company.SubmitFormAsync($"/products/{product.Id}/delete", $"form[action='/products/{product.Id}/delete']", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.Equal(0, await factory.QueryAsync(db => db.Products.CountAsync(p => p.Id == product.Id)));
        Assert.NotNull(await factory.QueryAsync(db => db.Products.IgnoreQueryFilters().Where(p => p.Id == product.Id).Select(p => p.DeletedAtUtc).SingleAsync()));
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        Assert.DoesNotContain(product.Name, (await agency.GetPageAsync("/catalogue?q=" + Uri.EscapeDataString(product.Name))).QuerySelector("[data-testid=catalogue]")!.TextContent, StringComparison.Ordinal);

        using var restored = await agency.SubmitFormAsync($"/products?companyId={product.OrganizationId}", $"form[action='/products/{product.Id}/restore']", []);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(1, await factory.QueryAsync(db => db.Products.CountAsync(p => p.Id == product.Id)));
    }

    [Fact]
    public async Task The_catalogue_shows_the_ten_Kaluga_companies_searches_in_Russian_and_pages()
    {
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var kaluga = await RegionAsync("Калужская область");

        var all = await agency.GetPageAsync($"/catalogue?regionId={S(kaluga)}");
        var companies = await factory.QueryAsync(db => db.Products.Where(p => p.Organization!.RegionId == kaluga).Select(p => p.OrganizationId).Distinct().CountAsync());
        var total = await factory.QueryAsync(db => db.Products.CountAsync(p => p.Organization!.RegionId == kaluga && p.Organization.Status == OrganizationStatus.Approved));
        Assert.Equal(10, companies);
        Assert.Contains($"Найдено: {total}", all.QuerySelector("[data-testid=catalogue-total]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Math.Min(20, total), all.QuerySelectorAll("[data-testid=catalogue-item]").Length);
        var second = await agency.GetPageAsync($"/catalogue?regionId={S(kaluga)}&page=2");
        Assert.Equal(total - 20, second.QuerySelectorAll("[data-testid=catalogue-item]").Length);

        var lower = await agency.GetPageAsync("/catalogue?q=" + Uri.EscapeDataString("раствор"));
        var upper = await agency.GetPageAsync("/catalogue?q=" + Uri.EscapeDataString("РАСТВОР"));
        Assert.NotEmpty(lower.QuerySelectorAll("[data-testid=catalogue-item]"));
        Assert.Equal(lower.QuerySelectorAll("[data-testid=catalogue-item]").Length, upper.QuerySelectorAll("[data-testid=catalogue-item]").Length);
    }

    [Fact]
    public async Task A_company_sees_the_products_of_its_missions_companies_only()
    {
        var company = factory.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);

        var page = await company.GetPageAsync("/catalogue");

        var regions = page.QuerySelectorAll("[data-testid=catalogue-item] .text-muted.mb-2").Select(e => e.TextContent).ToList();
        Assert.NotEmpty(regions);
        Assert.All(regions, r => Assert.Contains("Калужская область", r, StringComparison.Ordinal));
        Assert.DoesNotContain("СтройРеанимация", page.QuerySelector("[data-testid=catalogue]")!.TextContent, StringComparison.Ordinal);
    }
}
