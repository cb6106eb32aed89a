using MissionPortal.Web.Features.Catalogue;

namespace MissionPortal.UnitTests.Catalogue;

public class PagerTests
{
    private static IReadOnlyList<int?> Links(int page, int pages) =>
        new CataloguePageViewModel { Filter = new CatalogueFilter { Page = page }, Pages = pages }.PageLinks;

    [Fact]
    public void A_few_pages_are_all_linked()
    {
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], Links(4, 7));
        Assert.Equal([1, 2], Links(1, 2));
    }

    [Fact]
    public void Thousands_of_pages_get_the_ends_and_the_neighbours_of_the_current_one_with_gaps_between()
    {
        Assert.Equal([1, 2, 3, null, 2999, 3000], Links(1, 3000));
        Assert.Equal([1, 2, null, 1498, 1499, 1500, 1501, 1502, null, 2999, 3000], Links(1500, 3000));
        Assert.Equal([1, 2, null, 2998, 2999, 3000], Links(3000, 3000));
        Assert.Equal([1, 2, 3, 4, 5, 6, null, 2999, 3000], Links(4, 3000));
    }
}
