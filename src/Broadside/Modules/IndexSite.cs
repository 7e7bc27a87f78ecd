using System.Collections.Frozen;
using System.Collections.Immutable;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Taxonomy;
using Broadside.Templates;
using Broadside.Templates.Views;

namespace Broadside.Modules;

/// <summary>
/// Builds the <see cref="IndexDocument"/> from the published articles and the data files: the index,
/// and every article's view, made at once or, when <paramref name="lazyViews"/>, each when first shown
/// (<see cref="LazyArticleViews"/>).
/// </summary>
/// <param name="site">The configuration.</param>
/// <param name="views">Makes the views.</param>
/// <param name="theme">Renders each article's card.</param>
/// <param name="articlesPipeline">The pipeline of the published articles.</param>
/// <param name="dataPipeline">The pipeline of the data files.</param>
/// <param name="lazyViews">True to make each view when first asked for.</param>
public sealed class IndexSite(SiteConfig site, ViewFactory views, Theme theme, string articlesPipeline, string dataPipeline, bool lazyViews = false) : IModule
{
    /// <summary>The partial rendered once per article as its <see cref="ArticleView.Card"/>.</summary>
    public const string CardPartial = "article-card";

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var articles = context.OutputsOf<Article>(articlesPipeline).ToImmutableArray();
        var profiles = context.OutputsOf<AuthorsDocument>(dataPipeline).SelectMany(d => d.Profiles).ToImmutableArray();
        var demands = context.OutputsOf<DemandCatalogDocument>(dataPipeline).SelectMany(d => d.Demands).ToImmutableArray();
        var index = SiteIndexBuilder.Build(articles, site, profiles, demands, context.Diagnostics);
        if (lazyViews)
        {
            var diagnostics = context.Diagnostics;
            var articleOf = articles.ToDictionary(a => a.Source!, StringComparer.Ordinal);
            return [new IndexDocument(index, new LazyArticleViews(articleOf, article => View(views, theme, article, index, diagnostics)))];
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
        Parallel.For(0, articles.Length, i => articleViews[i] = View(views, theme, articles[i], index, context.Diagnostics, a => linkOf[a]));
        var bySource = articles.Select((a, i) => (a.Source!, articleViews[i]))
            .ToFrozenDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
        return [new IndexDocument(index, bySource)];
    }

    /// <summary>The view of <paramref name="article"/> in <paramref name="index"/>, with its key and its card.</summary>
    /// <param name="views">Makes the view.</param>
    /// <param name="theme">Renders the card.</param>
    /// <param name="article">The article.</param>
    /// <param name="index">The index it is filed in.</param>
    /// <param name="diagnostics">Where the card's rendering reports problems.</param>
    /// <param name="link">Each article's link, when made once for all (<see cref="ViewFactory.Article"/>).</param>
    internal static ArticleView View(ViewFactory views, Theme theme, Article article, SiteIndex index, DiagnosticBag diagnostics, Func<Article, ArticleLinkView>? link = null)
    {
        var view = views.Article(article, index, link);
        var key = KeyBuilder.Of(view);
        return view with { Key = key, Card = RawHtml.Once(() => theme.RenderPartial(CardPartial, [new("article", view)], diagnostics), key) };
    }
}
