using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Domain.Auditing;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Features.Registration;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.IntegrationTests.Features.Companies;

/// <summary>
/// A sign-up whose address is never confirmed is deleted after <see cref="ExpiredSignUps.Period"/> with the pending
/// company it made, so its ИНН is free again: the real company signing up later gets its own company, not a request to
/// join a ghost. The clock is the test's: each test moves it forward from where it stands.
/// </summary>
public class ExpiredSignUpTests(ClockFactory factory) : IClassFixture<ClockFactory>
{
    private const string Password = "Енисей-техно-2026";
    private static int _next;

    /// <summary>A valid ИНН and ОГРН no other test or the demo uses.</summary>
    private static (string Inn, string Ogrn) NewCompany()
    {
        var n = Interlocked.Increment(ref _next).ToString("D4", CultureInfo.InvariantCulture);
        return (LegalIdentifiers.CompleteInn("24619" + n), LegalIdentifiers.CompleteOgrn("10524690" + n));
    }

    private async Task SignUpAsync(string email, (string Inn, string Ogrn) company)
    {
        var region = await factory.QueryAsync(db => db.Regions.Where(r => r.Name == "Красноярский край").Select(r => r.Id).SingleAsync());
        using var response = await factory.CreatePortalClient().SubmitFormAsync("/registration", "form[data-testid=signup-form]",
        [
            new("Email", email), new("Password", Password), new("CompanyName", "ООО «Енисей Техно»"), new("Inn", company.Inn), new("Ogrn", company.Ogrn),
            new("RegionId", region.ToString(CultureInfo.InvariantCulture)), new("ContactPerson", "Соколова Вера Петровна"), new("PersonalDataConsent", "true"),
        ]);
        Assert.Equal((HttpStatusCode.Redirect, "/registration/sent"), (response.StatusCode, response.Headers.Location?.OriginalString));
    }

    private static string Email(string who) => $"{who}-{Guid.NewGuid():N}@enisey-techno.ru";

    private void Advance(TimeSpan by) => factory.Clock.UtcNow += by;

    private Task<int> RunJobAsync() => factory.Services.GetRequiredService<ExpiredSignUpsJob>().RunOnceAsync(CancellationToken.None);

    private async Task<string> LinkOfAsync(string email) =>
        MailFolder.LinkIn(await MailFolder.WaitForAsync(factory.DataPath, email, AccountMail.SignUpConfirmKind), "/registration/confirm");

    /// <summary>The user's company (id, pending, main) and whether they asked to join one; null when the account is gone.</summary>
    private Task<(int? Company, bool Main, int Requests)?> AccountAsync(string email) => factory.QueryAsync(async db =>
        await db.Users.Where(u => u.Email == email).Select(u => new { u.OrganizationId, u.IsCompanyMain, u.Id }).SingleOrDefaultAsync() is { } user
            ? ((int?, bool, int)?)(user.OrganizationId, user.IsCompanyMain, await db.CompanyJoinRequests.CountAsync(r => r.UserId == user.Id))
            : null);

    private Task<List<(int Id, OrganizationStatus Status)>> CompaniesWithAsync(string inn) => factory.QueryAsync(async db =>
        (await db.Organizations.Where(o => o.Inn == inn).Select(o => new { o.Id, o.Status }).ToListAsync()).Select(o => (o.Id, o.Status)).ToList());

    private static void AssertExpiredPage(HttpResponseMessage response, string html)
    {
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var page = new HtmlParser().ParseDocument(html);
        Assert.Contains("Срок подтверждения регистрации истёк", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("7 дней", page.QuerySelector("[data-testid=sign-up-expired]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/registration']"));
    }

    [Fact]
    public async Task An_unconfirmed_sign_up_is_deleted_after_seven_days_with_its_company_and_its_INN_makes_a_new_company()
    {
        var ghost = NewCompany();
        var kept = NewCompany();
        var younger = NewCompany();
        var ghostEmail = Email("ghost");
        var confirmedEmail = Email("confirmed");
        var youngerEmail = Email("younger");

        await SignUpAsync(ghostEmail, ghost);
        await SignUpAsync(confirmedEmail, kept);
        var ghostLink = await LinkOfAsync(ghostEmail);
        var ghostAccount = await AccountAsync(ghostEmail);
        Assert.Equal(ghostAccount!.Value.Company, Assert.Single(await CompaniesWithAsync(ghost.Inn)).Id);
        var ghostUserId = await factory.QueryAsync(db => db.Users.Where(u => u.Email == ghostEmail).Select(u => u.Id).SingleAsync());

        // Confirmed an hour after signing up: stays, however old.
        Advance(TimeSpan.FromHours(1));
        await factory.ConfirmSignUpAsync(confirmedEmail);
        Advance(TimeSpan.FromDays(2));
        await SignUpAsync(youngerEmail, younger);

        // Eight days after the first sign-ups, six after the younger one.
        Advance(TimeSpan.FromDays(6) - TimeSpan.FromHours(1));
        var auditBefore = await factory.QueryAsync(db => db.AuditEntries.CountAsync());
        // Another test's sign-ups may expire in the same run: this one counts at least the ghost.
        Assert.True(await RunJobAsync() >= 1, "nothing was deleted");

        Assert.Null(await AccountAsync(ghostEmail));
        Assert.Empty(await CompaniesWithAsync(ghost.Inn));
        Assert.Equal(OrganizationStatus.Pending, Assert.Single(await CompaniesWithAsync(kept.Inn)).Status);
        Assert.NotNull(await AccountAsync(confirmedEmail));
        Assert.Equal(Assert.Single(await CompaniesWithAsync(younger.Inn)).Id, (await AccountAsync(youngerEmail))!.Value.Company);
        await factory.CreatePortalClient().LoginAsAsync(confirmedEmail, Password);

        // On the record, under the portal's name: the account, its role and its company.
        var companyId = ghostAccount.Value.Company!.Value.ToString(CultureInfo.InvariantCulture);
        var audit = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.UserName == ExpiredSignUps.Actor && a.Action == AuditAction.Deleted)
            .Select(a => new { a.EntityType, a.EntityId }).ToListAsync());
        Assert.Contains(audit, a => a.EntityType == "PortalUser" && a.EntityId == ghostUserId);
        Assert.Contains(audit, a => a.EntityType == "IdentityUserRole");
        Assert.Contains(audit, a => a.EntityType == "Organization" && a.EntityId == companyId);

