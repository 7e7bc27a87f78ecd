using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Taxonomy;
using static Broadside.Tests.TestSupport.TestArticles;

namespace Broadside.Tests.Taxonomy;

/// <summary>A demand without a topic takes the one its articles point to by section or tag.</summary>
public sealed class DemandTopicsTests
{
    private static readonly ImmutableArray<CanonicalDemand> Canonical =
    [
        new("abolish-ice", "Abolish ICE!", [], "Immigration", 1),
        new("rent-control", "Rent control now!", [], "Housing", 9),
    ];

    [Fact]
    public void A_demand_without_a_topic_takes_the_one_most_of_its_articles_point_to()
    {
        var articles = NewestFirst(
            Make("a", "2026-01-01", section: "Labor", tags: ["housing"], demands: ["Recognize the tenants union!"]),
            Make("b", "2026-02-01", section: "Housing", demands: ["Recognize the tenants union!"]),
            Make("c", "2026-03-01", section: "Labor", tags: ["immigration"], demands: ["Recognize the tenants union!"]),
            Make("d", "2026-03-02", section: "Labor", tags: ["strikes"], demands: ["Hire 500 drivers now!"]));

        var demands = DemandIndex.Build(articles, Canonical, new DiagnosticBag()).Demands.ToDictionary(d => d.Slug);

        Assert.Equal(("Housing", true), (demands["recognize-the-tenants-union"].Topic, demands["recognize-the-tenants-union"].TopicInferred));
        Assert.Equal((string.Empty, false), (demands["hire-500-drivers-now"].Topic, demands["hire-500-drivers-now"].TopicInferred));
    }

    [Fact]
    public void Of_topics_as_many_articles_point_to_the_first_by_name_is_taken_and_a_set_topic_is_kept()
    {
        var articles = NewestFirst(
            Make("a", "2026-01-01", section: "Immigration", demands: ["Free them all!", "id:rent-control"]),
            Make("b", "2026-02-01", section: "Housing", demands: ["Free them all!", "id:rent-control"]));

        var demands = DemandIndex.Build(articles, Canonical, new DiagnosticBag()).Demands.ToDictionary(d => d.Slug);

        Assert.Equal("Housing", demands["free-them-all"].Topic);
        Assert.Equal(("Housing", false), (demands["rent-control"].Topic, demands["rent-control"].TopicInferred));
    }

    [Fact]
    public void Each_article_counts_once_whatever_it_points_with_and_topics_are_matched_by_name_in_any_case()
    {
        var topics = new DemandTopics(Canonical);
        var entries = new[]
        {
            new DemandEntry(Make("a", "2026-01-01", section: "Housing", tags: ["housing", "HOUSING"]), "x"),
            new DemandEntry(Make("b", "2026-01-02", section: "Labor", tags: ["immigration"]), "x"),
            new DemandEntry(Make("c", "2026-01-03", section: "Labor", tags: ["Immigration"]), "x"),
        };

        Assert.Equal([("Immigration", 2), ("Housing", 1)], topics.Votes(entries).ToArray());
        Assert.Equal("Immigration", topics.Infer(entries));
        Assert.Equal(string.Empty, new DemandTopics([]).Infer(entries));
    }
}
