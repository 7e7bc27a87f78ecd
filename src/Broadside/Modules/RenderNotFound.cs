using System.Collections.Immutable;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Outputs;
using Broadside.Templates;

namespace Broadside.Modules;

/// <summary>Renders <c>404.html</c>, which static hosts serve for any missing path, with <c>templates/not-found.liquid</c>.</summary>
public sealed class RenderNotFound(Theme theme, ViewFactory views, string sitePipeline, string planPipeline) : IModule, IListing
{
    /// <summary>The template this module renders.</summary>
    public const string Template = "not-found";

    /// <summary>The file static hosts look for.</summary>
    public const string File = ReservedPaths.NotFound;

    /// <inheritdoc />
    public IEnumerable<ListDeclaration> Declare(PipelineContext context) => [ListDeclaration.Single(views.Prefix + File, default)];

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        if (!OutputPlan.In(context, planPipeline).Makes(views.Prefix + File))
        {
            return [];
        }

        var meta = views.Meta("not-found", views.Strings.Get("page_not_found"), string.Empty, views.Prefix + File) with { Robots = "noindex" };
        var html = theme.RenderPage(Template, SiteDocument.In(context, sitePipeline).View, meta, [], null, context.Diagnostics);
        return html is null ? [] : [new OutputFile { Destination = views.Prefix + File, Content = html, InSitemap = false }];
    }
}
