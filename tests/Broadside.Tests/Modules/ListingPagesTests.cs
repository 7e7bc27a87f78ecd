using System.Collections.Immutable;
using Broadside.Modules;

namespace Broadside.Tests.Modules;

public sealed class ListingPagesTests
{
    [Theory]
    [InlineData(0, 10, new[] { 0 })]
    [InlineData(1, 10, new[] { 1 })]
    [InlineData(10, 10, new[] { 10 })]
    [InlineData(11, 10, new[] { 10, 1 })]
    [InlineData(25, 10, new[] { 10, 10, 5 })]
    [InlineData(3, 1, new[] { 1, 1, 1 })]
    public void Splits_a_list_into_pages(int items, int size, int[] expected)
    {
        var pages = ListingPages.Split([.. Enumerable.Range(0, items)], size, "tags/x/").ToList();

        Assert.Equal(expected, pages.Select(p => p.Items.Length));
        Assert.All(pages, p => Assert.Equal(expected.Length, p.Count));
        Assert.Equal(Enumerable.Range(1, expected.Length), pages.Select(p => p.Number));
        Assert.Equal(Enumerable.Range(0, items), pages.SelectMany(p => p.Items));
    }

    [Fact]
    public void The_first_page_is_the_list_itself_and_later_pages_are_below_it()
    {
        var pages = ListingPages.Split(ImmutableArray.Create(1, 2, 3), 1, "tags/x/").Select(p => p.Path);
        Assert.Equal(["tags/x/", "tags/x/page/2/", "tags/x/page/3/"], pages);
    }

    [Fact]
    public void The_home_page_paginates_from_the_site_root() =>
        Assert.Equal(["", "page/2/"], ListingPages.Split(ImmutableArray.Create(1, 2), 1, string.Empty).Select(p => p.Path));

    [Theory]
    [InlineData(1, "Labor")]
    [InlineData(2, "Labor (page 2)")]
    public void Titles_later_pages(int number, string expected) => Assert.Equal(expected, ListingPages.Title("Labor", number));
}
