using System.Collections.Immutable;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Taxonomy;
using static Broadside.Tests.TestSupport.TestArticles;

namespace Broadside.Tests.Taxonomy;

public sealed class SiteIndexTests
{
    private static readonly ImmutableArray<Article> Articles = NewestFirst(
        Make("a", "2026-01-01", tags: ["strikes", "transit"], demands: ["Hire drivers now!"]),
        Make("b", "2026-01-02", tags: ["strikes"], demands: ["Hire drivers now!", "Rent control"]),
        Make("c", "2026-01-03", section: "Housing", tags: ["rent"], demands: ["Rent control"]));

    private static SiteIndex Index(ImmutableArray<Article> articles, SiteIndexBuilder.Reuse? reuse = null) =>
        SiteIndexBuilder.Build(articles, SiteConfig.Fallback, [], [], new DiagnosticBag(), reuse);

    // The index made from an earlier one after old was replaced by edited.
    private static SiteIndex Swap(SiteIndex index, Article old, Article edited) =>
        Index([.. Articles.Select(a => a == old ? edited : a)], new SiteIndexBuilder.Reuse(index, new Dictionary<string, Article?> { [old.Source!] = old }));

    [Fact]
    public void An_index_made_from_an_earlier_one_holds_the_new_version_of_an_article_everywhere()
    {
        var index = Index(Articles);
        var old = Articles.Single(a => a.Slug == "b");
        var edited = old with { WordCount = 1234, FirstParagraph = "Rewritten." };

        var swapped = Swap(index, old, edited);

        var expected = Index([.. Articles.Select(a => a == old ? edited : a)]);
        Assert.Equal(Shape(expected), Shape(swapped));
        Assert.Contains(swapped.Articles, a => ReferenceEquals(a, edited));
        Assert.All(swapped.Sections.Concat(swapped.Tags).Concat(swapped.Authors).Concat(swapped.Years).SelectMany(t => t.Articles), a => Assert.False(ReferenceEquals(a, old)));
        Assert.All(swapped.Demands.SelectMany(d => d.Entries), e => Assert.False(ReferenceEquals(e.Article, old)));
        Assert.All(swapped.Articles.SelectMany(a => swapped.RelatedTo(a)), a => Assert.False(ReferenceEquals(a, old)));
        Assert.Contains(swapped.Articles.SelectMany(a => swapped.RelatedTo(a)), a => ReferenceEquals(a, edited));
        Assert.Same(swapped.Tag("strikes"), swapped.Tags.Single(t => t.Slug == "strikes"));
        Assert.All(swapped.DemandsOf(edited), d => Assert.Contains(d.Demand, swapped.Demands));
    }

    [Fact]
    public void Groups_that_do_not_hold_the_article_are_kept_as_they_were()
    {
        var index = Index(Articles);
        var old = Articles.Single(a => a.Slug == "c");

        var swapped = Swap(index, old, old with { WordCount = 99 });

        Assert.Same(index.Tag("strikes"), swapped.Tag("strikes"));
        Assert.Same(index.Demands.Single(d => d.Text == "Hire drivers now!"), swapped.Demands.Single(d => d.Text == "Hire drivers now!"));
        Assert.NotSame(index.Tag("rent"), swapped.Tag("rent"));
    }

    // Every grouping, by article slugs and word counts, to compare two indexes made from equal articles.
    private static string[] Shape(SiteIndex index) =>
    [
        .. index.Sections.Concat(index.Tags).Concat(index.Authors).Concat(index.Years).Select(t => $"{t.Kind} {t.Name} {t.Path}: {Names(t.Articles)}"),
        .. index.Demands.Select(d => $"demand {d.Text} {d.Path}: {Names(d.Entries.Select(e => e.Article))} {string.Join(',', d.Wordings)} {string.Join(',', d.Sections)}"),
        .. index.Articles.Select(a => $"{a.Slug} related {Names(index.RelatedTo(a))}; demands {string.Join(',', index.DemandsOf(a).Select(d => d.Demand.Path + " " + d.Wording))}"),
        Names(index.Articles),
    ];

    private static string Names(IEnumerable<Article> articles) => string.Join(',', articles.Select(a => $"{a.Slug}/{a.WordCount}"));
}
