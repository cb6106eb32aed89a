using System.Net;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Security;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Notifications;

/// <summary>
/// The journeys raise their notices: read back from the .eml files the portal wrote, in the recipient's language, and
/// shown in the recipient's list in the portal with the unread count in the header.
/// </summary>
public class NotificationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Inn = "2460069527";
    private const string Ogrn = "1052460054327";
    private const string CompanyPassword = "Енисей-техно-2026";

    private static async Task PostAsync(HttpClient client, string page, string url, params KeyValuePair<string, string>[] fields)
    {
        var token = await client.AntiforgeryTokenAsync(page);
        using var response = await client.PostAsync(url, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Presses the button of the form on <paramref name="page"/> that posts to <paramref name="url"/> (with the version it shows), <paramref name="fields"/> filled in.</summary>
    private static async Task PressAsync(HttpClient client, string page, string url, params KeyValuePair<string, string>[] fields)
    {
        using var response = await client.SubmitFormAsync(page, $"form[action='{url}']", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static string Html(MimeKit.MimeMessage message) => message.HtmlBody ?? string.Empty;

    [Fact]
    public async Task A_company_signing_up_in_english_hears_in_english_of_receipt_refusal_and_approval_and_sees_them_in_the_portal()
    {
        var email = $"sokolova-{Guid.NewGuid():N}@enisey-techno.ru";
        var company = factory.CreatePortalClient();
        using (await company.SwitchLanguageAsync("en-US", "/registration"))
        {
        }

        var region = await factory.QueryAsync(db => db.Regions.Where(r => r.Name == "Красноярский край").Select(r => r.Id).SingleAsync());
        using (var signUp = await company.SubmitFormAsync("/registration", "form[data-testid=signup-form]",
        [
            new("Email", email), new("Password", CompanyPassword), new("CompanyName", "ООО «Енисей Техно»"), new("Inn", Inn), new("Ogrn", Ogrn),
            new("RegionId", region.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Industry", "Электроника"),
            new("ContactPerson", "Соколова Вера Петровна"), new("ContactPhone", "8 (391) 222-33-44"), new("PersonalDataConsent", "true"),
        ]))
        {
            Assert.Equal(HttpStatusCode.Redirect, signUp.StatusCode);
        }

        // The receipt comes once the address is confirmed.
        await factory.ConfirmSignUpAsync(email);
        var received = await MailFolder.WaitForAsync(factory.DataPath, email, Notifier.CompanySignedUp);
        Assert.Equal("Sign-up of “ООО «Енисей Техно»” received", received.Subject);
        Assert.Contains("Hello Соколова Вера Петровна,", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("is waiting for the agency to check it", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://localhost/", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", Html(received), StringComparison.Ordinal);
        Assert.Contains("Open the portal</a>", Html(received), StringComparison.Ordinal);

        var companyId = await factory.QueryAsync(db => db.Organizations.Where(o => o.Inn == Inn).Select(o => o.Id).SingleAsync());
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        await PressAsync(agency, "/companies", $"/companies/{companyId}/reject", new KeyValuePair<string, string>("reason", "Не приложена выписка ЕГРЮЛ"));
        var declined = await MailFolder.WaitForAsync(factory.DataPath, email, Notifier.CompanyDeclined);
        Assert.Equal("Sign-up of “ООО «Енисей Техно»” declined", declined.Subject);
        Assert.Contains("Reason: Не приложена выписка ЕГРЮЛ", declined.TextBody, StringComparison.Ordinal);
        Assert.Contains("Reason: Не приложена выписка ЕГРЮЛ", Html(declined), StringComparison.Ordinal);

        // A rejected company has no button in the queue any more: the approval is posted with the version stored now.
        var version = await factory.QueryAsync(db => db.Organizations.Where(o => o.Id == companyId).Select(o => o.Version).SingleAsync());
        await PostAsync(agency, "/companies", $"/companies/{companyId}/approve", new KeyValuePair<string, string>("version", version.ToString()));
        var approved = await MailFolder.WaitForAsync(factory.DataPath, email, Notifier.CompanyApproved);
        Assert.Equal("“ООО «Енисей Техно»” is approved", approved.Subject);
        Assert.Equal("/company", MailFolder.LinkIn(approved, "/company"));
        Assert.Contains("href=\"https://localhost/company\"", Html(approved), StringComparison.Ordinal);

        // The same three in the portal, newest first, counted in the header until opened.
        await company.LoginAsAsync(email, CompanyPassword);
        var home = await company.GetPageAsync("/");
        Assert.Equal("3", home.QuerySelector("[data-testid=unread-count]")!.TextContent.Trim());
        var list = await company.GetPageAsync("/notifications");
        var items = list.QuerySelectorAll("[data-testid=notification]").ToList();
        Assert.Equal(
            ["“ООО «Енисей Техно»” is approved", "Sign-up of “ООО «Енисей Техно»” declined", "Sign-up of “ООО «Енисей Техно»” received"],
            items.Select(i => i.QuerySelector("a")!.TextContent.Trim()).ToList());
        Assert.All(items, i => Assert.Equal("false", i.GetAttribute("data-read")));

        using (var opened = await company.GetAsync(items[0].QuerySelector("a")!.GetAttribute("href")))
        {
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
            Assert.Equal("/company", opened.Headers.Location!.OriginalString);
        }

        Assert.Equal("2", (await company.GetPageAsync("/")).QuerySelector("[data-testid=unread-count]")!.TextContent.Trim());
        Assert.Equal("true", (await company.GetPageAsync("/notifications")).QuerySelector("[data-testid=notification]")!.GetAttribute("data-read"));

        // Someone else's notice is not found, and opening it marks nothing.
        var someoneElses = await factory.QueryAsync(db => db.Notifications.Where(n => n.Kind == Notifier.CompanySignedUp).Select(n => n.Id).FirstAsync());
        var ministry = factory.CreatePortalClient();
        await ministry.LoginAsAsync(DemoOptions.MinistryEmail);
        using (var foreign = await ministry.GetAsync($"/notifications/{someoneElses}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }
    }

    [Fact]
    public async Task Programme_review_notices_reach_the_ministry_and_the_agency_and_a_kind_switched_off_stays_in_the_portal_only()
    {
        var s = await Scenario.CreateAsync(factory, "Уведомления " + Guid.NewGuid().ToString("N")[..6]);
        var quiet = await factory.CreateUserAsync(Roles.Ministry);
        var quietClient = factory.CreatePortalClient();
        await quietClient.LoginAsAsync(quiet, Accounts.Password);
        var settings = await quietClient.GetPageAsync("/account/notifications");
        var boxes = settings.QuerySelectorAll("form[data-testid=notification-settings] input[type=checkbox]").ToList();
        Assert.Contains(boxes, b => b.GetAttribute("value") == Notifier.ProgrammeSubmitted && b.HasAttribute("checked"));
        Assert.DoesNotContain(boxes, b => b.GetAttribute("value") == Notifier.CompanyApproved);
        // Everything but the submitted programme stays ticked.
        await PostAsync(quietClient, "/account/notifications", "/account/notifications",
            [.. boxes.Select(b => b.GetAttribute("value")!).Where(k => k != Notifier.ProgrammeSubmitted).Select(k => new KeyValuePair<string, string>("ByMail", k))]);
        var saved = await quietClient.GetPageAsync("/account/notifications");
        Assert.False(saved.QuerySelector($"input[value={Notifier.ProgrammeSubmitted}]")!.HasAttribute("checked"));
        Assert.True(saved.QuerySelector($"input[value={Notifier.ProgrammeChanged}]")!.HasAttribute("checked"));

        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var ministry = factory.CreatePortalClient();
        await ministry.LoginAsAsync(DemoOptions.MinistryEmail);
        var page = $"/programme/{s.MissionId}";
        var title = await factory.QueryAsync(db => db.Missions.Where(m => m.Id == s.MissionId).Select(m => m.Title).SingleAsync());

        await PostAsync(agency, page, $"{page}/submit");
        var submitted = MailFolder.Of(await WaitAllAsync(DemoOptions.MinistryEmail, Notifier.ProgrammeSubmitted), DemoOptions.MinistryEmail, Notifier.ProgrammeSubmitted)
            .Single(m => (m.Subject ?? string.Empty).Contains(title, StringComparison.Ordinal));
        Assert.Equal($"Программа миссии «{title}» ждёт согласования", submitted.Subject);
        Assert.Equal(page, MailFolder.LinkIn(submitted, page));

        // Switched off: no letter, but the notice is in the list and counted.
        Assert.False(await factory.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == quiet && m.Kind == Notifier.ProgrammeSubmitted)));
        Assert.Empty(MailFolder.Of(MailFolder.Read(factory.DataPath), quiet, Notifier.ProgrammeSubmitted));
        var quietList = await quietClient.GetPageAsync("/notifications");
        Assert.Contains($"Программа миссии «{title}» ждёт согласования", quietList.QuerySelector("[data-testid=notifications]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", (await quietClient.GetPageAsync("/")).QuerySelector("[data-testid=unread-count]")!.TextContent.Trim());

        await PostAsync(ministry, page, $"{page}/return", new KeyValuePair<string, string>("Comment", "Добавьте трансфер в Железногорск"));
        var returned = (await WaitAllAsync(DemoOptions.AgencyEmail, Notifier.ProgrammeReturned)).Where(m => (m.Subject ?? string.Empty).Contains(title, StringComparison.Ordinal)).Single();
        Assert.Equal($"Программа миссии «{title}» возвращена", returned.Subject);
        Assert.Contains("Комментарий: Добавьте трансфер в Железногорск", returned.TextBody, StringComparison.Ordinal);

        await PostAsync(agency, page, $"{page}/submit");
        await PostAsync(ministry, page, $"{page}/approve");
        var approved = (await WaitAllAsync(DemoOptions.AgencyEmail, Notifier.ProgrammeApproved)).Where(m => (m.Subject ?? string.Empty).Contains(title, StringComparison.Ordinal)).Single();
        Assert.Equal($"Программа миссии «{title}» согласована", approved.Subject);
        Assert.Contains("Открыть программу</a>", Html(approved), StringComparison.Ordinal);
    }

    /// <summary>The letters of a kind to an address, once at least one has been written.</summary>
    private async Task<List<MimeKit.MimeMessage>> WaitAllAsync(string to, string kind)
    {
        await MailFolder.WaitForAsync(factory.DataPath, to, kind);
        return MailFolder.Of(MailFolder.Read(factory.DataPath), to, kind);
    }
}
