using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Security;
using MissionPortal.Web.Features.Programme;
using MissionPortal.Web.Infrastructure.Database;
using MissionPortal.Web.Infrastructure.Identity;

namespace MissionPortal.Web.Features.Catalogue;

public sealed class CatalogueFilter
{
    public string? Q { get; set; }

    public string? Category { get; set; }

    public int? RegionId { get; set; }

    public int? MissionId { get; set; }

    public int Page { get; set; } = 1;
}

public sealed record CatalogueItemViewModel(int Id, string Name, string Category, string Description, string? Okpd2Code, string? SupplyTerms, string Company, string Region, Guid? ImageId, Guid? BrochureId);

public sealed class CataloguePageViewModel
{
    public required CatalogueFilter Filter { get; init; }

    public IReadOnlyList<CatalogueItemViewModel> Items { get; init; } = [];

    public int Total { get; init; }

    public int Pages { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<OptionViewModel> Regions { get; init; } = [];

    public IReadOnlyList<OptionViewModel> Missions { get; init; } = [];

    /// <summary>
    /// The page numbers the pager links to: the first two, the last two and two either side of the current one,
    /// a null where numbers are left out — a few links whatever the number of pages.
    /// </summary>
    public IReadOnlyList<int?> PageLinks
    {
        get
        {
            var shown = Enumerable.Range(1, Math.Min(2, Pages))
                .Concat(Enumerable.Range(Filter.Page - 2, 5))
                .Concat(Enumerable.Range(Math.Max(1, Pages - 1), Math.Min(2, Pages)))
                .Where(n => n >= 1 && n <= Pages)
                .Distinct()
                .Order()
                .ToList();
            var links = new List<int?>();
            foreach (var number in shown)
            {
                if (links.Count > 0 && links[^1] is { } previous && number > previous + 1)
                {
                    links.Add(null);
                }

                links.Add(number);
            }

            return links;
        }
    }
}

/// <summary>
/// The products of approved companies: the agency and the ministry see all of them; a company sees
/// those of the companies taking part in its own missions. Search ignores case in Russian.
/// </summary>
[Authorize(Policy = Policies.BrowseCatalogue)]
[Route("catalogue")]
public class CatalogueController(PortalDbContext db, ReferenceData reference, TimeProvider clock) : Controller
{
    public const int PageSize = 20;

    /// <summary>
    /// The mission filter offers the missions one would pick: those under way or starting within this many months and
    /// those that ended in the last twelve, and the chosen one whatever its dates (a link from another page may choose
    /// any). A company is offered all of its own, as few as they are.
    /// </summary>
    public const int UpcomingMonths = 3;

    [HttpGet("")]
    public async Task<IActionResult> Index(CatalogueFilter filter, CancellationToken ct)
    {
        filter.Page = Math.Clamp(filter.Page, 1, 10_000);
        var products = db.Products.AsNoTracking();
        var visibleMissions = db.Missions.AsNoTracking().AsQueryable();
        if (!User.SeesAllMissions())
        {
            var own = User.OrganizationId() ?? -1;
            visibleMissions = visibleMissions.Where(m => m.Delegations.Any(d => d.Participants.Any(p => p.OrganizationId == own)));
            var companies = visibleMissions.SelectMany(m => m.Delegations).SelectMany(d => d.Participants)
                .Where(p => p.Status == ParticipantStatus.Approved && p.OrganizationId != null).Select(p => p.OrganizationId!.Value);
            products = products.Where(p => p.OrganizationId == own || companies.Contains(p.OrganizationId));
        }

        if (filter.MissionId is { } missionId)
        {
            var inMission = db.Participants.Where(p => p.Delegation!.MissionId == missionId && p.OrganizationId != null).Select(p => p.OrganizationId!.Value);
            products = products.Where(p => inMission.Contains(p.OrganizationId));
        }

        if (filter.RegionId is { } regionId)
        {
            products = products.Where(p => p.Organization!.RegionId == regionId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Category))
        {
            products = products.Where(p => p.Category == filter.Category);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            products = CatalogueSearch.Matching(db, products, filter.Q);
        }

        // The products of approved companies, in the form each command runs fastest in. The count: a join, index-only on
        // both sides. The page: without a search term most products qualify, so an EXISTS per product lets SQLite walk the
        // name index and stop after the page (a join would sort every product first); a search term keeps few of them, so
        // the join scans once and sorts only the matches (walking the name index would visit every row out of order).
        var searching = !string.IsNullOrWhiteSpace(filter.Q);
        var total = await products.Where(p => p.Organization!.Status == OrganizationStatus.Approved).CountAsync(ct);
        var items = await (searching
                ? products.Where(p => p.Organization!.Status == OrganizationStatus.Approved)
                : products.Where(p => db.Organizations.Any(o => o.Id == p.OrganizationId && o.Status == OrganizationStatus.Approved)))
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Skip((filter.Page - 1) * PageSize).Take(PageSize)
            .Select(p => new CatalogueItemViewModel(
                p.Id,
                p.Name,
                p.Category,
                p.Description,
                p.Okpd2Code,
                p.SupplyTerms,
                p.Organization!.ShortName ?? p.Organization.Name,
                p.Organization.Region!.Name,
                db.StoredFiles.Where(f => f.ProductId == p.Id && f.Kind == StoredFileKind.ProductImage).OrderBy(f => f.CreatedAtUtc).Select(f => (Guid?)f.Id).FirstOrDefault(),
                db.StoredFiles.Where(f => f.ProductId == p.Id && f.Kind == StoredFileKind.Brochure).Select(f => (Guid?)f.Id).FirstOrDefault()))
            .ToListAsync(ct);

        return View(new CataloguePageViewModel
        {
            Filter = filter,
            Items = items,
            Total = total,
            Pages = Math.Max(1, (total + PageSize - 1) / PageSize),
            Categories = await reference.ProductCategoriesAsync(ct),
            Regions = await reference.RegionsAsync(ct),
            Missions = await OfferedMissions(visibleMissions, filter.MissionId).OrderByDescending(m => m.StartDate).Select(m => new OptionViewModel(m.Id, m.Title)).ToListAsync(ct),
        });
    }

    private IQueryable<Mission> OfferedMissions(IQueryable<Mission> visible, int? chosen)
    {
        if (!User.SeesAllMissions())
        {
            return visible;
        }

        var today = HostCalendar.Today(clock);
        var endedSince = today.AddMonths(-12);
        var startsBy = today.AddMonths(UpcomingMonths);
        return visible.Where(m => m.Id == chosen || (m.EndDate >= endedSince && m.StartDate <= startsBy));
    }
}
