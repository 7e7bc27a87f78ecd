using Broadside.Content;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Outputs;
using Broadside.Templates;

namespace Broadside.Modules;

/// <summary>
/// Renders each standalone page with <c>templates/page.liquid</c>. A list per page, of no articles,
/// headed by the page itself.
/// </summary>
public sealed class RenderStandalonePages(Theme theme, ViewFactory views, string pagesPipeline, string sitePipeline, string planPipeline, string? picturesPipeline = null) : ParallelModule<Page>, IListing
{
    /// <summary>The template this module renders.</summary>
    public const string Template = "page";

    /// <inheritdoc />
    public IEnumerable<ListDeclaration> Declare(PipelineContext context) =>
        context.OutputsOf<Page>(pagesPipeline).Select(p => ListDeclaration.Single(p.Destination!, KeyBuilder.Of(views.Page(p, Pictures(context))), inSitemap: true, p.FrontMatter.Updated));

    private Pictures.PictureCatalog Pictures(PipelineContext context) =>
        picturesPipeline is null ? Broadside.Pictures.PictureCatalog.Empty : PicturesDocument.In(context, picturesPipeline);

    /// <inheritdoc />
    protected override Func<Page, bool>? Selected(PipelineContext context) =>
        OutputPlan.In(context, planPipeline) is { All: false } plan ? input => plan.Makes(input.Destination!) : null;

    /// <inheritdoc />
    protected override Document? Transform(Page input, PipelineContext context)
    {
        var view = views.Page(input, Pictures(context));
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
