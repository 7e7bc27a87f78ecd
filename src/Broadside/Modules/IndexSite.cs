using System.Collections.Frozen;
using System.Collections.Immutable;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Pictures;
using Broadside.Taxonomy;
using Broadside.Templates;
using Broadside.Templates.Views;

namespace Broadside.Modules;

/// <summary>
/// Builds the <see cref="IndexDocument"/> from the published articles and the data files: the index,
/// each article's <see cref="Context"/>, and every article's view. A build from nothing makes every view
/// at once; one that starts from an earlier build makes each when first shown, and takes the earlier
/// build's when the article and its context are as they were.
/// </summary>
/// <param name="site">The configuration.</param>
/// <param name="views">Makes the views.</param>
/// <param name="theme">Renders each article's card.</param>
/// <param name="articlesPipeline">The pipeline of the published articles.</param>
/// <param name="dataPipeline">The pipeline of the data files.</param>
/// <param name="earlier">
/// What an earlier build of this process made, to start from: its index (each term and demand no
/// changed article is in is taken as it was), its views, and each article's context then. Null to
/// build the index from the articles alone.
/// </param>
/// <param name="lazyViews">True to make each view when first asked for (a build that makes only some pages).</param>
/// <param name="picturesPipeline">The pipeline of the pictures, which articles show; null for none.</param>
/// <param name="headlineCards">How many of the newest articles without a picture have a social card of their own (<see cref="PictureSettings.HeadlineCards"/>); 0 when the build draws none.</param>
/// <param name="translationsPipeline">The pipeline that links the versions of each article in the site's languages; null for none.</param>
/// <remarks>
/// In a site of several languages, <paramref name="site"/> is the configuration of one (<see cref="SiteConfig.ForLanguage"/>),
/// and the index holds that language's articles alone.
/// </remarks>
public sealed class IndexSite(SiteConfig site, ViewFactory views, Theme theme, string articlesPipeline, string dataPipeline, IndexDocument? earlier = null, bool lazyViews = false, string? picturesPipeline = null, int headlineCards = 0, string? translationsPipeline = null) : IModule
{
    /// <summary>The partial rendered once per article as its <see cref="ArticleView.Card"/>.</summary>
    public const string CardPartial = "article-card";

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var articles = site.Multilingual
            ? context.OutputsOf<Article>(articlesPipeline).Where(a => site.LanguageOf(a.FrontMatter.Lang)?.Code == site.Language).ToImmutableArray()
            : context.OutputsOf<Article>(articlesPipeline).ToImmutableArray();
        var profiles = context.OutputsOf<AuthorsDocument>(dataPipeline).SelectMany(d => d.Profiles).ToImmutableArray();
        var demands = context.OutputsOf<DemandCatalogDocument>(dataPipeline).SelectMany(d => d.Demands).Select(d => d.In(site.Language, site.PathPrefix.Length == 0)).ToImmutableArray();
        var translations = TranslationsDocument.In(context, translationsPipeline);
        (SiteIndexBuilder.Reuse Reuse, List<Article> Fresh, List<string> Gone)? reuse = earlier is null ? null : Reuse(earlier.Index, articles);
        var index = SiteIndexBuilder.Build(articles, site, profiles, demands, context.Diagnostics, reuse?.Reuse);
        var pictures = picturesPipeline is null ? PictureCatalog.Empty : PicturesDocument.In(context, picturesPipeline);

        // The pictures changed since the earlier build: every article's context may have.
        if (earlier is not null && earlier.Pictures != pictures.Key)
        {
            earlier = null;
            reuse = null;
        }

        var cards = HeadlineCards(index, pictures);
        var touched = reuse is null ? null : Touched(earlier!.Index, index, reuse.Value.Fresh);

        // An article whose versions in the other languages came, went or moved links to them otherwise.
        if (touched is not null && earlier!.Translations.Key != translations.Key)
        {
            touched = [.. touched.Union(index.Articles.Where(a => !earlier.Translations.Of(a).SequenceEqual(translations.Of(a))), ReferenceEqualityComparer.Instance).Cast<Article>()];
        }

