using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Engine;
using Broadside.Templates;

namespace Broadside.Modules;

/// <summary>
/// Renders the home page, paginated, newest articles first, using <c>templates/home.liquid</c>, with
/// the most raised demands for the front page to lead with.
/// </summary>
/// <remarks>
/// Given an <see cref="EditScope"/>, only the pages it names are made (<see cref="Site.EditBuild"/>).
/// </remarks>
public sealed class RenderHome(Theme theme, ViewFactory views, string indexPipeline, string sitePipeline, int pageSize, EditScope? scope = null) : IModule
{
    /// <summary>The template this module renders.</summary>
    public const string Template = "home";

    /// <summary>How many of the most raised demands the home page is given.</summary>
    public const int FrontDemands = 5;

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var index = IndexDocument.In(context, indexPipeline);
        var articles = index.Index.Articles;
        // One object on every page, so that its key is made once (ListingPages.Render).
        object demands = index.Index.Demands.Take(FrontDemands).Select(d => views.Demand(d, index.Index)).ToImmutableArray();
        var pages = ListingPages.Split(articles, pageSize, string.Empty)
            .Where(p => ListingPages.Makes(scope, string.Empty, p.Items))
            .Select(p => new ListingPage(
                p.Path,
                views.Meta("home", ListingPages.Title(string.Empty, p.Number), string.Empty, p.Path),
                [
                    new("articles", p.Items.Select(index.ViewOf).ToImmutableArray()),
                    new("pagination", views.Pagination(string.Empty, p.Number, p.Count, articles.Length)),
                    new("demands", demands),
                    new("demands_total", index.Index.Demands.Length),
                ],
                ListingPages.Newest(p.Items)))
            .ToList();
        return ListingPages.Render(pages, Template, theme, SiteDocument.In(context, sitePipeline));
    }
}
