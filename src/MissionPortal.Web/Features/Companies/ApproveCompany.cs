using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Companies;

/// <summary>The agency confirms a company that signed up: it becomes a company of the portal.</summary>
public static class ApproveCompany
{
    public sealed class Input
    {
        public int Id { get; init; }

        /// <summary>The version the agency saw in the queue.</summary>
        public Guid? Version { get; init; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            // Ids come from the route; none below 1 exists, so such a company is simply not found.
            RuleFor(x => x.Id).GreaterThan(0);
        }
    }

    public enum Outcome
    {
        Approved,
        NotFound,
        Stale,
    }

    public sealed class Handler(PortalDbContext db, IValidator<Input> validator, PortalNotices notices)
    {
        /// <summary>The outcome and the company's name.</summary>
        public async Task<(Outcome Outcome, string Name)> HandleAsync(Input input, CancellationToken ct)
        {
            if (!(await validator.ValidateAsync(input, ct)).IsValid
                || await db.Organizations.SingleOrDefaultAsync(o => o.Id == input.Id && o.Kind == OrganizationKind.Company, ct) is not { } company)
            {
                return (Outcome.NotFound, string.Empty);
            }

            if (company.IsStale(input.Version))
            {
                return (Outcome.Stale, company.Name);
            }

            db.ExpectVersion(company, input.Version);
            company.Approve();
            await notices.CompanyApprovedAsync(company, ct);
            return (await db.TrySaveAsync(ct) ? Outcome.Approved : Outcome.Stale, company.Name);
        }
    }
}