        // An article that gained or lost a card of its own (one newer came or went) reads otherwise.
        if (touched is not null && !cards.SetEquals(earlier!.HeadlineCards))
        {
            var changed = new HashSet<string>(cards, StringComparer.Ordinal);
            changed.SymmetricExceptWith(earlier.HeadlineCards);
            touched = [.. touched.Union(index.Articles.Where(a => changed.Contains(a.Source!)), ReferenceEqualityComparer.Instance).Cast<Article>()];
        }

        Dictionary<string, Hash128> contextOf;
        HashSet<string>? stale = null;
        if (touched is not null && earlier!.Contexts is Dictionary<string, Hash128> before)
        {
            // Only the articles the change touched can have another context: the others keep theirs.
            contextOf = new Dictionary<string, Hash128>(before, StringComparer.Ordinal);
            stale = new HashSet<string>(reuse!.Value.Gone, StringComparer.Ordinal);
            foreach (var gone in reuse.Value.Gone)
            {
                contextOf.Remove(gone);
            }

            foreach (var article in touched)
            {
                var now = Context(article, index, pictures, cards.Contains(article.Source!), translations.Of(article));
                if (!before.TryGetValue(article.Source!, out var then) || then != now)
                {
                    contextOf[article.Source!] = now;
                    stale.Add(article.Source!);
                }
            }
        }
        else
        {
            var contexts = new Hash128[articles.Length];
            Parallel.For(0, articles.Length, i => contexts[i] = Context(articles[i], index, pictures, cards.Contains(articles[i].Source!), translations.Of(articles[i])));
            contextOf = new Dictionary<string, Hash128>(articles.Length, StringComparer.Ordinal);
            for (var i = 0; i < articles.Length; i++)
            {
                contextOf[articles[i].Source!] = contexts[i];
            }

            if (earlier is not null)
            {
                stale = new HashSet<string>(earlier.Contexts.Keys.Where(source => !contextOf.ContainsKey(source)), StringComparer.Ordinal);
                foreach (var (source, now) in contextOf)
                {
                    if (!earlier.Contexts.TryGetValue(source, out var then) || then != now)
                    {
                        stale.Add(source);
                    }
                }
            }
        }

        var diagnostics = context.Diagnostics;
        if (earlier is not null || lazyViews)
        {
            // The earlier build's views that still hold are taken as they are.
            var kept = earlier?.Views switch
            {
                LazyArticleViews lazy => lazy.Kept,
                { } made => KeptViews.Flat(made),
                null => null,
            };
            var near = touched?.ToDictionary(a => a.Source!, StringComparer.Ordinal);
            var all = new Lazy<IReadOnlyDictionary<string, Article>>(() => articles.ToDictionary(a => a.Source!, StringComparer.Ordinal));
            return [new IndexDocument(index, new LazyArticleViews(all, article => View(views, theme, article, index, diagnostics, pictures: pictures, headlineCard: cards.Contains(article.Source!), translations: translations.Of(article)), kept, stale, near), contextOf) { Touched = touched, Gone = reuse?.Gone ?? [], Pictures = pictures.Key, HeadlineCards = cards, Translations = translations }];
        }

        // Each article is linked from the pages of the articles it is related to: its link is made once.
        var links = new ArticleLinkView[articles.Length];
        Parallel.For(0, articles.Length, i => links[i] = views.ArticleLink(articles[i]));
        var linkOf = new Dictionary<Article, ArticleLinkView>(articles.Length, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < articles.Length; i++)
        {
            linkOf[articles[i]] = links[i];
        }

