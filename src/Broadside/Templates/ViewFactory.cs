using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Output;
using Broadside.Taxonomy;
using Broadside.Templates.Views;

namespace Broadside.Templates;

/// <summary>Turns content records into the views templates see. Built once per build; safe on any thread.</summary>
public sealed partial class ViewFactory
{
    private const int WordsPerMinute = 230;
    private readonly SiteConfig _site;
    private readonly string _dateFormat;
    private readonly ImmutableArray<FeedLinkView> _siteFeeds;

    /// <summary>
    /// Creates a factory for <paramref name="site"/>; <paramref name="noIndex"/> asks search engines to skip
    /// every page; <paramref name="socialCards"/> says that the build draws social cards (<see cref="SiteCard"/>);
    /// <paramref name="strings"/> are the words of the site's language (English when null); <paramref name="icons"/>
    /// says that the build publishes the theme's icon as PNGs (<see cref="TouchIconPath"/>);
    /// <paramref name="actionStrings"/> are the words of the call to action's language when it is not the site's.
    /// </summary>
    public ViewFactory(SiteConfig site, bool noIndex = false, bool socialCards = false, LanguageStrings? strings = null, bool icons = false, LanguageStrings? actionStrings = null)
    {
        _site = site;
        NoIndex = noIndex;
        Strings = strings ?? LanguageStrings.English;
        SiteCard = socialCards ? AbsoluteUrl(site.PathPrefix + SiteCardPath) : string.Empty;
        Icons = icons;

        // The culture's long date without the weekday: "March 14, 2026", "14 de marzo de 2026".
        var pattern = WeekdayPattern().Replace(site.Culture.DateTimeFormat.LongDatePattern, string.Empty).Trim(' ', ',', '\u060C');
        _dateFormat = pattern.Length == 0 ? "d MMMM yyyy" : pattern;
        _siteFeeds =
        [
            new FeedLinkView(Strings.Get("feed_link_rss", ("site", site.Title)), "application/rss+xml", Url(site.PathPrefix + "feed.xml")),
            new FeedLinkView(Strings.Get("feed_link_atom", ("site", site.Title)), "application/atom+xml", Url(site.PathPrefix + "atom.xml")),
            new FeedLinkView(Strings.Get("feed_link_json", ("site", site.Title)), "application/feed+json", Url(site.PathPrefix + "feed.json")),
        ];
        Dir = site.Culture.TextInfo.IsRightToLeft ? "rtl" : "ltr";
        _homes = site.Multilingual ? [.. site.AllLanguages.Select(l => new TranslationLink(l.Code, l.Prefix))] : [];
        _action = site.Action is { } action ? ActionView(action, action.Language == site.Language ? Strings : actionStrings ?? Strings) : null;
    }

    private readonly CallToActionView? _action;

    // Written in a language other than the page's (one that has none of its own), the block says so,
    // and its words come from that language too.
    private CallToActionView ActionView(CallToAction action, LanguageStrings words)
    {
        var foreign = !action.Language.Equals(_site.Language, StringComparison.OrdinalIgnoreCase);
        return new CallToActionView
        {
            Heading = action.Heading.Length > 0 ? action.Heading : words.Get("take_action"),
            Text = action.Text,
            Lang = foreign ? action.Language : string.Empty,
            Dir = foreign ? (CultureInfo.GetCultureInfo(action.Language).TextInfo.IsRightToLeft ? "rtl" : "ltr") : string.Empty,
            Links = [.. action.Links.Select(l => new ActionLinkView(l.Label, l.Url.StartsWith('/') ? _site.RootPath + l.Url.TrimStart('/') : l.Url))],
            Signup = action.Signup is not { } signup ? null : new SignupView
            {
                Action = signup.Action.AbsoluteUri,
                Label = signup.Label.Length > 0 ? signup.Label : words.Get("signup_label"),
                Button = signup.Button.Length > 0 ? signup.Button : words.Get("signup_button"),
                EmailField = signup.EmailField,
                Note = words.Get("signup_note", ("host", signup.Action.IdnHost)),
                Hidden = [.. signup.Hidden.Select(h => new HiddenFieldView(h.Key, h.Value))],
            },
        };
    }

    private readonly ImmutableArray<TranslationLink> _homes;

    /// <summary>The configuration of the language this factory makes views in.</summary>
    public SiteConfig Config => _site;

