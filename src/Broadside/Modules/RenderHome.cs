using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Outputs;
using Broadside.Templates;

namespace Broadside.Modules;

/// <summary>
/// Renders the home page, paginated, newest articles first, using <c>templates/home.liquid</c>, with
/// the most raised demands for the front page to lead with. One list: every article, headed by the
/// demands it leads with and their number.
/// </summary>
public sealed class RenderHome(Theme theme, ViewFactory views, string indexPipeline, string sitePipeline, string planPipeline, int pageSize) : IModule, IListing
{
    /// <summary>The template this module renders.</summary>
    public const string Template = "home";

    /// <summary>How many of the most raised demands the home page is given.</summary>
    public const int FrontDemands = 5;

    /// <inheritdoc />
    public IEnumerable<ListDeclaration> Declare(PipelineContext context)
    {
        var index = IndexDocument.In(context, indexPipeline).Index;

        // One object on every page, so that its key is made once (ListingPages.Render).
        var demands = index.Demands.Take(FrontDemands).Select(d => views.Demand(d, index)).ToImmutableArray();
        var header = new KeyBuilder().AddView(demands).Add(index.Demands.Length).Finish();
        yield return new ListDeclaration(views.Prefix, index.Articles, header, ListingPages.Files(index.Articles, pageSize, views.Prefix, a => a), demands);
    }

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var index = IndexDocument.In(context, indexPipeline);
        var plan = OutputPlan.In(context, planPipeline);
        var pages = plan.Of(this).SelectMany(list => ListingPages.Made(list, list.Articles, plan).Select(p => new ListingPage(
                p.Path,
                p.Number == 1
                    ? ViewFactory.WithVersions(views.Meta("home", ListingPages.Title(string.Empty, p.Number, views.Strings), string.Empty, p.Path), SiteDocument.In(context, sitePipeline).View.Languages, views.Config)
                    : views.Meta("home", ListingPages.Title(string.Empty, p.Number, views.Strings), string.Empty, p.Path),
                [
                    new("articles", p.Items.Select(index.ViewOf).ToImmutableArray()),
                    new("pagination", views.Pagination(views.Prefix, p.Number, p.Count, list.Articles.Length)),
                    new("demands", list.Item),
                    new("demands_total", index.Index.Demands.Length),
                ],
                ListingPages.Newest(p.Items))))
            .ToList();
        return ListingPages.Render(pages, Template, theme, SiteDocument.In(context, sitePipeline));
    }
}
