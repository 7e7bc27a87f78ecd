using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Taxonomy;
using static Broadside.Tests.TestSupport.TestArticles;

namespace Broadside.Tests.Taxonomy;

public sealed class DemandIndexTests
{
    private static readonly ImmutableArray<CanonicalDemand> Canonical =
    [
        new("rent-control", "Rent control now!", ["Universal rent control!", "Cap rents in every city!"], "Housing", 1),
        new("abolish-ice", "Abolish ICE!", ["¡Abolir ICE!"], "Immigration", 5),
    ];

    [Fact]
    public void Variants_and_aliases_join_their_canonical_demand()
    {
        var articles = NewestFirst(
            Make("a", "2025-01-01", section: "Housing", demands: ["rent control now"]),
            Make("b", "2025-06-01", section: "Housing", demands: ["Universal rent control!"]),
            Make("c", "2026-01-01", section: "Labor", demands: ["id:rent-control", "Cap rents in every city."]));

        var bag = new DiagnosticBag();
        var (demands, byArticle) = DemandIndex.Build(articles, Canonical, bag);

        Assert.False(bag.HasErrors);
        var demand = Assert.Single(demands);
        Assert.Equal(("rent-control", "rent-control", "Rent control now!", "Housing"), (demand.Slug, demand.Id, demand.Text, demand.Topic));
        Assert.Equal(3, demand.Count);
        Assert.Equal(["c", "b", "a"], demand.Entries.Select(e => e.Article.Slug));
        Assert.Equal(["Rent control now!", "Universal rent control!", "rent control now"], demand.Entries.Select(e => e.Wording));
        Assert.Equal(articles[^1].FrontMatter.Date, demand.First);
        Assert.Equal(articles[0].FrontMatter.Date, demand.Last);
        Assert.Equal(["Housing", "Labor"], demand.Sections.ToArray());
        Assert.Equal("demands/rent-control/", demand.Path);
        Assert.Single(byArticle["input/articles/c.md"]);
    }

    [Fact]
    public void Wordings_that_normalise_alike_are_one_demand_shown_in_the_most_used_wording()
    {
        var articles = NewestFirst(
            Make("a", "2025-01-01", demands: ["Tax the rich!"]),
            Make("b", "2025-02-01", demands: ["tax the rich"]),
            Make("c", "2025-03-01", demands: ["Tax the rich!"]),
            Make("d", "2025-04-01", demands: ["TAX THE RICH."]));

        var (demands, _) = DemandIndex.Build(articles, [], new DiagnosticBag());

        var demand = Assert.Single(demands);
        Assert.Equal(("tax-the-rich", string.Empty, "Tax the rich!", 4), (demand.Slug, demand.Id, demand.Text, demand.Count));
        Assert.Equal([("Tax the rich!", 2), ("TAX THE RICH.", 1), ("tax the rich", 1)], demand.Wordings.ToArray());
    }

    [Fact]
    public void An_unknown_id_is_an_error_at_its_line_with_a_suggestion()
    {
        var bag = new DiagnosticBag();
        DemandIndex.Build(NewestFirst(Make("a", "2026-01-01", demands: ["Free buses!", "id:rent-contrl"])), Canonical, bag);

        var error = Assert.Single(bag.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.UnknownDemandId, "input/articles/a.md", 11, 5), (error.Code, error.File, error.Line, error.Column));
        Assert.Contains("'rent-control'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Demands_are_ordered_most_raised_then_most_recent()
    {
        var articles = NewestFirst(
            Make("a", "2025-01-01", demands: ["Free buses!", "Abolish ICE!"]),
            Make("b", "2025-02-01", demands: ["Free buses!"]),
            Make("c", "2026-03-01", demands: ["Heat protections!"]));

        var (demands, _) = DemandIndex.Build(articles, Canonical, new DiagnosticBag());

        Assert.Equal(["free-buses", "heat-protections", "abolish-ice"], demands.Select(d => d.Slug));
    }

    [Fact]
    public void An_article_raising_one_demand_twice_counts_once()
    {
        var (demands, _) = DemandIndex.Build(NewestFirst(Make("a", "2026-01-01", demands: ["Abolish ICE!", "abolish ice", "id:abolish-ice"])), Canonical, new DiagnosticBag());
        Assert.Equal(1, Assert.Single(demands).Count);
    }

    [Fact]
    public void Two_wordings_with_one_url_are_an_error_naming_both_files()
    {
        var bag = new DiagnosticBag();
        DemandIndex.Build(NewestFirst(Make("a", "2026-01-01", demands: ["Jobs/housing!"]), Make("b", "2026-01-02", demands: ["Jobs housing!"])), [], bag);

        var error = Assert.Single(bag.ToImmutableSorted());
        Assert.Equal(DiagnosticCodes.UrlCollision, error.Code);
        Assert.Contains("input/articles/", error.File, StringComparison.Ordinal);
        Assert.Contains("input/articles/", error.Message, StringComparison.Ordinal);
        Assert.NotEqual(error.File, error.Message[(error.Message.IndexOf("in '", StringComparison.Ordinal) + 4)..].Split('\'')[0]);
    }
}

/// <summary>Long demands: a headline names a demand, its explanation follows; victories and inferred topics.</summary>
public sealed class LongDemandIndexTests
{
    private static readonly ImmutableArray<CanonicalDemand> Canonical =
    [
        new("abolish-ice", "Abolish ICE!", ["¡Abolir ICE!"], "Immigration", 1) { Explanation = "Close the agency." },
        new("sanctuary", "Sanctuary for all!", [], "Immigration", 5) { Won = new DateOnly(2026, 5, 12), WonArticle = "articles/won.md", File = "input/demands.yml" },
        new("rent-control", "Rent control now!", [], "Housing", 9),
    ];

