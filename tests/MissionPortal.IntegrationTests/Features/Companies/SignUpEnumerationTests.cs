using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Companies;

/// <summary>
/// Sign-up answers the same whether the address or the ИНН is known (OWASP ASVS 2.2.1/3.2): always «Проверьте почту»;
/// the mailbox learns the truth, and an account signs in only once its address is confirmed.
/// </summary>
public class SignUpEnumerationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Inn = "2460069527";
    private const string Ogrn = "1052460054327";
    private const string Password = "Енисей-техно-2026";

    private async Task<HttpResponseMessage> SignUpAsync(string email, string inn, string ogrn)
    {
        var region = await factory.QueryAsync(db => db.Regions.Where(r => r.Name == "Красноярский край").Select(r => r.Id).SingleAsync());
        return await factory.CreatePortalClient().SubmitFormAsync("/registration", "form[data-testid=signup-form]",
        [
            new("Email", email), new("Password", Password), new("CompanyName", "ООО «Енисей Техно»"), new("Inn", inn), new("Ogrn", ogrn),
            new("RegionId", region.ToString(CultureInfo.InvariantCulture)), new("ContactPerson", "Соколова Вера Петровна"), new("PersonalDataConsent", "true"),
        ]);
    }

    private Task<(int Organizations, int Users, int Requests)> CountsAsync() =>
        factory.QueryAsync(async db => (await db.Organizations.CountAsync(), await db.Users.CountAsync(), await db.CompanyJoinRequests.CountAsync()));

    /// <summary>The refusal the login form shows for this address and password.</summary>
    private async Task<string> LoginRefusalAsync(string email, string password)
    {
        using var response = await factory.CreatePortalClient().LoginAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return page.QuerySelector("form .alert-danger")!.TextContent.Trim();
    }

    [Fact]
    public async Task A_known_address_gets_the_same_answer_as_a_new_one_nothing_is_created_and_its_mailbox_is_told()
    {
        var before = await CountsAsync();

        using var known = await SignUpAsync(DemoOptions.CompanyEmail, Inn, Ogrn);
        Assert.Equal(before, await CountsAsync());
        var fresh = $"new-{Guid.NewGuid():N}@enisey-techno.ru";
        using var unknown = await SignUpAsync(fresh, Inn, Ogrn);

        Assert.Equal((HttpStatusCode.Redirect, "/registration/sent"), (known.StatusCode, known.Headers.Location?.OriginalString));
        Assert.Equal((HttpStatusCode.Redirect, "/registration/sent"), (unknown.StatusCode, unknown.Headers.Location?.OriginalString));
        Assert.NotNull((await factory.CreatePortalClient().GetPageAsync("/registration/sent")).QuerySelector("[data-testid=sign-up-sent]"));
        Assert.Equal((before.Organizations + 1, before.Users + 1, before.Requests), await CountsAsync());

        var warning = await MailFolder.WaitForAsync(factory.DataPath, DemoOptions.CompanyEmail, AccountMail.SignUpAgainKind);
        Assert.Contains("уже есть учётная запись", warning.TextBody, StringComparison.Ordinal);
        Assert.Equal("/account/login", MailFolder.LinkIn(warning, "/account/login"));
        Assert.Equal("/account/forgot-password", MailFolder.LinkIn(warning, "/account/forgot-password"));
        Assert.Empty(MailFolder.Of(MailFolder.Read(factory.DataPath), DemoOptions.CompanyEmail, AccountMail.SignUpConfirmKind));
        await MailFolder.WaitForAsync(factory.DataPath, fresh, AccountMail.SignUpConfirmKind);
        // The demo company's account is as it was: it still signs in with its own password.
        await factory.CreatePortalClient().LoginAsAsync(DemoOptions.CompanyEmail);
    }

    [Fact]
    public async Task A_known_INN_is_not_told_and_becomes_a_request_to_join_that_company_once_the_address_is_confirmed()
    {
        var company = await factory.QueryAsync(db => db.Organizations.Where(o => o.Name == DemoData.FirstKalugaCompanyName).Select(o => new { o.Id, o.Inn, o.Ogrn }).SingleAsync());
        var before = await CountsAsync();
        var email = $"colleague-{Guid.NewGuid():N}@okafarm.ru";

        using var signUp = await SignUpAsync(email, company.Inn!, company.Ogrn!);

        Assert.Equal((HttpStatusCode.Redirect, "/registration/sent"), (signUp.StatusCode, signUp.Headers.Location?.OriginalString));
        Assert.Equal((before.Organizations, before.Users + 1, before.Requests + 1), await CountsAsync());
        var user = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => new { u.Id, u.OrganizationId, u.EmailConfirmed }).SingleAsync());
        Assert.Equal(((int?)null, false), (user.OrganizationId, user.EmailConfirmed));
        Assert.Equal(company.Id, await factory.QueryAsync(db => db.CompanyJoinRequests.Where(r => r.UserId == user.Id && r.Status == JoinRequestStatus.Pending).Select(r => r.OrganizationId).SingleAsync()));

        // Not confirmed: the right password reads exactly as a wrong one, and the company's representative sees nothing yet.
        Assert.Equal(await LoginRefusalAsync(email, "Совсем-не-тот-пароль-2026"), await LoginRefusalAsync(email, Password));
        var main = factory.CreatePortalClient();
        await main.LoginAsAsync(DemoOptions.CompanyEmail);
        Assert.DoesNotContain(email, (await main.GetPageAsync("/company")).QuerySelector("[data-testid=join-requests]")?.TextContent ?? string.Empty, StringComparison.Ordinal);

        await factory.ConfirmSignUpAsync(email);

        await factory.CreatePortalClient().LoginAsAsync(email, Password);
        Assert.Contains(email, (await main.GetPageAsync("/company")).QuerySelector("[data-testid=join-requests]")!.TextContent, StringComparison.Ordinal);
        // The link works once.
        var link = MailFolder.LinkIn(await MailFolder.WaitForAsync(factory.DataPath, email, AccountMail.SignUpConfirmKind), "/registration/confirm");
        Assert.NotNull((await factory.CreatePortalClient().GetPageAsync(link)).QuerySelector("[data-testid=link-invalid]"));
    }

    [Fact]
    public async Task The_check_your_email_page_sends_the_link_again_only_to_an_address_still_waiting_and_answers_the_same_for_any()
    {
        var email = $"waiting-{Guid.NewGuid():N}@enisey-techno.ru";
        using (await SignUpAsync(email, "7707083893", "1027700132195"))
        {
        }

        await MailFolder.WaitForAsync(factory.DataPath, email, AccountMail.SignUpConfirmKind);
        var visitor = factory.CreatePortalClient();
        using var waiting = await visitor.SubmitFormAsync("/registration/sent", "form[data-testid=resend-form]", [new("Email", email)]);
        using var confirmed = await visitor.SubmitFormAsync("/registration/sent", "form[data-testid=resend-form]", [new("Email", DemoOptions.AgencyEmail)]);
        using var unknown = await visitor.SubmitFormAsync("/registration/sent", "form[data-testid=resend-form]", [new("Email", "nobody@enisey-techno.ru")]);

        Assert.All(new[] { waiting, confirmed, unknown }, r => Assert.Equal((HttpStatusCode.Redirect, "/registration/sent"), (r.StatusCode, r.Headers.Location?.OriginalString)));
        await MailFolder.WaitForAsync(factory.DataPath, email, AccountMail.SignUpConfirmKind, count: 2);
        Assert.Empty(MailFolder.Of(MailFolder.Read(factory.DataPath), DemoOptions.AgencyEmail, AccountMail.SignUpConfirmKind));

        // The second link confirms the address as well as the first would have.
        await factory.ConfirmSignUpAsync(email, letter: 2);
        await factory.CreatePortalClient().LoginAsAsync(email, Password);
    }
}
