using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Modules;
using Broadside.Output;
using Broadside.Taxonomy;

namespace Broadside.Site;

/// <summary>
/// What a successful build in a long-running process (<c>broadside serve</c>) leaves for the next one:
/// the index and every article's view, the site, and what the published folder holds. An
/// <see cref="EditBuild"/> starts from it.
/// </summary>
internal sealed record SiteState
{
    /// <summary>The options it was built with.</summary>
    public required BuildOptions Options { get; init; }

    /// <summary>The configuration, theme and article cache it was built with.</summary>
    public required SiteServices Services { get; init; }

    /// <summary>The index and the article views.</summary>
    public required IndexDocument Index { get; init; }

    /// <summary>The <c>site</c> every template saw.</summary>
    public required SiteDocument Site { get; init; }

    /// <summary>The published articles, by source file.</summary>
    public required IReadOnlyDictionary<string, Article> Articles { get; init; }

    /// <summary>The published standalone pages.</summary>
    public required ImmutableArray<Page> Pages { get; init; }

    /// <summary>The author profiles of authors.yml, from which the index was built.</summary>
    public required ImmutableArray<AuthorProfile> Profiles { get; init; }

    /// <summary>The canonical demands of demands.yml, from which the index was built.</summary>
    public required ImmutableArray<CanonicalDemand> Catalog { get; init; }

    /// <summary>Every file of the published site, as its manifest records it.</summary>
    public required IReadOnlyDictionary<string, OutputRecord> Records { get; init; }

    /// <summary>The files of <see cref="Records"/> in ordinal order, as the manifest lists them.</summary>
    public required IReadOnlyList<string> RecordOrder { get; init; }

    /// <summary>Every page the sitemap lists, by output file, with its <c>lastmod</c> (<see cref="RenderSitemap.Pages"/>).</summary>
    public required IReadOnlyDictionary<string, DateTimeOffset?> Sitemap { get; init; }

    /// <summary>The files of <see cref="Sitemap"/> in the sitemap's order (<see cref="RenderSitemap.Order"/>).</summary>
    public required IReadOnlyList<string> SitemapOrder { get; init; }

    /// <summary>Each demand's object in demands.json, by demand (<see cref="RenderDemandPages.JsonParts"/>), made when first read.</summary>
    public required IReadOnlyDictionary<Demand, byte[]> DemandsJson { get; init; }

    /// <summary>What the build reported, sorted.</summary>
    public required ImmutableArray<Diagnostic> Diagnostics { get; init; }

    /// <summary>Articles and pages published.</summary>
    public required int Documents { get; init; }

    /// <summary>The date of the next scheduled article, from which the site changes with no file changed.</summary>
    public DateTimeOffset? NextPublication { get; init; }
}
