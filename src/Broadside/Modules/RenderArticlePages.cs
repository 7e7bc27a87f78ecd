using Broadside.Content;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Templates;

namespace Broadside.Modules;

/// <summary>Renders each article with <c>templates/article.liquid</c> into its page.</summary>
public sealed class RenderArticlePages(Theme theme, ViewFactory views, string indexPipeline, string sitePipeline) : ParallelModule<Article>
{
    /// <summary>The template this module renders.</summary>
    public const string Template = "article";

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
