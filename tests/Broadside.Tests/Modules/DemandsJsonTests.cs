using System.Collections.Immutable;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Modules;
using Broadside.Taxonomy;
using Broadside.Templates;
using static Broadside.Tests.TestSupport.TestArticles;

namespace Broadside.Tests.Modules;

public sealed class DemandsJsonTests
{
    private static readonly ViewFactory Views = new(SiteConfig.Fallback with { BaseUrl = new Uri("https://example.org/") });

    private static ImmutableArray<Demand> Demands(params Article[] articles) =>
        DemandIndex.Build(NewestFirst(articles), [], new DiagnosticBag()).Demands;

    private static Article Strike(string title = "Title of a", string date = "2026-03-01T08:00:00-05:00", string section = "Labor", string wording = "Hire 500 drivers now!") =>
        Make("a", date, section: section, demands: [wording]) is var article ? article with { FrontMatter = article.FrontMatter with { Title = title } } : null!;

    [Fact]
    public void The_key_is_the_same_for_the_same_demands() =>
        Assert.Equal(DemandsJson.Key(Demands(Strike(), Make("b", "2026-01-01", demands: ["Hire 500 drivers now"])), Views, 7), DemandsJson.Key(Demands(Strike(), Make("b", "2026-01-01", demands: ["Hire 500 drivers now"])), Views, 7));

    public static TheoryData<Article> Changed => new()
    {
        Strike(title: "A new title"),
        Strike(date: "2026-03-01T09:00:00-04:00"),
        Strike(date: "2026-03-02T08:00:00-05:00"),
        Strike(section: "Housing"),
        Strike(wording: "hire 500 drivers now!"),
    };

    [Theory]
    [MemberData(nameof(Changed))]
    public void The_key_changes_with_anything_the_file_tells(Article changed)
    {
        var before = Demands(Strike());
        var after = Demands(changed);

        Assert.NotEqual(System.Text.Encoding.UTF8.GetString(DemandsJson.Part(before[0], Views)), System.Text.Encoding.UTF8.GetString(DemandsJson.Part(after[0], Views)));
        Assert.NotEqual(DemandsJson.Key(before, Views, 7), DemandsJson.Key(after, Views, 7));
    }

    [Fact]
    public void The_key_changes_with_the_site() =>
        Assert.NotEqual(DemandsJson.Key(Demands(Strike()), Views, 7), DemandsJson.Key(Demands(Strike()), Views, 8));
}

/// <summary>The demands.json of the sample, and of a publication with every kind of demand, against its published JSON Schema.</summary>
public sealed class DemandsJsonSchemaTests(Broadside.Tests.Build.SampleSiteFixture sample) : IClassFixture<Broadside.Tests.Build.SampleSiteFixture>
{
    private static readonly Json.Schema.JsonSchema Schema = Json.Schema.JsonSchema.FromFile(Path.Combine(Broadside.Tests.TestSupport.RepositoryPaths.Root, "docs", "demands.schema.json"));

    private static readonly ViewFactory Views = new(SiteConfig.Fallback with { BaseUrl = new Uri("https://example.org/") });

    [Fact]
    public void The_sample_s_demands_json_is_valid_and_tells_headline_explanation_status_and_topic()
    {
        var text = File.ReadAllText(Path.Combine(sample.Site.Folder, "demands.json"));

        AssertValid(text);
        var demands = System.Text.Json.Nodes.JsonNode.Parse(text)!["demands"]!.AsArray();
        var sanctuary = demands.Single(d => (string?)d!["slug"] == "sanctuary")!;
        Assert.Equal(("won", "2026-05-12"), ((string?)sanctuary["status"], (string?)sanctuary["won"]!["date"]));
        Assert.EndsWith("/2026/05/city-council-passes-sanctuary-ordinance/", (string?)sanctuary["won"]!["report"], StringComparison.Ordinal);
        Assert.Contains(demands, d => (bool)d!["topic_inferred"]! && d["topic"] is not null);
        Assert.Contains(demands, d => d!["explanation"] is not null);
    }

    [Fact]
    public void Every_kind_of_demand_is_valid_and_a_file_that_breaks_the_schema_is_not()
    {
        Broadside.Content.CanonicalDemand[] canonical =
        [
            new("sanctuary", "Sanctuary for all!", [], "Immigration", 1) { Won = new DateOnly(2026, 5, 12), WonArticle = "articles/b.md", File = "input/demands.yml" },
            new("rent-control", "Rent control now!", [], string.Empty, 5) { Explanation = "Cap every rent." },
        ];
        var articles = NewestFirst(
            Make("a", "2026-01-01T08:00:00-05:00", section: "Housing", tags: ["immigration"], demands: ["id:sanctuary", "Rent control now! Now.", "Free them all! Every one of them."]),
            Make("b", "2026-05-12T08:00:00-05:00", demands: ["Sanctuary for all!", "Ünïcödé “quotes” <b>&amp;</b>!"]));
        var demands = DemandIndex.Build(articles, [.. canonical], new DiagnosticBag()).Demands;
        using var stream = new MemoryStream();
        DemandsJson.Write(stream, [.. demands.Select(d => DemandsJson.Part(d, Views))]);
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());

        AssertValid(text);
        var broken = System.Text.Json.Nodes.JsonNode.Parse(text)!;
        broken["demands"]![0]!["status"] = "maybe";
        Assert.False(Schema.Evaluate(System.Text.Json.JsonDocument.Parse(broken.ToJsonString()).RootElement).IsValid);
    }

    private static void AssertValid(string text)
    {
        var result = Schema.Evaluate(System.Text.Json.JsonDocument.Parse(text).RootElement, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, System.Text.Json.JsonSerializer.Serialize(result));
    }
}
