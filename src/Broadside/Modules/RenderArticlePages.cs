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
        var meta = views.ArticleMeta(input, view);
        var html = theme.RenderPage(Template, SiteDocument.In(context, sitePipeline), meta, [new("article", view)], input.Source, context.Diagnostics);
        return html is null ? null : new OutputFile
        {
            Source = input.Source,
            Destination = input.Destination,
            Content = html,
            LastModified = input.FrontMatter.Updated ?? input.FrontMatter.Date,
        };
    }
}
