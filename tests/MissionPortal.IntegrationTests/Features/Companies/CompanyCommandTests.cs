using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Features.Companies;
using MissionPortal.Web.Features.Profile;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.IntegrationTests.Features.Companies;

/// <summary>The agency's and the companies' decisions taken by their handlers, below HTTP, on the portal's real database.</summary>
public class CompanyCommandTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly CultureInfo Russian = new("ru-RU");

    private static string Unique(int length) => string.Concat(Guid.NewGuid().ToString("N").Where(char.IsDigit).Concat(new string('7', length)).Take(length));

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> act)
    {
        CultureInfo.CurrentUICulture = Russian;
        await using var scope = factory.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider);
    }

    private Task<int> CompanyAsync(string? inn = null, bool pending = true) => InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var region = await db.Regions.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        var company = new Organization("ООО «Проверка " + Unique(6) + "»", OrganizationKind.Company, region);
        if (inn is not null)
        {
            company.WithLegalData(inn, null);
        }

        if (pending)
        {
            company.MarkPending();
        }

        db.Organizations.Add(company);
        await db.SaveChangesAsync();
        return company.Id;
    });

    /// <summary>The company's version as a page would show it now.</summary>
    private Task<Guid> VersionOf(int companyId) => factory.QueryAsync(db => db.Organizations.Where(o => o.Id == companyId).Select(o => o.Version).SingleAsync());

    /// <summary>A user who signed up with the ИНН of <paramref name="companyId"/> and asks to join it.</summary>
    private Task<(int RequestId, string UserId)> JoinRequestAsync(int companyId) => InScopeAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var email = $"joiner-{Guid.NewGuid():N}@example.ru";
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Желающий Присоединиться" };
        Assert.True((await users.CreateAsync(user, Accounts.Password)).Succeeded);
        var db = services.GetRequiredService<PortalDbContext>();
        var request = new CompanyJoinRequest(user.Id, companyId, DateTime.UtcNow);
        db.CompanyJoinRequests.Add(request);
        await db.SaveChangesAsync();
        return (request.Id, user.Id);
    });

    [Fact]
    public async Task A_companys_main_user_cannot_answer_a_request_to_join_another_company()
    {
        var requested = await CompanyAsync();
        var other = await CompanyAsync();
        var (requestId, userId) = await JoinRequestAsync(requested);

        var decided = await InScopeAsync(services => services.GetRequiredService<DecideJoinRequest.Handler>()
            .HandleAsync(new DecideJoinRequest.Input { RequestId = requestId, Approve = true, CompanyId = other, DecidedBy = "Чужой Представитель" }, default));

        Assert.False(decided.Found);
        var stored = await factory.QueryAsync(db => db.CompanyJoinRequests.SingleAsync(r => r.Id == requestId));
        Assert.Equal(JoinRequestStatus.Pending, stored.Status);
        Assert.Null(await factory.QueryAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.OrganizationId).SingleAsync()));
    }

    [Fact]
    public async Task The_agency_approves_any_request_to_join_and_the_user_joins_the_company()
    {
        var company = await CompanyAsync();
        var (requestId, userId) = await JoinRequestAsync(company);

        var decided = await InScopeAsync(services => services.GetRequiredService<DecideJoinRequest.Handler>()
            .HandleAsync(new DecideJoinRequest.Input { RequestId = requestId, Approve = true, CompanyId = null, DecidedBy = "Агентство" }, default));

        Assert.True(decided.Found);
        Assert.Equal("Желающий Присоединиться присоединён к компании.", decided.Message);
        var stored = await factory.QueryAsync(db => db.CompanyJoinRequests.SingleAsync(r => r.Id == requestId));
        Assert.Equal((JoinRequestStatus.Approved, "Агентство"), (stored.Status, stored.DecidedBy));
        Assert.Equal(company, await factory.QueryAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.OrganizationId).SingleAsync()));

        var again = await InScopeAsync(services => services.GetRequiredService<DecideJoinRequest.Handler>()
            .HandleAsync(new DecideJoinRequest.Input { RequestId = requestId, Approve = false, DecidedBy = "Агентство" }, default));
        Assert.False(again.Found);
    }

    [Fact]
    public async Task A_rejection_without_a_reason_is_refused_and_changes_nothing()
    {
        var company = await CompanyAsync();
        var version = await VersionOf(company);

        var result = await InScopeAsync(services => services.GetRequiredService<RejectCompany.Handler>()
            .HandleAsync(new RejectCompany.Input { Id = company, Reason = "   ", Version = version }, default));

        Assert.Equal(RejectCompany.Outcome.Refused, result.Outcome);
        Assert.Equal("Укажите причину отказа (до 1000 символов): её увидит компания.", result.Refusal);
        Assert.Equal(OrganizationStatus.Pending, await factory.QueryAsync(db => db.Organizations.Where(o => o.Id == company).Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_decision_on_an_older_version_is_stale_before_its_reason_is_judged()
    {
        var company = await CompanyAsync();

        var rejected = await InScopeAsync(services => services.GetRequiredService<RejectCompany.Handler>()
            .HandleAsync(new RejectCompany.Input { Id = company, Reason = null, Version = Guid.NewGuid() }, default));
        var approved = await InScopeAsync(services => services.GetRequiredService<ApproveCompany.Handler>()
            .HandleAsync(new ApproveCompany.Input { Id = company, Version = Guid.NewGuid() }, default));

        Assert.Equal(RejectCompany.Outcome.Stale, rejected.Outcome);
        Assert.Equal(ApproveCompany.Outcome.Stale, approved.Outcome);
        Assert.Equal(OrganizationStatus.Pending, await factory.QueryAsync(db => db.Organizations.Where(o => o.Id == company).Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_rejection_keeps_its_reason_trimmed_and_only_companies_are_approved()
    {
        var company = await CompanyAsync();
        var authority = await InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            return await db.Organizations.Where(o => o.Kind != OrganizationKind.Company).Select(o => o.Id).FirstAsync();
        });

        var (companyVersion, authorityVersion) = (await VersionOf(company), await VersionOf(authority));

        var rejected = await InScopeAsync(services => services.GetRequiredService<RejectCompany.Handler>()
            .HandleAsync(new RejectCompany.Input { Id = company, Reason = "  Нет выписки из ЕГРЮЛ  ", Version = companyVersion }, default));
        var notACompany = await InScopeAsync(services => services.GetRequiredService<ApproveCompany.Handler>()
            .HandleAsync(new ApproveCompany.Input { Id = authority, Version = authorityVersion }, default));

        Assert.Equal(RejectCompany.Outcome.Rejected, rejected.Outcome);
        var stored = await factory.QueryAsync(db => db.Organizations.Where(o => o.Id == company).Select(o => new { o.Status, o.RejectionReason }).SingleAsync());
        Assert.Equal((OrganizationStatus.Rejected, "Нет выписки из ЕГРЮЛ"), (stored.Status, stored.RejectionReason));
        Assert.Equal(ApproveCompany.Outcome.NotFound, notACompany.Outcome);
    }

    [Fact]
    public async Task A_profile_cannot_take_the_INN_of_another_company()
    {
        var taken = Unique(10);
        await CompanyAsync(taken, pending: false);
        var company = await CompanyAsync(Unique(10), pending: false);

        var result = await InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var input = SaveProfile.Input.From(await db.Organizations.SingleAsync(o => o.Id == company));
            input.Inn = taken;
            return await services.GetRequiredService<SaveProfile.Handler>().HandleAsync(input, default);
        });

        Assert.Equal(new SaveProfile.Result(SaveProfile.Outcome.Refused, nameof(SaveProfile.Input.Inn), "Компания с таким ИНН уже есть на портале."), result);
        Assert.NotEqual(taken, await factory.QueryAsync(db => db.Organizations.Where(o => o.Id == company).Select(o => o.Inn).SingleAsync()));
    }
}
