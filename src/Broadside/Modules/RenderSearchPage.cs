using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Outputs;
using Broadside.Templates;

namespace Broadside.Modules;

/// <summary>
/// Renders the search page at <c>/search/</c> with <c>templates/search.liquid</c>, for a site indexed
/// for search after the build. A theme without that template has no search page.
/// </summary>
public sealed class RenderSearchPage(Theme theme, ViewFactory views, string sitePipeline, string planPipeline) : IModule, IListing
{
    /// <summary>The template this module renders.</summary>
    public const string Template = "search";

    /// <summary>The page's path below the site root.</summary>
    public const string Path = ReservedPaths.Search + "/";

    /// <inheritdoc />
    public IEnumerable<ListDeclaration> Declare(PipelineContext context) => [ListDeclaration.Single(UrlScheme.File(views.Prefix + Path), default)];

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        if (!OutputPlan.In(context, planPipeline).Makes(UrlScheme.File(views.Prefix + Path)))
        {
            return [];
        }

        // The page lists nothing of its own, so search engines are asked to leave it out.
        var meta = views.Meta(Template, views.Strings.Get("search"), string.Empty, views.Prefix + Path) with { Robots = "noindex" };
        var html = theme.RenderPage(Template, SiteDocument.In(context, sitePipeline).View, meta, [], null, context.Diagnostics);
        return html is null ? [] : [new OutputFile { Destination = UrlScheme.File(views.Prefix + Path), Content = html, InSitemap = false }];
    }
}
