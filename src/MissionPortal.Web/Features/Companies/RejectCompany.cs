using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Companies;

/// <summary>The agency turns down a company that signed up, with a reason the company sees.</summary>
public static class RejectCompany
{
    public const int ReasonLength = 1000;

    public sealed class Input
    {
        public int Id { get; init; }

        public string? Reason { get; init; }

        /// <summary>The version the agency saw in the queue.</summary>
        public Guid? Version { get; init; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Reason)
                .Must(r => !string.IsNullOrWhiteSpace(r) && r.Trim().Length <= ReasonLength)
                .WithMessage(l["Укажите причину отказа (до 1000 символов): её увидит компания."]);
        }
    }

    public enum Outcome
    {
        Rejected,
        NotFound,
        Stale,
        Refused,
    }

    /// <summary>What happened, the company's name, and the reason for a refusal.</summary>
    public sealed record Result(Outcome Outcome, string Name, string? Refusal = null);

    public sealed class Handler(PortalDbContext db, IValidator<Input> validator, PortalNotices notices)
    {
        public async Task<Result> HandleAsync(Input input, CancellationToken ct)
        {
            var company = await db.Organizations.SingleOrDefaultAsync(o => o.Id == input.Id && o.Kind == OrganizationKind.Company, ct);
            if (company is null)
            {
                return new Result(Outcome.NotFound, string.Empty);
            }

            if (company.IsStale(input.Version))
            {
                return new Result(Outcome.Stale, company.Name);
            }

            // A stale decision is told before a missing reason: the agency first sees what the company is now.
            var validation = await validator.ValidateAsync(input, ct);
            if (!validation.IsValid)
            {
                return new Result(Outcome.Refused, company.Name, validation.Errors[0].ErrorMessage);
            }

            db.ExpectVersion(company, input.Version);
            company.Reject(input.Reason!.Trim());
            await notices.CompanyDeclinedAsync(company, input.Reason!.Trim(), ct);
            return new Result(await db.TrySaveAsync(ct) ? Outcome.Rejected : Outcome.Stale, company.Name);
        }
    }
}