        // A second run finds nothing and records nothing.
        var auditAfter = await factory.QueryAsync(db => db.AuditEntries.CountAsync());
        Assert.True(auditAfter > auditBefore);
        Assert.Equal(0, await RunJobAsync());
        Assert.Equal(auditAfter, await factory.QueryAsync(db => db.AuditEntries.CountAsync()));

        // The old link says what happened, in Russian and in English, and confirms nothing.
        var visitor = factory.CreatePortalClient();
        using (var opened = await visitor.GetAsync(ghostLink))
        {
            AssertExpiredPage(opened, await opened.Content.ReadAsStringAsync());
        }

        using (await visitor.SwitchLanguageAsync("en-US", "/registration"))
        {
        }

        using (var english = await visitor.GetAsync(ghostLink))
        {
            Assert.Equal(HttpStatusCode.Gone, english.StatusCode);
            Assert.Contains("The address was not confirmed within 7 days", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The real company signs up with the freed ИНН: a new company waiting for the agency, not a request to join.
        var realEmail = Email("real");
        await SignUpAsync(realEmail, ghost);
        var real = await AccountAsync(realEmail);
        var company = Assert.Single(await CompaniesWithAsync(ghost.Inn));
        Assert.Equal(((int?)company.Id, true, 0), real);
        Assert.Equal(OrganizationStatus.Pending, company.Status);
        Assert.NotEqual(ghostAccount.Value.Company, company.Id);
    }

    [Fact]
    public async Task A_sign_up_with_the_INN_of_an_expired_ghost_not_cleaned_yet_makes_a_new_company()
    {
        var ghost = NewCompany();
        var ghostEmail = Email("ghost");
        await SignUpAsync(ghostEmail, ghost);
        var ghostLink = await LinkOfAsync(ghostEmail);
        var ghostCompany = Assert.Single(await CompaniesWithAsync(ghost.Inn)).Id;

        Advance(TimeSpan.FromDays(8));

        // Expired but still there: its link no longer confirms it, and says why.
        var visitor = factory.CreatePortalClient();
        using (var opened = await visitor.GetAsync(ghostLink))
        {
            AssertExpiredPage(opened, await opened.Content.ReadAsStringAsync());
        }

        Assert.NotNull(await AccountAsync(ghostEmail));

        var realEmail = Email("real");
        await SignUpAsync(realEmail, ghost);

        Assert.Null(await AccountAsync(ghostEmail));
        var company = Assert.Single(await CompaniesWithAsync(ghost.Inn));
        Assert.NotEqual(ghostCompany, company.Id);
        Assert.Equal(((int?)company.Id, true, 0), await AccountAsync(realEmail));
        Assert.Equal(0, await factory.QueryAsync(db => db.CompanyJoinRequests.CountAsync(r => r.OrganizationId == company.Id)));
    }

    [Fact]
    public async Task An_expired_request_to_join_goes_and_the_company_it_asked_to_join_stays()
    {
        var company = NewCompany();
        var mainEmail = Email("main");
        var colleagueEmail = Email("colleague");
        await SignUpAsync(mainEmail, company);
        await factory.ConfirmSignUpAsync(mainEmail);
        await SignUpAsync(colleagueEmail, company);
        Assert.Equal(1, (await AccountAsync(colleagueEmail))!.Value.Requests);
        var requestsBefore = await factory.QueryAsync(db => db.CompanyJoinRequests.CountAsync());

        Advance(TimeSpan.FromDays(8));
        await RunJobAsync();

        Assert.Null(await AccountAsync(colleagueEmail));
        Assert.Equal(requestsBefore - 1, await factory.QueryAsync(db => db.CompanyJoinRequests.CountAsync()));
        Assert.Single(await CompaniesWithAsync(company.Inn));
        await factory.CreatePortalClient().LoginAsAsync(mainEmail, Password);
    }
}