    [Fact]
    public void A_long_wording_joins_a_canonical_demand_by_its_headline_and_keeps_its_own_words()
    {
        const string Long = "Abolish ICE! U.S. Immigration and Customs Enforcement is barely twenty years old. Dismantle it.";
        var articles = NewestFirst(Make("a", "2026-01-01", demands: [Long]), Make("b", "2025-01-01", demands: ["id:abolish-ice"]));

        var (demands, byArticle) = DemandIndex.Build(articles, Canonical, new DiagnosticBag());

        var demand = Assert.Single(demands);
        Assert.Equal(("abolish-ice", "Abolish ICE!", "Close the agency.", 2), (demand.Slug, demand.Text, demand.Explanation, demand.Count));
        Assert.Equal(Long, demand.Entries[0].Wording);
        Assert.Equal([("Abolish ICE!", 2)], demand.Headlines.ToArray());
        Assert.Equal(Long, byArticle["input/articles/a.md"][0].Wording);
    }

    [Fact]
    public void Demands_of_their_own_that_share_a_headline_are_one_demand_named_and_addressed_by_it()
    {
        var articles = NewestFirst(
            Make("a", "2026-01-01", demands: ["Eviction moratoriums in all cities invaded by ICE/CBP! No family should lose its home."]),
            Make("b", "2026-02-01", demands: ["Eviction moratoriums in all cities invaded by ICE/CBP! When agents take a parent, the rent still comes due."]),
            Make("c", "2026-03-01", demands: ["Eviction moratoriums in all cities invaded by ICE/CBP!"]));

        var (demands, _) = DemandIndex.Build(articles, [], new DiagnosticBag());

        var demand = Assert.Single(demands);
        Assert.Equal("Eviction moratoriums in all cities invaded by ICE/CBP!", demand.Text);
        Assert.Equal("eviction-moratoriums-in-all-cities-invaded-by-ice-cbp", demand.Slug);
        Assert.Equal(3, demand.Count);
        Assert.Equal(3, demand.Wordings.Length);
        Assert.Contains(demand.Explanation, new[] { "No family should lose its home.", "When agents take a parent, the rent still comes due." });
    }

    [Fact]
    public void A_headline_in_a_script_of_two_bytes_a_letter_gives_a_page_name_a_file_system_can_hold()
    {
        var headline = string.Concat(Enumerable.Repeat("Долой депортации и рейды ", 6)).Trim() + "!";
        var (demands, _) = DemandIndex.Build(NewestFirst(Make("a", "2026-01-01", demands: [headline + " Объяснение."])), [], new DiagnosticBag());

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(Assert.Single(demands).Slug) <= Slug.MaxBytes);
    }

    [Fact]
    public void A_won_demand_names_its_report_and_counts_the_articles_up_to_the_victory()
    {
        var report = Make("won", "2026-05-12", demands: ["id:sanctuary"]);
        var articles = NewestFirst(Make("a", "2025-04-10", demands: ["Sanctuary for all!"]), report, Make("later", "2026-07-04", demands: ["id:sanctuary"]));
        var bag = new DiagnosticBag();

        var demand = Assert.Single(DemandIndex.Build(articles, Canonical, bag).Demands);

        Assert.Empty(bag.ToImmutableSorted());
        Assert.Equal(new DateOnly(2026, 5, 12), demand.Won);
        Assert.Same(report, demand.WonArticle);
        Assert.Equal((3, 2), (demand.Count, demand.CountBeforeWon(TimeZoneInfo.Utc)));
    }

    [Fact]
    public void A_report_that_is_no_published_article_is_a_warning_at_its_line()
    {
        var bag = new DiagnosticBag();
        var canonical = Canonical.SetItem(1, Canonical[1] with { WonArticle = "articles/missing.md", WonArticleLine = 8 });

        var demand = Assert.Single(DemandIndex.Build(NewestFirst(Make("a", "2025-04-10", demands: ["id:sanctuary"])), canonical, bag).Demands);

        var warning = Assert.Single(bag.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.UnknownWonArticle, "input/demands.yml", 8), (warning.Code, warning.File, warning.Line));
        Assert.Null(demand.WonArticle);
        Assert.NotNull(demand.Won);
    }
}

/// <summary>The names of the demands index's orders are no demand's.</summary>
public sealed class DemandOrderNameTests
{
    [Theory]
    [InlineData("Momentum!")]
    [InlineData("Recent.")]
    [InlineData("Most raised!")]
    public void A_demand_worded_like_an_order_of_the_index_is_an_error_at_its_line(string wording)
    {
        var bag = new DiagnosticBag();

        var (demands, _) = DemandIndex.Build(NewestFirst(Make("a", "2026-01-01", demands: ["Rent control now!", wording])), [], bag);

        var error = Assert.Single(bag.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.PathReserved, "input/articles/a.md", 11, 5), (error.Code, error.File, error.Line, error.Column));
        Assert.Contains("word it otherwise", error.Message, StringComparison.Ordinal);
        Assert.Single(demands);
    }

    [Fact]
    public void A_canonical_id_named_like_an_order_is_an_error_in_demands_yml()
    {
        var bag = new DiagnosticBag();

        var demands = DataFiles.ReadDemands("- id: momentum\n  text: Momentum!\n", "input/demands.yml", bag);

        Assert.Empty(demands);
        Assert.Equal((DiagnosticCodes.PathReserved, 1), (Assert.Single(bag.ToImmutableSorted()).Code, bag.ToImmutableSorted()[0].Line));
    }
}
