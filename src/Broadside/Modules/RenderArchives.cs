using System.Collections.Immutable;
using System.Globalization;
using Broadside.Content;
using Broadside.Engine;
using Broadside.Taxonomy;
using Broadside.Templates;
using Broadside.Templates.Views;

namespace Broadside.Modules;

/// <summary>
/// Renders the paginated archive of every section, tag, author and year with
/// <c>templates/archive.liquid</c>, and the overviews of all sections, tags and authors with
/// <c>templates/terms.liquid</c>. Overviews list names in the order of <paramref name="culture"/>, the
/// site's language, never the order of the machine that builds the site.
/// </summary>
/// <remarks>
/// Given an <see cref="EditScope"/>, only the pages it names are made (<see cref="Site.EditBuild"/>). The overviews are made when a list changed.
/// </remarks>
public sealed class RenderArchives(Theme theme, ViewFactory views, string indexPipeline, string sitePipeline, int pageSize, CultureInfo culture, EditScope? scope = null) : IModule
{
    private readonly StringComparer _names = StringComparer.Create(culture, ignoreCase: true);

    /// <summary>The template of one term's archive.</summary>
    public const string ArchiveTemplate = "archive";

    /// <summary>The template of an overview of terms.</summary>
    public const string TermsTemplate = "terms";

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var index = IndexDocument.In(context, indexPipeline);
        var site = SiteDocument.In(context, sitePipeline);
        var terms = index.Index.Sections.Concat(index.Index.Tags).Concat(index.Index.Authors).Concat(index.Index.Years);

        var archives = terms.Where(term => ListingPages.Makes(scope, term.Path, term.Articles)).SelectMany(term => Pages(term, index)).ToList();

        // Overviews show names and counts, which only an edit that changed a list can change.
        var overviews = scope is { ListsChanged: false } ? [] : new[]
        {
            Overview("section", "Sections", "sections/", index.Index.Sections),
            Overview("tag", "Topics", "tags/", index.Index.Tags),
            Overview("author", "Authors", "authors/", index.Index.Authors),
        };

        return
        [
            .. ListingPages.Render(archives, ArchiveTemplate, theme, site),
            .. ListingPages.Render(overviews, TermsTemplate, theme, site),
        ];
    }

    private IEnumerable<ListingPage> Pages(Term term, IndexDocument index)
    {
        var archive = views.Archive(term);
        var description = archive.Description.Length > 0 ? archive.Description : archive.Bio;
        return ListingPages.Split(term.Articles, pageSize, term.Path).Where(p => ListingPages.Makes(scope, term.Path, p.Items)).Select(p => new ListingPage(
            p.Path,
            views.Meta(archive.Kind, ListingPages.Title(term.Name, p.Number), description, p.Path, feedPath: term.Kind == TermKind.Year ? null : term.Path + RenderFeeds.Rss),
            [new("archive", archive), new("articles", p.Items.Select(index.ViewOf).ToImmutableArray()), new("pagination", views.Pagination(term.Path, p.Number, p.Count, term.Articles.Length))],
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
}
