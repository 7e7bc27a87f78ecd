using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Broadside.Content;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Outputs;
using Broadside.Templates;

namespace Broadside.Modules;

/// <summary>
/// Renders each article with <c>templates/article.liquid</c> into its page. A list per article, of the
/// article alone: its page is made again when its view changes.
/// </summary>
/// <param name="theme">Renders the pages.</param>
/// <param name="views">Makes the head metadata, in the pages' language.</param>
/// <param name="articlesPipeline">The pipeline of the published articles.</param>
/// <param name="indexPipeline">The pipeline of the index the articles are in.</param>
/// <param name="sitePipeline">The pipeline of the site they are shown in.</param>
/// <param name="planPipeline">The pipeline of the plan.</param>
/// <param name="holds">In a site of several languages, which articles' <c>lang</c> this module's language holds; null for every article.</param>
public sealed class RenderArticlePages(Theme theme, ViewFactory views, string articlesPipeline, string indexPipeline, string sitePipeline, string planPipeline, Func<string?, bool>? holds = null) : ParallelModule<Article>, IListing
{
    /// <summary>The template this module renders.</summary>
    public const string Template = "article";

    // An article's list depends on the article alone, which is immutable: the same object declares the
    // same list, and a build from the last one in the same process finds the lists of the articles that
    // did not change as they were, by reference.
    private static readonly ConditionalWeakTable<Article, ListDeclaration> Lists = new();

    /// <inheritdoc />
    public IEnumerable<ListDeclaration> Declare(PipelineContext context) =>
        context.OutputsOf<Article>(articlesPipeline).Where(a => holds is null || holds(a.FrontMatter.Lang)).Select(article => Lists.GetValue(article, a => new ListDeclaration(a.Destination!, [a], default, [new ListFile(a.Destination!, 0, 1, a.LastModified, InSitemap: true)])));

    /// <inheritdoc />
    protected override Func<Article, bool>? Selected(PipelineContext context) =>
        OutputPlan.In(context, planPipeline).Selected<Article>(holds, article => article.FrontMatter.Lang);

    /// <inheritdoc />
    protected override Document? Transform(Article input, PipelineContext context)
    {
        var view = IndexDocument.In(context, indexPipeline).ViewOf(input);
        var site = SiteDocument.In(context, sitePipeline);
        return new OutputFile
        {
            Source = input.Source,
            Destination = input.Destination,
            // The head metadata is made from the view and the site alone, which the key covers: it is
            // made only when the page is.
            Render = (into, diagnostics) => theme.RenderPage(into, Template, site.View, views.ArticleMeta(input, view), [new("article", view)], input.Source, diagnostics),
            Key = new KeyBuilder().Add(site.Key).Add(Template).Add(view.Key).Finish(),
            LastModified = input.LastModified,
        };
    }
}
