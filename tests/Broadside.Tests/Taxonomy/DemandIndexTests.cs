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
