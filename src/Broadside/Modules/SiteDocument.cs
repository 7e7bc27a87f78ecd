using Broadside.Engine;
using Broadside.Templates.Views;

namespace Broadside.Modules;

/// <summary>The <c>site</c> variable of every template, made once per build.</summary>
public sealed record SiteDocument(SiteView View) : Document
{
    /// <summary>The site view made by <paramref name="pipeline"/>, as seen from <paramref name="context"/>.</summary>
    public static SiteView In(PipelineContext context, string pipeline) =>
        context.OutputsOf<SiteDocument>(pipeline).Single().View;
}
