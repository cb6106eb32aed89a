using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;

namespace MissionPortal.Web.Features.Shared;

public sealed record JoinRequestViewModel(int Id, string Company, int CompanyId, string UserName, string Email, DateTime CreatedAtUtc);

/// <summary>Requests to join a company, read by the agency's companies page and by a company's profile.</summary>
public static class JoinRequestQueries
{
    /// <summary>
    /// Pending requests to join a company, from addresses that have been confirmed; all of them for the agency, one
    /// company's for its main user.
    /// </summary>
    public static IQueryable<JoinRequestViewModel> Pending(PortalDbContext db, int? companyId) =>
        from request in db.CompanyJoinRequests.AsNoTracking()
        join user in db.Users on request.UserId equals user.Id
        join company in db.Organizations on request.OrganizationId equals company.Id
        where request.Status == JoinRequestStatus.Pending && user.EmailConfirmed && (companyId == null || request.OrganizationId == companyId)
        orderby request.CreatedAtUtc
        select new JoinRequestViewModel(request.Id, company.Name, company.Id, user.DisplayName, user.Email ?? string.Empty, request.CreatedAtUtc);
}
