using Broadside.Engine;
using Broadside.Output;
using Broadside.Templates.Views;

namespace Broadside.Modules;

/// <summary>The <c>site</c> variable of every template, made once per build.</summary>
/// <param name="View">What templates see as <c>site</c>.</param>
/// <param name="Key">
/// A hash of everything every page depends on: the view, the configuration, the theme, the data files
/// and Broadside itself. Every page's key starts with it.
/// </param>
public sealed record SiteDocument(SiteView View, Hash128 Key) : Document
{
    /// <summary>The site made by <paramref name="pipeline"/>, as seen from <paramref name="context"/>.</summary>
    public static SiteDocument In(PipelineContext context, string pipeline) =>
        context.OutputsOf<SiteDocument>(pipeline).Single();
}
