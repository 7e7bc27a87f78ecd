using System.Collections.Immutable;
using System.Globalization;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Templates;

namespace Broadside.Modules;

/// <summary>Makes the one <see cref="SiteDocument"/> of the build from the configuration, the pages and the index.</summary>
/// <param name="views">Makes the view.</param>
/// <param name="pagesPipeline">The pipeline of standalone pages, for the menu.</param>
/// <param name="indexPipeline">The pipeline of the index, for sections and years.</param>
/// <param name="now">The build's time, for the year templates show.</param>
/// <param name="fingerprint">A hash of what every page depends on besides the site view (the build's fingerprint of its code, theme and settings).</param>
/// <param name="searchUrl">The search page, or empty when the site has none.</param>
/// <param name="maxPages">
/// The most standalone pages there may be (<c>limits: pages</c>): each is in every page's menu, so past a
/// few dozen the menus would outgrow the pages. Those past it, in the menu's order, are reported.
/// </param>
/// <param name="holds">In a site of several languages, which pages' <c>lang</c> this site's language holds, for its menu; null for every page.</param>
public sealed class DescribeSite(ViewFactory views, string pagesPipeline, string indexPipeline, DateTimeOffset now, Hash128 fingerprint, string searchUrl = "", int maxPages = int.MaxValue, Func<string?, bool>? holds = null) : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var pages = context.OutputsOf<Page>(pagesPipeline).Where(p => holds is null || holds(p.FrontMatter.Lang)).OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
        if (pages.Count > maxPages)
        {
            context.Diagnostics.Error(
                DiagnosticCodes.LimitExceeded,
                string.Create(CultureInfo.InvariantCulture, $"the site has {pages.Count:N0} pages, more than the {maxPages:N0} every page's menu may list; this is the first past the limit, in the order of their addresses: merge or remove pages, or raise 'limits: pages' in site.yml"),
                pages[maxPages].Source);
            pages = pages[..maxPages];
        }

        var view = views.Site(pages, IndexDocument.In(context, indexPipeline).Index, now) with { SearchUrl = searchUrl };
        return [new SiteDocument(view, KeyBuilder.Of(fingerprint, view))];
    }
}