    /// <summary>The path below the site root of this language's pages: empty for the default language, else <c>es/</c>.</summary>
    public string Prefix => _site.PathPrefix;

    /// <summary>The direction of this factory's language: <c>ltr</c> or <c>rtl</c>.</summary>
    public string Dir { get; }

    /// <summary>The name of the language of <paramref name="culture"/> in itself, capitalised: "Español", "العربية".</summary>
    public static string NativeName(CultureInfo culture)
    {
        var name = culture.NativeName;
        return name.Length == 0 ? culture.Name : culture.TextInfo.ToUpper(name[0]) + name[1..];
    }

    /// <summary>
    /// The versions of a page at <paramref name="path"/> in the site's languages, in the order of site.yml,
    /// for the language switcher and <c>hreflang</c> links; empty when it has no other.
    /// </summary>
    public ImmutableArray<LanguageLinkView> Versions(ImmutableArray<TranslationLink> versions, string path)
    {
        if (versions.IsDefaultOrEmpty)
        {
            return [];
        }

        var views = ImmutableArray.CreateBuilder<LanguageLinkView>(versions.Length);
        foreach (var version in versions)
        {
            var language = _site.LanguageOf(version.Language)!;
            views.Add(new LanguageLinkView(language.Code, NativeName(language.Culture), Url(version.Path), AbsoluteUrl(version.Path), version.Path == path, language.RightToLeft ? "rtl" : "ltr"));
        }

        return views.MoveToImmutable();
    }

    /// <summary><paramref name="meta"/> with the <c>hreflang</c> links of <paramref name="versions"/>, the page's versions in the site's languages.</summary>
    public static MetaView WithVersions(MetaView meta, ImmutableArray<LanguageLinkView> versions, SiteConfig site) =>
        versions.IsDefaultOrEmpty
            ? meta
            : meta with
            {
                Alternates = versions,
                DefaultUrl = versions.FirstOrDefault(v => v.Code == site.AllLanguages[0].Code)?.AbsoluteUrl ?? string.Empty,
            };

    /// <summary>The path of the publication's own social card, which pages without one of their own show.</summary>
    public const string SiteCardPath = "cards/site.jpg";

    /// <summary>The icon a phone puts on its home screen (180 by 180), at the path phones ask for without a link.</summary>
    public const string TouchIconPath = Output.ReservedPaths.TouchIcon;

    /// <summary>The large icon (512 by 512): JSON Feed's <c>icon</c>.</summary>
    public const string LargeIconPath = Output.ReservedPaths.LargeIcon;

    /// <summary>The small icon (64 by 64): JSON Feed's <c>favicon</c>.</summary>
    public const string SmallIconPath = Output.ReservedPaths.SmallIcon;

    /// <summary>True when the build publishes the theme's icon as PNGs at <see cref="TouchIconPath"/>, <see cref="LargeIconPath"/> and <see cref="SmallIconPath"/>.</summary>
    public bool Icons { get; }

    /// <summary>The name of an article's own social card, in its folder.</summary>
    public const string ArticleCardName = "card.jpg";

    /// <summary>The absolute URL of the publication's social card; empty when the build draws none.</summary>
    public string SiteCard { get; }

    /// <summary>The words of the site's language that pages and feeds show besides the templates' (titles, descriptions).</summary>
    public LanguageStrings Strings { get; }

    /// <summary>True when search engines are asked to skip every page (deploy previews).</summary>
    public bool NoIndex { get; }

    /// <summary>The root-relative URL of a path below the site root.</summary>
    public string Url(string path) => _site.RootPath + path;

    /// <summary>The absolute URL of a path below the site root, percent-encoded as a URI (<see cref="UrlScheme.Escaped"/>).</summary>
    public string AbsoluteUrl(string path) => _site.BaseUrl.AbsoluteUri + UrlScheme.Escaped(path);

