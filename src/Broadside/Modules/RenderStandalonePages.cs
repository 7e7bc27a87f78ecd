using Broadside.Content;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Templates;

namespace Broadside.Modules;

/// <summary>Renders each standalone page with <c>templates/page.liquid</c>.</summary>
public sealed class RenderStandalonePages(Theme theme, ViewFactory views, string sitePipeline) : ParallelModule<Page>
{
    /// <summary>The template this module renders.</summary>
    public const string Template = "page";

    /// <inheritdoc />
    protected override Document? Transform(Page input, PipelineContext context)
    {
        var view = views.Page(input);
        var meta = views.Meta("page", input.Title, view.Summary, input.Path, input.FrontMatter.Lang);
        var html = theme.RenderPage(Template, SiteDocument.In(context, sitePipeline).View, meta, [new("page", view)], input.Source, context.Diagnostics);
        return html is null ? null : new OutputFile
        {
            Source = input.Source,
            Destination = input.Destination,
            Content = html,
            LastModified = input.FrontMatter.Updated,
        };
    }
}
