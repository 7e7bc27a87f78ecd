using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Templates;

namespace Broadside.Modules;

/// <summary>Renders the home page with the newest articles, using <c>templates/home.liquid</c>.</summary>
public sealed class RenderHome(Theme theme, ViewFactory views, string articlesPipeline, string sitePipeline, int count) : IModule
{
    /// <summary>The template this module renders.</summary>
    public const string Template = "home";

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var articles = context.OutputsOf<Article>(articlesPipeline).Take(count).Select(views.Article).ToImmutableArray();
        var meta = views.Meta("home", string.Empty, string.Empty, string.Empty);
        var html = theme.RenderPage(Template, SiteDocument.In(context, sitePipeline), meta, [new("articles", articles)], null, context.Diagnostics);
        return html is null ? [] : [new OutputFile { Destination = "index.html", Content = html }];
    }
}
