using System.Collections.Immutable;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Taxonomy;
using Broadside.Tests.TestSupport;
using static Broadside.Tests.TestSupport.TestArticles;

namespace Broadside.Tests.Taxonomy;

public sealed class SiteIndexBuilderTests
{
    private static readonly SiteConfig Site = SiteConfig.Fallback with
    {
        Sections = [new SectionConfig("Labor", "Strikes and unions."), new SectionConfig("Housing", string.Empty)],
    };

    private static (SiteIndex Index, ImmutableArray<Diagnostic> Diagnostics) Build(
        ImmutableArray<Article> articles,
        ImmutableArray<AuthorProfile> profiles = default,
        ImmutableArray<CanonicalDemand> demands = default)
    {
        var bag = new DiagnosticBag();
        var index = SiteIndexBuilder.Build(articles, Site, profiles.IsDefault ? [] : profiles, demands.IsDefault ? [] : demands, bag);
        return (index, bag.ToImmutableSorted());
    }

    [Fact]
    public void Case_and_spacing_variants_of_a_tag_are_one_tag_in_the_most_used_spelling()
    {
        var articles = NewestFirst(
            Make("a", "2026-01-01", tags: ["Strikes"]),
            Make("b", "2026-01-02", tags: ["strikes "]),
            Make("c", "2026-01-03", tags: ["strikes", "Transit"]));

        var (index, diagnostics) = Build(articles);

        Assert.Empty(diagnostics);
        Assert.Equal(["strikes", "transit"], index.Tags.Select(t => t.Slug));
        var strikes = index.Tags[0];
        Assert.Equal("strikes", strikes.Name);
        Assert.Equal("tags/strikes/", strikes.Path);
        Assert.Equal(["c", "b", "a"], strikes.Articles.Select(a => a.Slug));
        Assert.Same(strikes, index.Tag("STRIKES"));
    }

    [Fact]
    public void Articles_that_name_one_series_in_any_case_are_its_parts()
    {
        static Article Part(string slug, string date, string? series) => Make(slug, date) with { FrontMatter = Make(slug, date).FrontMatter with { Series = series } };
        var articles = NewestFirst(
            Part("one", "2025-01-18", "The transit fight"),
            Part("two", "2026-01-20", "the transit  fight"),
            Part("three", "2026-09-07", "The transit fight"),
            Part("alone", "2026-10-01", null));

        var (index, diagnostics) = Build(articles);

        Assert.Empty(diagnostics);
        var series = Assert.Single(index.Series);
        Assert.Equal((TermKind.Series, "The transit fight", "series/the-transit-fight/"), (series.Kind, series.Name, series.Path));
        Assert.Equal(["three", "two", "one"], series.Articles.Select(a => a.Slug));
        Assert.Same(series, index.SeriesOf(articles.Single(a => a.Slug == "two")));
        Assert.Null(index.SeriesOf(articles.Single(a => a.Slug == "alone")));
    }

    [Fact]
    public void A_tag_listed_twice_in_one_article_counts_once()
    {
        var (index, _) = Build(NewestFirst(Make("a", "2026-01-01", tags: ["rent", "housing", "Rent"])));
        Assert.Single(index.Tag("rent")!.Articles);
    }

    [Fact]
    public void Different_names_with_one_url_are_an_error_naming_both_files()
    {
        var articles = NewestFirst(
            Make("a", "2026-01-01", tags: ["a/b"]),
            Make("b", "2026-01-02", tags: ["a-b"]));

        var (_, diagnostics) = Build(articles);

        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UrlCollision, error.Code);
        Assert.Contains("/tags/a-b/", error.Message, StringComparison.Ordinal);
        var files = new[] { error.File, error.Message };
        Assert.Contains(files, f => f!.Contains("input/articles/a.md", StringComparison.Ordinal));
        Assert.Contains(files, f => f!.Contains("input/articles/b.md", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tag_without_letters_is_an_error()
    {
        var (index, diagnostics) = Build(NewestFirst(Make("a", "2026-01-01", tags: ["🔥"])));
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidSlug, "input/articles/a.md"), (error.Code, error.File));
        Assert.Empty(index.Tags);
    }

    [Fact]
    public void Sections_follow_site_yml_order_then_unlisted_ones_by_name()
    {
        var articles = NewestFirst(
            Make("a", "2026-01-01", section: "Theory"),
            Make("b", "2026-01-02", section: "housing"),
            Make("c", "2026-01-03", section: "Labor"),
            Make("d", "2026-01-04", section: "Climate"));

        var (index, _) = Build(articles);

        Assert.Equal(["Labor", "Housing", "Climate", "Theory"], index.Sections.Select(s => s.Name));
        Assert.Equal("Strikes and unions.", index.Sections[0].Description);
        Assert.Equal("sections/housing/", index.Section("HOUSING")!.Path);
    }