    /// <summary>The view of <paramref name="article"/>, with links to its section, tags, authors and demands.</summary>
    /// <param name="article">The article.</param>
    /// <param name="index">The index it is filed in.</param>
    /// <param name="link">Each article's <see cref="ArticleLink"/>, when made once for all; otherwise each is made here.</param>
    /// <param name="pictures">The pictures of the site: the lead picture's view, and the body's pictures made into &lt;picture&gt;s.</param>
    /// <param name="headlineCard">True when the article has a social card of its own, drawn with its headline.</param>
    /// <param name="translations">Its versions in the site's languages, itself among them; empty for none.</param>
    public ArticleView Article(Article article, SiteIndex index, Func<Article, ArticleLinkView>? link = null, Pictures.PictureCatalog? pictures = null, bool headlineCard = false, ImmutableArray<TranslationLink> translations = default)
    {
        var front = article.FrontMatter;
        pictures ??= Pictures.PictureCatalog.Empty;
        var section = _site.SectionName(front.Section);
        var lead = pictures.Lead(front.Image) is { } picture
            ? Pictures.PictureMarkup.View(picture, _site.RootPath, _site.BaseUrl, front.ImageAlt ?? string.Empty, front.ImageCaption, front.ImageCredit)
            : null;
        return new ArticleView
        {
            Title = front.Title,
            Url = Url(article.Path),
            Permalink = AbsoluteUrl(article.Path),
            Summary = article.Summary,
            Content = Body(() => article.HtmlUtf8, () => article.Html, article.SourceHash, article.Links, pictures, article.Players),
            Players = article.Players > 0,
            Section = Link(section, index.Section(section)),
            Authors = [.. front.Authors.Select(a => Link(a, index.Author(a)))],
            DateIso = Iso(front.Date),
            DateDisplay = Display(front.Date),
            UpdatedIso = front.Updated is { } updated ? Iso(updated) : string.Empty,
            UpdatedDisplay = front.Updated is { } u ? Display(u) : string.Empty,
            Tags = [.. front.Tags.Select(t => Link(t, index.Tag(t)))],
            Series = index.SeriesOf(article) is { } series ? Series(series, article) : null,
            Corrections = [.. front.Corrections.Select(c => new CorrectionView(Iso(c.Date), Display(c.Date), c.Text))],
            Contents = Contents(article.Headings, front.Toc),
            Demands = [.. index.DemandsOf(article).Select(d => DemandOf(article, d.Demand, d.Wording))],
            Related = [.. index.RelatedTo(article).Select(link ?? ArticleLink)],
            Image = lead?.Src ?? (front.Image is { } image ? ImageUrl(image) : string.Empty),
            ImageAlt = front.ImageAlt ?? string.Empty,
            Picture = lead,
            SocialCard = lead?.Card ?? (headlineCard && SiteCard.Length > 0 ? AbsoluteUrl(article.Path + ArticleCardName) : SiteCard),
            Lang = front.Lang is { } lang && !lang.Equals(_site.Language, StringComparison.OrdinalIgnoreCase) ? lang : string.Empty,
            Dir = front.Lang is { } own && CultureInfo.GetCultureInfo(own).TextInfo.IsRightToLeft ? "rtl" : "ltr",
            Translations = Versions(translations, article.Path),
            Canonical = front.Canonical?.AbsoluteUri ?? string.Empty,
            ReadingMinutes = Math.Max(1, (article.WordCount + WordsPerMinute - 1) / WordsPerMinute),
            WordCount = article.WordCount,
            Extra = front.Extra,
        };
    }

    /// <summary>How many sub-headings (<c>##</c> and <c>###</c>) make an article long enough for a table of contents.</summary>
    public const int ContentsHeadings = 4;

    // The table of contents of a body with these sub-headings: the ## headings, each with the ### under
    // it (a ### before any ## stands on its own). None for a short article, or one that says toc: false;
    // toc: true asks for one from two sub-headings.
    internal static ImmutableArray<HeadingView> Contents(ImmutableArray<Markdown.Heading> headings, bool? toc)
    {
        if (toc == false || headings.Length < (toc == true ? 2 : ContentsHeadings))
        {
            return [];
        }

        var entries = new List<(Markdown.Heading Heading, List<HeadingView> Children)>();
        foreach (var heading in headings)
        {
            if (heading.Level == 3 && entries.Count > 0 && entries[^1].Heading.Level == 2)
            {
                entries[^1].Children.Add(new HeadingView(heading.Text, "#" + heading.Id, []));
            }
            else
            {
                entries.Add((heading, []));
            }
        }

        return [.. entries.Select(e => new HeadingView(e.Heading.Text, "#" + e.Heading.Id, [.. e.Children]))];
    }

