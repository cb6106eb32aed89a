using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Identity;
using MissionPortal.Web.Features.Shared;

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

    /// <summary>
    /// How many pages the pager links ahead of the current one before it stops counting: the count reads at most this
    /// many pages beyond the current one, whatever the size of the catalogue.
    /// </summary>
    public const int PagesAhead = 4;

    /// <summary>The products found, or the bound the count stopped at when <see cref="MoreThanTotal"/>.</summary>
    public int Total { get; init; }

    /// <summary>The count stopped at its bound: there are more than <see cref="Total"/> products, how many is not known.</summary>
    public bool MoreThanTotal { get; init; }

    /// <summary>The pages known to exist: all of them, or (the count stopped) the full ones up to its bound.</summary>
    public int Pages => Math.Max(1, (Total + CatalogueController.PageSize - 1) / CatalogueController.PageSize);

    /// <summary>The next page's number, when there is one: known from the count, or beyond the pages known.</summary>
    public int? NextPage => Filter.Page < Pages || MoreThanTotal ? Filter.Page + 1 : null;

    /// <summary>The count's bound for a page: the products up to <see cref="PagesAhead"/> pages beyond it.</summary>
    public static int CountBound(int page) => (page + PagesAhead) * CatalogueController.PageSize;

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<OptionViewModel> Regions { get; init; } = [];

    public IReadOnlyList<OptionViewModel> Missions { get; init; } = [];

    /// <summary>
    /// The page numbers the pager links to: the first two, the last two and two either side of the current one,
    /// a null where numbers are left out — a few links whatever the number of pages. When the count stopped at its bound
    /// the last ones are the last pages known and a null follows them: more pages, not counted.
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

            if (MoreThanTotal)
            {
                links.Add(null);
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
            // From the company's own people to their missions, then to the approved people of those missions: a few index
            // look-ups. Asked the other way round (every mission: has it one of ours?), SQLite tested all of them, 150–380 ms
            // a query at 100 times the seed data.
            var own = User.OrganizationId() ?? -1;
            var ownMissions = db.Participants.Where(p => p.OrganizationId == own).Select(p => p.Delegation!.MissionId);
            visibleMissions = visibleMissions.Where(m => ownMissions.Contains(m.Id));
            var companies = db.Participants
                .Where(p => p.Status == ParticipantStatus.Approved && p.OrganizationId != null && ownMissions.Contains(p.Delegation!.MissionId))
                .Select(p => p.OrganizationId!.Value);
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

        // The count stops at a bound tied to the page: enough to draw the pager a few pages ahead. Nobody pages through
        // thousands of products, and counting them all read every qualifying index entry (60,000 at 100 times the seed
        // data); beyond the bound the page says «более N» and the pager offers the next page.
        var approved = products.Where(p => p.Organization!.Status == OrganizationStatus.Approved);
        var bound = CataloguePageViewModel.CountBound(filter.Page);
        var searching = !string.IsNullOrWhiteSpace(filter.Q);
        var counted = await (searching ? CatalogueSearch.Matching(db, approved, filter.Q!) : approved).Take(bound + 1).CountAsync(ct);
        var many = counted > bound;

        // The page, in the form SQLite runs fastest for what the count found. Many products (no search term, or a common
        // one): an EXISTS per product lets SQLite walk the name index, test each product as it comes and stop after the
        // page. Few matches of a term: a join starts from the index's matches and sorts only those (walking the name
        // index would visit every product to find them).
        var page = !searching
            ? products.Where(p => db.Organizations.Any(o => o.Id == p.OrganizationId && o.Status == OrganizationStatus.Approved))
            : many
                ? CatalogueSearch.MatchingRowByRow(db, products, filter.Q!)
                    .Where(p => db.Organizations.Any(o => o.Id == p.OrganizationId && o.Status == OrganizationStatus.Approved))
                : CatalogueSearch.Matching(db, approved, filter.Q!);
        var items = await page
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
            Total = many ? bound : counted,
            MoreThanTotal = many,
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
