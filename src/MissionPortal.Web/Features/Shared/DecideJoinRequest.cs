using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Organizations;

namespace MissionPortal.Web.Features.Shared;

/// <summary>
/// The decision on a request to join a company, by the agency (any request) or by the company's main user (its own
/// company's): approving adds the user to the company; either way the request is closed.
/// </summary>
public static class DecideJoinRequest
{
    public sealed class Input
    {
        public int RequestId { get; init; }

        public bool Approve { get; init; }

        /// <summary>The company whose requests the decider may answer; null for the agency, who answers any.</summary>
        public int? CompanyId { get; init; }

        /// <summary>The name the decision is recorded under.</summary>
        public string DecidedBy { get; init; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            // Ids come from the route; none below 1 exists, so such a request is simply not found.
            RuleFor(x => x.RequestId).GreaterThan(0);
        }
    }

    /// <summary>Decided, with the line to show; or not found (no such pending request that the decider may answer).</summary>
    public sealed record Result(bool Found, string Message);

    public sealed class Handler(PortalDbContext db, UserManager<PortalUser> users, IValidator<Input> validator, IStringLocalizer<SharedResource> l, PortalNotices notices)
    {
        public async Task<Result> HandleAsync(Input input, CancellationToken ct)
        {
            var notFound = new Result(false, string.Empty);
            if (!(await validator.ValidateAsync(input, ct)).IsValid)
            {
                return notFound;
            }

            var request = await db.CompanyJoinRequests.SingleOrDefaultAsync(
                r => r.Id == input.RequestId && r.Status == JoinRequestStatus.Pending && (input.CompanyId == null || r.OrganizationId == input.CompanyId), ct);
            if (request is null || await users.FindByIdAsync(request.UserId) is not { EmailConfirmed: true } user)
            {
                return notFound;
            }

            // Raised first: saved with the decision, by whichever save below writes it.
            await notices.JoinRequestDecidedAsync(user, request.OrganizationId, input.Approve, ct);
            if (input.Approve)
            {
                request.Approve(input.DecidedBy);
                user.OrganizationId = request.OrganizationId;
                await users.UpdateAsync(user);
                await users.UpdateSecurityStampAsync(user);
            }
            else
            {
                request.Reject(input.DecidedBy);
            }

            await db.SaveChangesAsync(ct);
            return new Result(true, (input.Approve
                ? l["{0} присоединён к компании.", user.DisplayName]
                : l["Запрос {0} отклонён.", user.DisplayName]).Value);
        }
    }
}
