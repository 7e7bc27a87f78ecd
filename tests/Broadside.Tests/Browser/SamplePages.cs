using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Browser;

/// <summary>
/// One page of each kind of the built sample, found the way a reader finds them: the home page's lead
/// article, and that article's section, first tag, first author and first demand.
/// </summary>
/// <param name="Article">The lead article of the home page.</param>
/// <param name="Section">Its section's page.</param>
/// <param name="Tag">Its first tag's page.</param>
/// <param name="Author">Its first author's page.</param>
/// <param name="Demand">Its first demand's page.</param>
/// <param name="Pictures">The article with the most pictures: a lead photograph and photographs in its text.</param>
/// <param name="SpanishArticle">The lead article of the Spanish home page.</param>
/// <param name="ArabicArticle">The Arabic version of an article that has versions in every language, found from the Arabic home page.</param>
/// <param name="ArabicDemand">The first demand of that Arabic article.</param>
/// <param name="Media">The first article with a video player and an audio file in its text.</param>
public sealed record SamplePages(string Article, string Section, string Tag, string Author, string Demand, string Pictures, string SpanishArticle, string ArabicArticle, string ArabicDemand, string Media)
{
    /// <summary>The home page.</summary>
    public const string Home = "/";

    /// <summary>The demands index.</summary>
    public const string Demands = "/demands/";

    /// <summary>The search page.</summary>
    public const string Search = "/search/";

    /// <summary>The Spanish home page.</summary>
    public const string SpanishHome = "/es/";

    /// <summary>The Arabic home page.</summary>
    public const string ArabicHome = "/ar/";

    /// <summary>The name of each kind of page, for theories over all of them.</summary>
    public static TheoryData<string> Kinds() => ["home", "article", "section", "tag", "author", "demands", "demand", "search", "pictures", "media", "home-es", "article-es", "home-ar", "article-ar", "demand-ar", "demands-ar", "search-ar"];

    /// <summary>The path of each page by the name tests give it.</summary>
    public IReadOnlyDictionary<string, string> ByName => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["home"] = Home,
        ["article"] = Article,
        ["section"] = Section,
        ["tag"] = Tag,
        ["author"] = Author,
        ["demands"] = Demands,
        ["demand"] = Demand,
        ["search"] = Search,
        ["pictures"] = Pictures,
        ["media"] = Media,
        ["home-es"] = SpanishHome,
        ["article-es"] = SpanishArticle,
        ["home-ar"] = ArabicHome,
        ["article-ar"] = ArabicArticle,
        ["demand-ar"] = ArabicDemand,
        ["demands-ar"] = ArabicHome + "demands/",
        ["search-ar"] = ArabicHome + "search/",
    };

    /// <summary>Follows the built site's links to one page of each kind; fails the test when a link is missing.</summary>
    public static SamplePages Find(SiteOutput site)
    {
        static string Href(AngleSharp.Dom.IParentNode page, string selector) =>
            page.QuerySelector(selector)?.GetAttribute("href") ?? throw new InvalidOperationException($"No '{selector}' link to follow.");

        var article = Href(site.Page(Home), ".front-lead .lead-title a");
        var page = site.Page(article);
        var arabic = site.Page(ArabicHome).QuerySelectorAll("main a[href]")
            .Select(a => a.GetAttribute("href")!)
            .Where(href => href.StartsWith(ArabicHome + "20", StringComparison.Ordinal))
            .First(href => site.Page(href).QuerySelectorAll("nav.translations a").Length == 2);
        return new SamplePages(
            article,
            Href(page, "article .kicker a"),
            Href(page, "article .tags a.tag"),
            Href(page, "article .byline a.author"),
            Href(page, "article aside.demands li a"),
            MostPictures(site),
            Href(site.Page(SpanishHome), ".front-lead .lead-title a"),
            arabic,
            Href(site.Page(arabic), "article aside.demands li a"),
            WithMedia(site));
    }

    // The first article page (by path) with a video player and an audio file in its text.
    private static string WithMedia(SiteOutput site) =>
        site.HtmlFiles
            .Order(StringComparer.Ordinal)
            .Where(file => site.Parse(file) is var page && page.QuerySelector(".article-body a.player-link") is not null && page.QuerySelector(".article-body audio") is not null)
            .Select(file => "/" + file[..^"index.html".Length])
            .FirstOrDefault() ?? throw new InvalidOperationException("No article of the sample shows a video player and an audio file.");

    // The article page with a lead picture and the most pictures in its text.
    private static string MostPictures(SiteOutput site) =>
        site.HtmlFiles
            .Select(file => (File: file, Page: site.Parse(file)))
            .Where(p => p.Page.QuerySelector(".lead-image picture") is not null)
            .OrderByDescending(p => p.Page.QuerySelectorAll(".article-body picture").Length)
            .Select(p => "/" + p.File[..^"index.html".Length])
            .FirstOrDefault() ?? throw new InvalidOperationException("No article of the sample has a lead picture.");
}
