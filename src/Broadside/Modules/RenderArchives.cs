using System.Collections.Immutable;
using System.Globalization;
using Broadside.Content;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Outputs;
using Broadside.Taxonomy;
using Broadside.Templates;
using Broadside.Templates.Views;

namespace Broadside.Modules;

/// <summary>
/// Renders the paginated archive of every section, tag, author and year with
/// <c>templates/archive.liquid</c>, and the overviews of all sections, tags and authors with
/// <c>templates/terms.liquid</c>. Overviews list names in the order of <paramref name="culture"/>, the
/// site's language, never the order of the machine that builds the site. A list per term, headed by its
/// name and description; a list per overview, of no articles, headed by every name and count it shows.
/// </summary>
public sealed class RenderArchives(Theme theme, ViewFactory views, string indexPipeline, string sitePipeline, string planPipeline, int pageSize, CultureInfo culture) : IModule, IListing
{
    private readonly StringComparer _names = StringComparer.Create(culture, ignoreCase: true);

    /// <summary>The template of one term's archive.</summary>
    public const string ArchiveTemplate = "archive";

    /// <summary>The template of an overview of terms.</summary>
    public const string TermsTemplate = "terms";

    // A term's list depends on the term alone, with the views and the page size.
    private static readonly ListMemo<Term> Lists = new();

    /// <inheritdoc />
    public IEnumerable<ListDeclaration> Declare(PipelineContext context)
    {
        var index = IndexDocument.In(context, indexPipeline).Index;
        foreach (var term in index.Sections.Concat(index.Tags).Concat(index.Authors).Concat(index.Years).Concat(index.Series))
        {
            yield return Lists.Of(term, (views, pageSize), term =>
            {
                var archive = views.Archive(term);
                var articles = Order(term);
                return new ListDeclaration(term.Path, articles, KeyBuilder.Of(archive), ListingPages.Files(articles, pageSize, term.Path, a => a), (term, archive));
            });
        }

        // The overview of series only when there are some: most publications have none.
        List<ListingPage> overviews =
        [
            Overview("section", views.Strings.Get("sections"), views.Prefix + "sections/", index.Sections),
            Overview("tag", views.Strings.Get("topics"), views.Prefix + "tags/", index.Tags),
            Overview("author", views.Strings.Get("authors"), views.Prefix + "authors/", index.Authors),
        ];
        if (!index.Series.IsEmpty)
        {
            overviews.Add(Overview("series", views.Strings.Get("series_all"), views.Prefix + "series/", index.Series));
        }

        foreach (var overview in overviews)
        {
            yield return new ListDeclaration(overview.Path, [], KeyBuilder.Of(overview.Variables[0].Value), [new ListFile(UrlScheme.File(overview.Path), InSitemap: true)], overview);
        }
    }

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var index = IndexDocument.In(context, indexPipeline);
        var site = SiteDocument.In(context, sitePipeline);
        var plan = OutputPlan.In(context, planPipeline);
        var lists = plan.Of(this);
        var archives = lists.Where(l => l.Item is (Term, ArchiveView)).SelectMany(list => Pages(list, index, plan)).ToList();
        var overviews = lists.Select(l => l.Item).OfType<ListingPage>().Where(o => plan.Makes(UrlScheme.File(o.Path))).ToList();
        return
        [
            .. ListingPages.Render(archives, ArchiveTemplate, theme, site),
            .. ListingPages.Render(overviews, TermsTemplate, theme, site),
        ];
    }

    private IEnumerable<ListingPage> Pages(ListDeclaration list, IndexDocument index, OutputPlan plan)
    {
        var (term, archive) = ((Term, ArchiveView))list.Item!;
        var description = archive.Description.Length > 0 ? archive.Description : archive.Bio;
        return ListingPages.Made(list, list.Articles, plan).Select(p => new ListingPage(
            p.Path,
            views.Meta(archive.Kind, ListingPages.Title(term.Name, p.Number, views.Strings), description, p.Path, feedPath: term.Kind == TermKind.Year ? null : term.Path + RenderFeeds.Rss),
            [new("archive", archive), new("articles", p.Items.Select(index.ViewOf).ToImmutableArray()), new("pagination", views.Pagination(term.Path, p.Number, p.Count, list.Articles.Length))],
            ListingPages.Newest(p.Items)));
    }

    private ListingPage Overview(string kind, string title, string path, ImmutableArray<Term> terms)
    {
        var items = terms.Select(views.TermSummary);
        if (kind != "section")
        {
            items = items.OrderByDescending(t => t.Count).ThenBy(t => t.Name, _names).ThenBy(t => t.Name, StringComparer.Ordinal);
        }

        return new ListingPage(path, views.Meta("terms", title, string.Empty, path), [new("terms", new TermsView(kind, title, [.. items]))]);
    }

    // The articles of a term's archive in its order: a series is read from its first part; every other
    // term lists its newest first.
    private static ImmutableArray<Article> Order(Term term) =>
        term.Kind == TermKind.Series ? [.. Enumerable.Reverse(term.Articles)] : term.Articles;
}