    [Fact]
    public void Authors_get_their_profile_and_years_group_newest_first()
    {
        var articles = NewestFirst(
            Make("a", "2025-06-01", authors: ["Ana Ruiz", "Tomás Berg"]),
            Make("b", "2026-02-01", authors: ["ana ruiz"]));
        var profile = new AuthorProfile("Ana Ruiz", "Covers transit.", string.Empty, string.Empty);

        var (index, _) = Build(articles, profiles: [profile]);

        Assert.Equal(["ana-ruiz", "tomás-berg"], index.Authors.Select(a => a.Slug));
        Assert.Same(profile, index.Author("Ana Ruiz")!.Profile);
        Assert.Null(index.Author("Tomás Berg")!.Profile);
        Assert.Equal(2, index.Author("ANA RUIZ")!.Articles.Length);
        Assert.Equal(["2026", "2025"], index.Years.Select(y => y.Name));
        Assert.Equal("2025/", index.Years[1].Path);
    }

    [Fact]
    public void Related_articles_share_tags_and_demands_most_shared_first()
    {
        var articles = NewestFirst(
            Make("target", "2026-01-10", tags: ["rent", "strikes"], demands: ["Tax the rich!"]),
            Make("one-tag", "2026-01-09", tags: ["rent"]),
            Make("demand", "2026-01-08", demands: ["tax the rich"]),
            Make("both-tags", "2026-01-01", tags: ["rent", "strikes"]),
            Make("unrelated", "2026-01-07", tags: ["climate"]));

        var (index, _) = Build(articles);

        // A shared demand weighs as much as two shared tags; of two equally related, the newer comes first.
        Assert.Equal(["demand", "both-tags", "one-tag"], index.RelatedTo(articles.Single(a => a.Slug == "target")).Select(a => a.Slug));
        Assert.Empty(index.RelatedTo(articles.Single(a => a.Slug == "unrelated")));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(1936)]
    public void An_index_built_from_an_earlier_one_is_the_index_built_from_nothing(int seed)
    {
        // Enough articles that a common tag holds more candidates than are scored for related articles.
        var random = new Random(seed);
        string[] tags = ["strikes", "Strikes", "rent", "buses", "ports", "wildcat", "night shift"];
        string[] wordings = ["Hire 500 drivers now!", "hire 500 drivers now", "id:rent-control", "Tax the rich!", "Open the books!"];
        Article Random(int number, DateTimeOffset? date = null) => Make(
            $"a{number}",
            (date ?? new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(random.Next(24 * 300))).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            section: random.Next(3) == 0 ? "Housing" : "Labor",
            tags: [.. tags.Where(_ => random.Next(3) == 0).DistinctBy(t => t.ToLowerInvariant())],
            demands: [.. wordings.Where(_ => random.Next(4) == 0).Append($"Fund project {number % 40}")]);
        ImmutableArray<CanonicalDemand> catalog = [new CanonicalDemand("rent-control", "Rent control now!", ["Cap rents!"], "Housing", 1)];
        var before = Enumerable.Range(0, 600).Select(i => Random(i)).ToList();
        var earlier = SiteIndexBuilder.Build(NewestFirst([.. before]), Site, [], catalog, new DiagnosticBag());

        var changed = new Dictionary<string, Article?>(StringComparer.Ordinal);
        var after = before.ToList();
        foreach (var number in Enumerable.Range(0, 5).Select(_ => random.Next(before.Count)).Distinct())
        {
            changed[before[number].Source!] = before[number];
            // Half move to tags and demands no other article has, leaving every list they were in.
            after[number] = random.Next(2) == 0
                ? Random(number, date: random.Next(2) == 0 ? before[number].FrontMatter.Date : null)
                : Make($"a{number}", "2025-06-01", tags: [$"only-{number}"], demands: [$"Only here {number}"]);
        }

        // Two deleted, two added.
        foreach (var number in new[] { 3, 11 }.Where(n => !changed.ContainsKey(before[n].Source!)))
        {
            changed[before[number].Source!] = before[number];
            after.Remove(after.Single(a => a.Source == before[number].Source));
        }

        foreach (var number in new[] { 600, 601 })
        {
            after.Add(Random(number));
            changed[after[^1].Source!] = null;
        }

        var reused = SiteIndexBuilder.Build(NewestFirst([.. after]), Site, [], catalog, new DiagnosticBag(), new SiteIndexBuilder.Reuse(earlier, changed));
        var fresh = SiteIndexBuilder.Build(NewestFirst([.. after]), Site, [], catalog, new DiagnosticBag());

        Assert.Equal(Describe(fresh), Describe(reused));
    }

    // Everything the index tells, as text, articles by source file.
    private static string[] Describe(SiteIndex index)
    {
        static string Sources(IEnumerable<Article> articles) => string.Join(",", articles.Select(a => a.Source));
        return
        [
            Sources(index.Articles),
            .. index.Sections.Concat(index.Tags).Concat(index.Authors).Concat(index.Years)
                .Select(t => $"{t.Kind} {t.Name} {t.Slug} {t.Path}: {Sources(t.Articles)}"),
            .. index.Demands.Select(d => $"{d.Slug} {d.Id} {d.Text} {d.Topic} {d.Path} [{string.Join(",", d.Sections)}] [{string.Join(",", d.Wordings)}]: "
                + string.Join(",", d.Entries.Select(e => e.Article.Source + "=" + e.Wording))),
            .. index.Articles.Select(a => $"{a.Source} raises {string.Join(",", index.DemandsOf(a).Select(d => d.Demand.Slug + "=" + d.Wording))}; related {Sources(index.RelatedTo(a))}"),
        ];
    }
}
