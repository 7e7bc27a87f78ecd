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

/// <summary>Builds the <see cref="IndexDocument"/> from the published articles and the data files.</summary>
public sealed class IndexSite(SiteConfig site, ViewFactory views, Theme theme, string articlesPipeline, string dataPipeline) : IModule
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

        var articleViews = new ArticleView[articles.Length];
        Parallel.For(0, articles.Length, i => articleViews[i] = View(views, theme, articles[i], index, context.Diagnostics));
        var bySource = articles.Select((a, i) => (a.Source!, articleViews[i]))
            .ToFrozenDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
        return [new IndexDocument(index, bySource)];
    }

    /// <summary>The view of <paramref name="article"/> in <paramref name="index"/>, with its key and its card.</summary>
    internal static ArticleView View(ViewFactory views, Theme theme, Article article, SiteIndex index, DiagnosticBag diagnostics)
    {
        var view = views.Article(article, index);
        var key = KeyBuilder.Of(view);
        return view with { Key = key, Card = RawHtml.Once(() => theme.RenderPartial(CardPartial, [new("article", view)], diagnostics), key) };
    }
}
