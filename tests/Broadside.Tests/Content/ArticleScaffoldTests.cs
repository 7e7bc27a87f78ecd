using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Yaml;

namespace Broadside.Tests.Content;

public sealed class ArticleScaffoldTests
{
    private static readonly SiteConfig Site = SiteConfig.Fallback with { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago") };

    // 03:30 UTC on 1 January is still the last evening of the old year in Chicago.
    private static readonly DateTimeOffset Now = new(2027, 1, 1, 3, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Writes_valid_front_matter_dated_now_in_the_site_time_zone_as_a_draft()
    {
        var scaffold = ArticleScaffold.Create("Bus drivers \"walk out\" \\ again: day 2", "Labor", "Ana Ruiz", Now, Site);

        Assert.NotNull(scaffold);
        Assert.Equal("articles/2026/bus-drivers-walk-out-again-day-2.md", scaffold.RelativePath);
        var bag = new DiagnosticBag();
        var split = FrontMatterSplitter.Split(scaffold.Text, "x.md", bag)!;
        var front = FrontMatterParser.ParseArticle(YamlMap.Parse(split.Yaml, "x.md", split.YamlLineOffset, bag, "front matter")!, Site);

        Assert.Empty(bag.ToImmutableSorted());
        Assert.NotNull(front);
        Assert.Equal("Bus drivers \"walk out\" \\ again: day 2", front.Title);
        Assert.Equal(["Ana Ruiz"], front.Authors.ToArray());
        Assert.Equal("Labor", front.Section);
        Assert.Equal(Now, front.Date);
        Assert.Equal(TimeSpan.FromHours(-6), front.Date.Offset);
        Assert.True(front.Draft);
        Assert.DoesNotContain("\n# ", split.Body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_headline_names_the_file_after_its_capped_slug_which_the_file_name_gives_back()
    {
        var headline = string.Join(' ', Enumerable.Repeat("Забастовка водителей автобусов продолжается", 6));

        var scaffold = ArticleScaffold.Create(headline, "Labor", "Ana Ruiz", Now, Site);

        Assert.NotNull(scaffold);
        var slug = Slug.FromFileName(scaffold.RelativePath);
        Assert.Equal(Slug.From(headline), slug);
        Assert.Equal($"articles/2026/{slug}.md", scaffold.RelativePath);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(slug), Slug.MaxBytes / 2, Slug.MaxBytes);
    }

    [Fact]
    public void A_headline_without_letters_has_no_scaffold() =>
        Assert.Null(ArticleScaffold.Create("!!! ???", "Labor", "Ana Ruiz", Now, Site));
}
