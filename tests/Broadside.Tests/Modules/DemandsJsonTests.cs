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
