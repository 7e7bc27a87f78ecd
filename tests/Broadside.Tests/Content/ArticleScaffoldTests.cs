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
        var (front, body) = Parsed(scaffold.Text, Site);

        Assert.NotNull(front);
        Assert.Equal("Bus drivers \"walk out\" \\ again: day 2", front.Title);
        Assert.Equal(["Ana Ruiz"], front.Authors.ToArray());
        Assert.Equal("Labor", front.Section);
        Assert.Equal(Now, front.Date);
        Assert.Equal(TimeSpan.FromHours(-6), front.Date.Offset);
        Assert.True(front.Draft);
        Assert.DoesNotContain("\n# ", body, StringComparison.Ordinal);
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
    public void An_article_in_another_of_the_sites_languages_says_so_and_the_default_language_is_left_unsaid()
    {
        var site = Site with { Languages = [new SiteLanguage("en", new System.Globalization.CultureInfo("en")), new SiteLanguage("es", new System.Globalization.CultureInfo("es"))] };

        var spanish = ArticleScaffold.Create("Huelga de conductores", "Trabajo", "Ana Ruiz", Now, site, "es");
        var english = ArticleScaffold.Create("Bus drivers walk out", "Labor", "Ana Ruiz", Now, site, "en");

        Assert.NotNull(spanish);
        Assert.NotNull(english);
        Assert.Equal("articles/2026/huelga-de-conductores.md", spanish.RelativePath);
        Assert.Equal("es", Parsed(spanish.Text, site).Front!.Lang);
        Assert.DoesNotContain("lang:", english.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_headline_without_letters_has_no_scaffold() =>
        Assert.Null(ArticleScaffold.Create("!!! ???", "Labor", "Ana Ruiz", Now, Site));

    // The front matter and body of text, after asserting that reading them found nothing to report.
    private static (ArticleFrontMatter? Front, string Body) Parsed(string text, SiteConfig site)
    {
        var bag = new DiagnosticBag();
        var split = FrontMatterSplitter.Split(text, "x.md", bag)!;
        var front = FrontMatterParser.ParseArticle(YamlMap.Parse(split.Yaml, "x.md", split.YamlLineOffset, bag, "front matter")!, site);
        Assert.Empty(bag.ToImmutableSorted());
        return (front, split.Body.ToString());
    }
}