    // The series of an article: its parts oldest first (the term lists them newest first), its own marked.
    private SeriesView Series(Term series, Article article)
    {
        var count = series.Articles.Length;
        var parts = ImmutableArray.CreateBuilder<SeriesPartView>(count);
        var at = 0;
        for (var i = count - 1; i >= 0; i--)
        {
            var part = series.Articles[i];
            var current = part.Source == article.Source;
            at = current ? parts.Count : at;
            parts.Add(new SeriesPartView(part.Title, Url(part.Path), count - i, current));
        }

        var all = parts.MoveToImmutable();
        return new SeriesView
        {
            Name = series.Name,
            Url = Url(series.Path),
            Part = at + 1,
            Count = count,
            Parts = all,
            Previous = at > 0 ? all[at - 1] : null,
            Next = at < count - 1 ? all[at + 1] : null,
        };
    }

    /// <summary>A short reference to <paramref name="article"/>.</summary>
    public ArticleLinkView ArticleLink(Article article) => new()
    {
        Title = article.Title,
        Url = Url(article.Path),
        Summary = article.Summary,
        DateIso = Iso(article.FrontMatter.Date),
        DateDisplay = Display(article.FrontMatter.Date),
        Section = new LinkView(_site.SectionName(article.FrontMatter.Section), Slug.From(_site.SectionName(article.FrontMatter.Section)), string.Empty),
    };

    /// <summary>The archive header of <paramref name="term"/>.</summary>
    public ArchiveView Archive(Term term) => new()
    {
        Kind = term.Kind.ToString().ToLowerInvariant(),
        Name = term.Name,
        Url = Url(term.Path),
        Count = term.Articles.Length,
        Description = term.Description,
        Bio = term.Profile?.Bio ?? string.Empty,
        Link = term.Profile?.Link ?? string.Empty,
        Picture = term.Profile?.Picture is { Length: > 0 } picture ? ImageUrl(picture) : string.Empty,
    };

    /// <summary>A term in an overview.</summary>
    public TermSummaryView TermSummary(Term term) =>
        new(term.Name, Url(term.Path), term.Articles.Length, term.Description.Length > 0 ? term.Description : term.Profile?.Bio ?? string.Empty);

    // A demand as an article raises it: its own words' headline and explanation; for an {id: …}, the
    // canonical ones of demands.yml.
    private DemandView DemandOf(Article article, Demand demand, string wording)
    {
        var byId = demand.Id.Length > 0 && article.FrontMatter.Demands.Any(r => r.Id == demand.Id);
        var (headline, explanation) = byId ? (demand.Text, demand.Explanation) : DemandHeadline.Split(wording);
        return new DemandView(byId && explanation.Length > 0 ? $"{headline} {explanation}" : wording, demand.Slug, Url(demand.Path), demand.Text) { Headline = headline, Explanation = explanation };
    }

    /// <summary>A demand for the index and its page.</summary>
    public DemandSummaryView Demand(Demand demand, SiteIndex index) => new()
    {
        Text = demand.Text,
        Explanation = demand.Explanation,
        Url = Url(demand.Path),
        Id = demand.Id,
        Slug = demand.Slug,
        Topic = demand.Topic,
        TopicInferred = demand.TopicInferred,
        Count = demand.Count,
        FirstIso = Iso(demand.First),
        FirstDisplay = Display(demand.First),
        LastIso = Iso(demand.Last),
        LastDisplay = Display(demand.Last),
        Sections = [.. demand.Sections.Select(s => Link(s, index.Section(s)))],
        Wordings = [.. demand.Headlines.Select(w => new WordingView(w.Wording, w.Count))],
        Won = demand.Won is { } won ? Victory(demand, won) : null,
        Timeline = DemandTimeline.Of(demand, _site.TimeZone, _site.Culture),
    };

