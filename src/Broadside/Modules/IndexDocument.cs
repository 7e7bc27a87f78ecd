using Broadside.Content;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Taxonomy;
using Broadside.Templates.Views;

namespace Broadside.Modules;

/// <summary>The build's <see cref="SiteIndex"/> and every article's view, each made once and shared by every page that shows it.</summary>
/// <param name="Index">The groupings of the articles.</param>
/// <param name="Views">Each article's view, by source file.</param>
/// <param name="Contexts">Each article's <see cref="IndexSite.Context"/>, by source file.</param>
public sealed record IndexDocument(SiteIndex Index, IReadOnlyDictionary<string, ArticleView> Views, IReadOnlyDictionary<string, Hash128> Contexts) : Document
{
    /// <summary>
    /// When the index was made from an earlier build's, the articles whose <see cref="IndexSite.Context"/>
    /// may differ from that build's; every other's is the same. Null when any may.
    /// </summary>
    public IReadOnlyList<Article>? Touched { get; init; }

    /// <summary>When the index was made from an earlier build's, the source files of its articles no longer published.</summary>
    public IReadOnlyList<string> Gone { get; init; } = [];

    /// <summary>The articles, by source file, that have a social card of their own drawn with their headline.</summary>
    public IReadOnlySet<string> HeadlineCards { get; init; } = System.Collections.Immutable.ImmutableHashSet<string>.Empty;

    /// <summary>The key of the pictures the views were made with (<see cref="Pictures.PictureCatalog.Key"/>).</summary>
    public Hash128 Pictures { get; init; }

    /// <summary>The versions of each article in the site's languages the views were made with.</summary>
    public TranslationsDocument Translations { get; init; } = TranslationsDocument.None;

    /// <summary>The view of <paramref name="article"/>.</summary>
    public ArticleView ViewOf(Article article) => Views[article.Source!];

    /// <summary>The index made by <paramref name="pipeline"/>, as seen from <paramref name="context"/>.</summary>
    public static IndexDocument In(PipelineContext context, string pipeline) =>
        context.OutputsOf<IndexDocument>(pipeline).Single();
}
