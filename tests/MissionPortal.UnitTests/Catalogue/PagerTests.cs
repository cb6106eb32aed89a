using MissionPortal.Web.Features.Catalogue;

namespace MissionPortal.UnitTests.Catalogue;

public class PagerTests
{
    private static CataloguePageViewModel Pager(int page, int total, bool moreThanTotal = false) =>
        new() { Filter = new CatalogueFilter { Page = page }, Total = total, MoreThanTotal = moreThanTotal };

    private static IReadOnlyList<int?> Links(int page, int pages) => Pager(page, pages * CatalogueController.PageSize).PageLinks;

    [Fact]
    public void A_few_pages_are_all_linked()
    {
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], Links(4, 7));
        Assert.Equal([1, 2], Links(1, 2));
        Assert.Equal(3, Pager(1, 41).Pages);
        Assert.Equal(1, Pager(1, 0).Pages);
    }

    [Fact]
    public void Thousands_of_pages_get_the_ends_and_the_neighbours_of_the_current_one_with_gaps_between()
    {
        Assert.Equal([1, 2, 3, null, 2999, 3000], Links(1, 3000));
        Assert.Equal([1, 2, null, 1498, 1499, 1500, 1501, 1502, null, 2999, 3000], Links(1500, 3000));
        Assert.Equal([1, 2, null, 2998, 2999, 3000], Links(3000, 3000));
        Assert.Equal([1, 2, 3, 4, 5, 6, null, 2999, 3000], Links(4, 3000));
    }

    [Fact]
    public void A_count_stopped_at_its_bound_links_the_pages_it_knows_then_a_gap_and_the_next_page()
    {
        var first = Pager(1, CataloguePageViewModel.CountBound(1), moreThanTotal: true);
        Assert.Equal(100, first.Total);
        Assert.Equal([1, 2, 3, 4, 5, null], first.PageLinks);
        Assert.Equal(2, first.NextPage);

        var tenth = Pager(10, CataloguePageViewModel.CountBound(10), moreThanTotal: true);
        Assert.Equal([1, 2, null, 8, 9, 10, 11, 12, 13, 14, null], tenth.PageLinks);
        Assert.Equal(11, tenth.NextPage);
    }

    [Fact]
    public void The_next_page_is_linked_while_there_is_one()
    {
        Assert.Equal(2, Pager(1, 21).NextPage);
        Assert.Null(Pager(2, 21).NextPage);
        Assert.Null(Pager(1, 20).NextPage);
        Assert.Null(Pager(5, 20).NextPage);
    }
}