    // The victory of a demand won on the day given: after how many articles and months of campaigning.
    private VictoryView Victory(Demand demand, DateOnly won)
    {
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(demand.First, _site.TimeZone).DateTime);
        var months = ((won.Year - first.Year) * 12) + won.Month - first.Month - (won.Day < first.Day ? 1 : 0);
        return new VictoryView
        {
            Iso = won.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Display = won.ToDateTime(TimeOnly.MinValue).ToString(_dateFormat, _site.Culture),
            Articles = demand.CountBeforeWon(_site.TimeZone),
            Months = Math.Max(0, months),
            Report = demand.WonArticle is { } report ? new LinkView(report.Title, report.Slug, Url(report.Path)) : null,
        };
    }

    /// <summary>Where page <paramref name="number"/> of <paramref name="count"/> of a list at <paramref name="path"/> stands.</summary>
    public PaginationView Pagination(string path, int number, int count, int total) => new()
    {
        Number = number,
        Count = count,
        Total = total,
        PrevUrl = number > 1 ? Url(UrlScheme.Paged(path, number - 1)) : string.Empty,
        NextUrl = number < count ? Url(UrlScheme.Paged(path, number + 1)) : string.Empty,
        Pages = [.. PageWindow(number, count).Select(n => n == 0 ? new PageNumberView(0, string.Empty, false, Gap: true) : new PageNumberView(n, Url(UrlScheme.Paged(path, n)), n == number))],
    };

    /// <summary>
    /// The page numbers to link from page <paramref name="number"/> of <paramref name="count"/>: the
    /// first, the last, and two either side of the current, with 0 for a gap. A gap never stands for a
    /// single page: that page is shown instead.
    /// </summary>
    public static IEnumerable<int> PageWindow(int number, int count)
    {
        var shown = new SortedSet<int> { 1, count };
        for (var n = Math.Max(1, number - 2); n <= Math.Min(count, number + 2); n++)
        {
            shown.Add(n);
        }

        var previous = 0;
        foreach (var n in shown)
        {
            if (n - previous == 2)
            {
                yield return n - 1;
            }
            else if (n - previous > 2)
            {
                yield return 0;
            }

            yield return n;
            previous = n;
        }
    }

    /// <summary>The view of a standalone page, its pictures made into &lt;picture&gt;s by <paramref name="pictures"/>.</summary>
    public PageView Page(Page page, Pictures.PictureCatalog? pictures = null, ImmutableArray<TranslationLink> translations = default) => new()
    {
        Title = page.Title,
        Url = Url(page.Path),
        Translations = Versions(translations, page.Path),
        Summary = page.Summary,
        Content = Body(() => page.HtmlUtf8, () => page.Html, page.SourceHash, page.Links, pictures ?? Pictures.PictureCatalog.Empty, page.Players),
        Players = page.Players > 0,
        UpdatedIso = page.FrontMatter.Updated is { } updated ? Iso(updated) : string.Empty,
        UpdatedDisplay = page.FrontMatter.Updated is { } u ? Display(u) : string.Empty,
        Extra = page.FrontMatter.Extra,
    };

    /// <summary>
    /// The head metadata of a page at <paramref name="path"/>; <paramref name="feedPath"/> is the
    /// page's own RSS feed, announced after the site's feeds.
    /// </summary>
    public MetaView Meta(string kind, string title, string description, string path, string? lang = null, Uri? canonical = null, string? feedPath = null) => new()
    {
        Kind = kind,
        Title = title,
        Description = description.Length > 0 ? description : _site.Description,
        Url = Url(path),
        CanonicalUrl = canonical?.AbsoluteUri ?? AbsoluteUrl(path),
        Lang = lang ?? _site.Language,
        Dir = lang is null ? Dir : CultureInfo.GetCultureInfo(lang).TextInfo.IsRightToLeft ? "rtl" : "ltr",
        Feeds = feedPath is null ? _siteFeeds : _siteFeeds.Add(new FeedLinkView(Strings.Get("feed_title", ("site", _site.Title), ("title", title)), "application/rss+xml", Url(feedPath))),
        FeedUrl = feedPath is null ? string.Empty : Url(feedPath),
        Robots = NoIndex ? "noindex" : string.Empty,
        Image = SiteCard,
        ImageAlt = SiteCard.Length > 0 ? _site.Title : string.Empty,
    };

    /// <summary>The head metadata of an article page: social cards and schema.org NewsArticle data too.</summary>
    public MetaView ArticleMeta(Article article, ArticleView view)
    {
        var front = article.FrontMatter;
        var image = view.SocialCard.Length > 0 ? view.SocialCard : view.Image.Length == 0 ? string.Empty : new Uri(_site.BaseUrl, view.Image).AbsoluteUri;
        return WithVersions(Meta("article", front.Title, view.Summary, article.Path, front.Lang, front.Canonical), view.Translations, _site) with
        {
            Image = image,
            ImageAlt = view.Picture is not null || view.SocialCard.Length == 0 ? view.ImageAlt : front.Title,
            PublishedIso = view.DateIso,
            ModifiedIso = view.UpdatedIso,
            Authors = front.Authors,
            JsonLd = new RawHtml(NewsArticleJson.Script(article, view, image, front.Canonical?.AbsoluteUri ?? AbsoluteUrl(article.Path), _site)),
        };
    }

    /// <summary>The <c>site</c> every template sees.</summary>
    public SiteView Site(IEnumerable<Page> pages, SiteIndex index, DateTimeOffset now) => new()
    {
        Title = _site.Title,
        Description = _site.Description,
        BaseUrl = _site.BaseUrl.AbsoluteUri,
        Root = _site.RootPath,
        Language = _site.Language,
        Dir = Dir,
        Home = Url(Prefix),
        Languages = Versions(_homes, Prefix),
        Sections = MenuSections(index),
        Pages = [.. pages.OrderBy(p => p.Path, StringComparer.Ordinal).Select(p => new PageLinkView(p.Title, Url(p.Path)))],
        DemandsUrl = Url(Prefix + "demands/"),
        TagsUrl = Url(Prefix + "tags/"),
        AuthorsUrl = Url(Prefix + "authors/"),
        SectionsUrl = Url(Prefix + "sections/"),
        Years = [.. index.Years.Select(y => Link(y.Name, y))],
        Year = TimeZoneInfo.ConvertTime(now, _site.TimeZone).Year,
        TouchIcon = Icons ? _site.RootPath + TouchIconPath : string.Empty,
        Action = _action,
        Params = _site.Params,
    };

    /// <summary>The theme's words that name a video player's host: "Watch on {host}".</summary>
    public const string PlayerWords = "player_watch_on";

    /// <summary>The site's time zone, in which days and months are counted.</summary>
    public TimeZoneInfo TimeZone => _site.TimeZone;

    /// <summary>ISO 8601 with the offset it was written with.</summary>
    public static string Iso(DateTimeOffset date) => date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The date for readers, in the site's time zone and language.</summary>
    public string Display(DateTimeOffset date) =>
        TimeZoneInfo.ConvertTime(date, _site.TimeZone).ToString(_dateFormat, _site.Culture);

    // A body: as rendered, or, when it shows pictures of the site, with each made a <picture>, and when it
    // shows video players, with their hosts named in the page's language ("Watch on YouTube").
    private RawHtml Body(Func<byte[]> utf8, Func<string> html, Hash128 hash, IEnumerable<Markdown.WrittenLink> links, Pictures.PictureCatalog pictures, int players)
    {
        var (shown, key) = pictures.Shown(links);
        if (shown.Count == 0 && players == 0)
        {
            return RawHtml.FromUtf8(utf8, hash);
        }

        var sizes = pictures.Settings.BodySizes;
        // A theme without the words names the host alone.
        var words = players > 0 && Strings.Find(PlayerWords) is not null ? Strings.Get(PlayerWords, ("host", "{host}")) : string.Empty;
        return RawHtml.FromUtf8(
            () =>
            {
                var body = html();
                body = shown.Count == 0 ? body : Pictures.PictureMarkup.Expand(body, pictures, _site.RootPath, sizes);
                return System.Text.Encoding.UTF8.GetBytes(players == 0 ? body : Markdown.Embeds.NameHosts(body, words));
            },
            new Output.KeyBuilder().Add(hash).Add(key).Add(words).Finish());
    }

    // The sections of site.yml in its order, each linked once it has articles, then every other section
    // with articles in the index's order: a section an article names is reachable though site.yml does not list it.
    private ImmutableArray<LinkView> MenuSections(SiteIndex index)
    {
        var listed = _site.Sections.Select(s => (s.Name, Term: index.Section(s.Name))).ToList();
        var shown = listed.Where(s => s.Term is not null).Select(s => s.Term!).ToHashSet(ReferenceEqualityComparer.Instance);
        return [.. listed.Select(s => Link(s.Name, s.Term)), .. index.Sections.Where(t => !shown.Contains(t)).Select(t => Link(t.Name, t))];
    }

    private LinkView Link(string name, Term? term) =>
        term is null ? new LinkView(name, Slug.From(name), string.Empty) : new LinkView(term.Name, term.Slug, Url(term.Path));

    private string ImageUrl(string image) =>
        Uri.TryCreate(image, UriKind.Absolute, out var absolute) && !image.StartsWith('/') ? absolute.AbsoluteUri : Url(image.TrimStart('/'));

    [GeneratedRegex(@"d{4}[,.\s]*|[,\s]*d{4}")]
    private static partial Regex WeekdayPattern();
}
