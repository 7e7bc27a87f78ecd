using System.Collections.Immutable;
using System.Globalization;
using Broadside.Configuration;
using Broadside.Diagnostics;
using Broadside.Modules;
using Broadside.Output;
using Broadside.Taxonomy;
using Broadside.Templates;
using Broadside.Tests.TestSupport;

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

    [Fact]
    public void A_value_shared_by_pages_keys_them_as_copies_of_it_would()
    {
        var views = new ViewFactory(SiteConfig.Fallback);
        var theme = Theme.Load(RepositoryPaths.Theme, "theme", "https://example.org/", "/", TimeZoneInfo.Utc, CultureInfo.InvariantCulture, [], new DiagnosticBag());
        var site = new SiteDocument(views.Site([], SiteIndexBuilder.Build([], SiteConfig.Fallback, [], [], new DiagnosticBag()), DateTimeOffset.UnixEpoch), 5);
        var meta = views.Meta("archive", "Labor", string.Empty, "a/");
        var shared = views.Archive(new Term(TermKind.Section, "Labor", "labor", "sections/labor/", []));
        ListingPage Page(string path, object archive) => new(path, meta, [new("archive", archive), new("number", path.Length)]);

        var once = ListingPages.Render([Page("a/", shared), Page("a/page/2/", shared)], "archive", theme, site);
        var copies = ListingPages.Render([Page("a/", shared with { }), Page("a/page/2/", shared with { })], "archive", theme, site);
        var other = ListingPages.Render([Page("a/", shared with { Name = "Housing" })], "archive", theme, site);

        var keys = once.Cast<OutputFile>().Select(f => f.Key).ToArray();
        Assert.Equal(copies.Cast<OutputFile>().Select(f => f.Key), keys);
        Assert.NotEqual(keys[0], keys[1]);
        Assert.NotEqual(keys[0], ((OutputFile)other[0]).Key);
    }
}