        var articleViews = new ArticleView[articles.Length];
        Parallel.For(0, articles.Length, i => articleViews[i] = View(views, theme, articles[i], index, diagnostics, a => linkOf[a], pictures, cards.Contains(articles[i].Source!), translations.Of(articles[i])));
        var bySource = articles.Select((a, i) => (a.Source!, articleViews[i]))
            .ToFrozenDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
        return [new IndexDocument(index, bySource, contextOf) { Pictures = pictures.Key, HeadlineCards = cards, Translations = translations }];
    }

    /// <summary>
    /// A hash of everything of <paramref name="article"/>'s view that comes from elsewhere in
    /// <paramref name="index"/>, with the bytes of its own file: the names and places of its section,
    /// authors and tags, the demands it raises as the index shows them, and the articles related to it
    /// and the parts of its series, by their files' bytes. Two builds that give an article the same context give it the same view
    /// (the configuration and theme being the same), so only an article whose context changed can read
    /// otherwise.
    /// </summary>
    public static Hash128 Context(Article article, SiteIndex index, PictureCatalog? pictures = null, bool headlineCard = false, ImmutableArray<TranslationLink> translations = default)
    {
        var key = new KeyBuilder().Add(article.Source).Add(article.SourceHash).Add(article.Destination).Add(headlineCard ? 1 : 0);
        foreach (var translation in translations.IsDefault ? [] : translations)
        {
            key.Add(translation.Language).Add(translation.Path);
        }

        if (pictures is { Count: > 0 })
        {
            key.Add(pictures.Shown(article.Links).Key).Add(pictures.Lead(article.FrontMatter.Image)?.Key ?? default);
        }

        void Term(Term? term) => key.Add(term?.Name).Add(term?.Path);
        Term(index.Section(article.FrontMatter.Section));
        foreach (var author in article.FrontMatter.Authors)
        {
            Term(index.Author(author));
        }

        foreach (var tag in article.FrontMatter.Tags)
        {
            Term(index.Tag(tag));
        }

        foreach (var (demand, wording) in index.DemandsOf(article))
        {
            key.Add(demand.Text).Add(demand.Slug).Add(demand.Path).Add(wording);
        }

        foreach (var related in index.RelatedTo(article))
        {
            key.Add(related.Source).Add(related.SourceHash);
        }

        // Its series, whose every part it lists with its title and place.
        if (index.SeriesOf(article) is { } series)
        {
            key.Add(series.Name).Add(series.Path);
            foreach (var part in series.Articles)
            {
                key.Add(part.Source).Add(part.SourceHash);
            }
        }

        return key.Finish();
    }

    /// <summary>The view of <paramref name="article"/> in <paramref name="index"/>, with its key and its card.</summary>
    /// <param name="views">Makes the view.</param>
    /// <param name="theme">Renders the card.</param>
    /// <param name="article">The article.</param>
    /// <param name="index">The index it is filed in.</param>
    /// <param name="diagnostics">Where the card's rendering reports problems.</param>
    /// <param name="link">Each article's link, when made once for all (<see cref="ViewFactory.Article"/>).</param>
    /// <param name="pictures">The pictures the article may show.</param>
    /// <param name="headlineCard">True when the article has a social card of its own.</param>
    /// <param name="translations">Its versions in the site's languages, itself among them.</param>
    internal static ArticleView View(ViewFactory views, Theme theme, Article article, SiteIndex index, DiagnosticBag diagnostics, Func<Article, ArticleLinkView>? link = null, PictureCatalog? pictures = null, bool headlineCard = false, ImmutableArray<TranslationLink> translations = default)
    {
        var view = views.Article(article, index, link, pictures, headlineCard, translations);
        var key = KeyBuilder.Of(view);
        return view with { Key = key, Card = RawHtml.Once(() => theme.RenderPartial(CardPartial, [new("article", view), new(Theme.LanguageVariable, views.Config.Language)], diagnostics), key) };
    }

    // The newest articles without a lead picture, as many as have a card of their own, by source file.
    private HashSet<string> HeadlineCards(SiteIndex index, PictureCatalog pictures)
    {
        var cards = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < index.Articles.Length && cards.Count < headlineCards; i++)
        {
            if (pictures.Lead(index.Articles[i].FrontMatter.Image) is null)
            {
                cards.Add(index.Articles[i].Source!);
            }
        }

        return cards;
    }

    // The earlier index to build from, and the articles that changed since: by source file, as the
    // earlier index holds them (null for an article it does not hold). Every other is the same object.
    private static (SiteIndexBuilder.Reuse Reuse, List<Article> Fresh, List<string> Gone) Reuse(SiteIndex earlier, ImmutableArray<Article> articles)
    {
        // Most often the articles are those of the earlier index in its order, some of them new versions
        // of the same files in the same places: then they are found by walking both, without a table.
        if (earlier.Articles.Length == articles.Length)
        {
            var moved = new Dictionary<string, Article?>(StringComparer.Ordinal);
            var versions = new List<Article>();
            for (var i = 0; i < articles.Length && moved is not null; i++)
            {
                var (version, was) = (articles[i], earlier.Articles[i]);
                if (ReferenceEquals(version, was))
                {
                    continue;
                }

                if (string.Equals(version.Source, was.Source, StringComparison.Ordinal))
                {
                    moved[version.Source!] = was;
                    versions.Add(version);
                }
                else
                {
                    moved = null;
                }
            }

            if (moved is not null)
            {
                return (new SiteIndexBuilder.Reuse(earlier, moved, [.. versions]), versions, []);
            }
        }

        var now = new HashSet<Article>(articles.Length, ReferenceEqualityComparer.Instance);
        foreach (var article in articles)
        {
            now.Add(article);
        }

        var then = new HashSet<Article>(earlier.Articles.Length, ReferenceEqualityComparer.Instance);
        var old = new Dictionary<string, Article>(StringComparer.Ordinal);
        foreach (var article in earlier.Articles)
        {
            then.Add(article);
            if (!now.Contains(article))
            {
                old[article.Source!] = article;
            }
        }

        var changed = new Dictionary<string, Article?>(StringComparer.Ordinal);
        var fresh = new List<Article>();
        foreach (var article in articles)
        {
            if (!then.Contains(article))
            {
                changed[article.Source!] = old.Remove(article.Source!, out var before) ? before : null;
                fresh.Add(article);
            }
        }

        foreach (var (source, gone) in old)
        {
            changed[source] = gone;
        }

        return (new SiteIndexBuilder.Reuse(earlier, changed, [.. fresh]), fresh, [.. old.Keys]);
    }

    // The articles whose context may differ from the earlier index's: the changed ones, those filed
    // under a section, author, tag or demand whose name or page changed, and those whose related
    // articles were found again. Null when every article's may.
    private static List<Article>? Touched(SiteIndex earlier, SiteIndex index, List<Article> fresh)
    {
        if (index.RelatedAgain is not { } relatedAgain)
        {
            return null;
        }

        var touched = new HashSet<Article>(relatedAgain, ReferenceEqualityComparer.Instance);
        void Terms(ImmutableArray<Term> before, ImmutableArray<Term> after)
        {
            var byPath = before.ToDictionary(t => t.Path, StringComparer.Ordinal);
            foreach (var term in after)
            {
                if (!ReferenceEquals(byPath.GetValueOrDefault(term.Path), term) && byPath.GetValueOrDefault(term.Path)?.Name != term.Name)
                {
                    touched.UnionWith(term.Articles);
                }
            }
        }

        Terms(earlier.Sections, index.Sections);
        Terms(earlier.Tags, index.Tags);
        Terms(earlier.Authors, index.Authors);

        // Every part of a series lists every other: a series whose parts changed touches them all.
        var series = earlier.Series.ToDictionary(t => t.Path, StringComparer.Ordinal);
        foreach (var term in index.Series)
        {
            if (!ReferenceEquals(series.GetValueOrDefault(term.Path), term))
            {
                touched.UnionWith(term.Articles);
            }
        }

        var demands = earlier.Demands.ToDictionary(d => d.Path, StringComparer.Ordinal);
        foreach (var demand in index.Demands)
        {
            if (!ReferenceEquals(demands.GetValueOrDefault(demand.Path), demand) && (demands.GetValueOrDefault(demand.Path) is not { } before || before.Text != demand.Text || before.Slug != demand.Slug))
            {
                touched.UnionWith(demand.Entries.Select(e => e.Article));
            }
        }

        touched.UnionWith(fresh);
        return [.. touched];
    }
}
