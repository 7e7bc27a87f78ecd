using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Templates.Views;

namespace Broadside.Templates;

/// <summary>Turns content records into the views templates see. Built once per build; safe on any thread.</summary>
public sealed partial class ViewFactory
{
    private const int WordsPerMinute = 230;
    private readonly SiteConfig _site;
    private readonly string _dateFormat;

    /// <summary>Creates a factory for <paramref name="site"/>.</summary>
    public ViewFactory(SiteConfig site)
    {
        _site = site;

        // The culture's long date without the weekday: "March 14, 2026", "14 de marzo de 2026".
        var pattern = WeekdayPattern().Replace(site.Culture.DateTimeFormat.LongDatePattern, string.Empty).Trim(' ', ',');
        _dateFormat = pattern.Length == 0 ? "d MMMM yyyy" : pattern;
    }

    /// <summary>The root-relative URL of a path below the site root.</summary>
    public string Url(string path) => _site.RootPath + path;

    /// <summary>The absolute URL of a path below the site root.</summary>
    public string AbsoluteUrl(string path) => _site.BaseUrl.AbsoluteUri + path;

    /// <summary>The view of <paramref name="article"/>.</summary>
    public ArticleView Article(Article article)
    {
        var front = article.FrontMatter;
        return new ArticleView
        {
            Title = front.Title,
            Url = Url(article.Path),
            Summary = article.Summary,
            Content = new RawHtml(article.Html),
            Section = Link(front.Section),
            Authors = [.. front.Authors.Select(Link)],
            DateIso = Iso(front.Date),
            DateDisplay = Display(front.Date),
            UpdatedIso = front.Updated is { } updated ? Iso(updated) : string.Empty,
            UpdatedDisplay = front.Updated is { } u ? Display(u) : string.Empty,
            Tags = [.. front.Tags.Select(Link)],
            Demands = [.. front.Demands.Select(d => new DemandView(d.Text ?? d.Id ?? string.Empty, d.Id ?? string.Empty, string.Empty))],
            Image = front.Image is { } image ? ImageUrl(image) : string.Empty,
            ImageAlt = front.ImageAlt ?? string.Empty,
            Lang = front.Lang is { } lang && !lang.Equals(_site.Language, StringComparison.OrdinalIgnoreCase) ? lang : string.Empty,
            Canonical = front.Canonical?.AbsoluteUri ?? string.Empty,
            ReadingMinutes = Math.Max(1, (article.WordCount + WordsPerMinute - 1) / WordsPerMinute),
            WordCount = article.WordCount,
            Extra = front.Extra,
        };
    }

    /// <summary>The view of a standalone page.</summary>
    public PageView Page(Page page) => new()
    {
        Title = page.Title,
        Url = Url(page.Path),
        Summary = page.Summary,
        Content = new RawHtml(page.Html),
        UpdatedIso = page.FrontMatter.Updated is { } updated ? Iso(updated) : string.Empty,
        UpdatedDisplay = page.FrontMatter.Updated is { } u ? Display(u) : string.Empty,
        Extra = page.FrontMatter.Extra,
    };

    /// <summary>The head metadata of a page at <paramref name="path"/>.</summary>
    public MetaView Meta(string kind, string title, string description, string path, string? lang = null, Uri? canonical = null) => new()
    {
        Kind = kind,
        Title = title,
        Description = description.Length > 0 ? description : _site.Description,
        Url = Url(path),
        CanonicalUrl = canonical?.AbsoluteUri ?? AbsoluteUrl(path),
        Lang = lang ?? _site.Language,
    };

    /// <summary>The <c>site</c> every template sees.</summary>
    public SiteView Site(IEnumerable<Page> pages, DateTimeOffset now) => new()
    {
        Title = _site.Title,
        Description = _site.Description,
        BaseUrl = _site.BaseUrl.AbsoluteUri,
        Root = _site.RootPath,
        Language = _site.Language,
        Sections = [.. _site.Sections.Select(s => Link(s.Name))],
        Pages = [.. pages.OrderBy(p => p.Path, StringComparer.Ordinal).Select(p => new PageLinkView(p.Title, Url(p.Path)))],
        Year = TimeZoneInfo.ConvertTime(now, _site.TimeZone).Year,
        Params = _site.Params,
    };

    /// <summary>ISO 8601 with the offset it was written with.</summary>
    public static string Iso(DateTimeOffset date) => date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The date for readers, in the site's time zone and language.</summary>
    public string Display(DateTimeOffset date) =>
        TimeZoneInfo.ConvertTime(date, _site.TimeZone).ToString(_dateFormat, _site.Culture);

    private static LinkView Link(string name) => new(name, Slug.From(name), string.Empty);

    private string ImageUrl(string image) =>
        Uri.TryCreate(image, UriKind.Absolute, out var absolute) && !image.StartsWith('/') ? absolute.AbsoluteUri : Url(image.TrimStart('/'));

    [GeneratedRegex(@"d{4}[,.\s]*|[,\s]*d{4}")]
    private static partial Regex WeekdayPattern();
}
