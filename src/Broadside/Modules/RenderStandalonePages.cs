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
/// <param name="theme">Renders the pages.</param>
/// <param name="views">Makes the views, in the pages' language.</param>
/// <param name="pagesPipeline">The pipeline of the published pages.</param>
/// <param name="sitePipeline">The pipeline of the site they are shown in.</param>
/// <param name="planPipeline">The pipeline of the plan.</param>
/// <param name="picturesPipeline">The pipeline of the pictures pages show; null for none.</param>
/// <param name="holds">In a site of several languages, which pages' <c>lang</c> this module's language holds; null for every page.</param>
/// <param name="translationsPipeline">The pipeline that links the versions of each page in the site's languages; null for none.</param>
public sealed class RenderStandalonePages(Theme theme, ViewFactory views, string pagesPipeline, string sitePipeline, string planPipeline, string? picturesPipeline = null, Func<string?, bool>? holds = null, string? translationsPipeline = null) : ParallelModule<Page>, IListing
{
    /// <summary>The template this module renders.</summary>
    public const string Template = "page";

    /// <inheritdoc />
    public IEnumerable<ListDeclaration> Declare(PipelineContext context) =>
        context.OutputsOf<Page>(pagesPipeline).Where(p => holds is null || holds(p.FrontMatter.Lang))
            .Select(p => ListDeclaration.Single(p.Destination!, KeyBuilder.Of(View(p, context)), inSitemap: true, p.FrontMatter.Updated));

    private Templates.Views.PageView View(Page page, PipelineContext context) =>
        views.Page(page, Pictures(context), TranslationsDocument.In(context, translationsPipeline).Of(page));

    private Pictures.PictureCatalog Pictures(PipelineContext context) =>
        picturesPipeline is null ? Broadside.Pictures.PictureCatalog.Empty : PicturesDocument.In(context, picturesPipeline);

    /// <inheritdoc />
    protected override Func<Page, bool>? Selected(PipelineContext context) =>
        OutputPlan.In(context, planPipeline).Selected<Page>(holds, page => page.FrontMatter.Lang);

    /// <inheritdoc />
    protected override Document? Transform(Page input, PipelineContext context)
    {
        var view = View(input, context);
        var meta = ViewFactory.WithVersions(views.Meta("page", input.Title, view.Summary, input.Path, input.FrontMatter.Lang), view.Translations, views.Config);
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
