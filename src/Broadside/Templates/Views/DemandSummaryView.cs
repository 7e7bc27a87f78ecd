using System.Collections.Immutable;

namespace Broadside.Templates.Views;

/// <summary>A demand as the demands index and its own page show it.</summary>
public sealed record DemandSummaryView
{
    /// <summary>Its headline: the canonical text, or the headline most articles used.</summary>
    public required string Text { get; init; }

    /// <summary>Its pages in the site's languages, this one among them, for a demand of demands.yml raised in more than one; empty otherwise.</summary>
    public System.Collections.Immutable.ImmutableArray<LanguageLinkView> Translations { get; init; } = [];

    /// <summary>The sentences that explain it; empty when none.</summary>
    public required string Explanation { get; init; }

    public required string Url { get; init; }

    /// <summary>The id in demands.yml; empty when it is not there.</summary>
    public required string Id { get; init; }

    public required string Slug { get; init; }

    /// <summary>The topic from demands.yml, or the one its articles point to; empty when none.</summary>
    public required string Topic { get; init; }

    /// <summary>True when the topic is taken from the articles that raise it.</summary>
    public required bool TopicInferred { get; init; }

    /// <summary>How many articles raised it.</summary>
    public required int Count { get; init; }

    public required string FirstIso { get; init; }

    public required string FirstDisplay { get; init; }

    public required string LastIso { get; init; }

    public required string LastDisplay { get; init; }

    /// <summary>The sections it came up in, most often first.</summary>
    public required ImmutableArray<LinkView> Sections { get; init; }

    /// <summary>The headlines articles used, most often first.</summary>
    public required ImmutableArray<WordingView> Wordings { get; init; }

    /// <summary>Its victory; null while it is still a demand.</summary>
    public required VictoryView? Won { get; init; }

    /// <summary>When the articles that raised it came out.</summary>
    public required TimelineView Timeline { get; init; }
}

/// <summary>A demand's victory.</summary>
public sealed record VictoryView
{
    public required string Iso { get; init; }

    public required string Display { get; init; }

    /// <summary>How many articles raised it up to that day.</summary>
    public required int Articles { get; init; }

    /// <summary>Whole months from its first raising to that day (0 within a month).</summary>
    public required int Months { get; init; }

    /// <summary>The article that reports it; null when none.</summary>
    public required LinkView? Report { get; init; }
}

/// <summary>
/// The articles that raised a demand, counted by month (over two years or less) or by year, as the bars
/// of a chart <see cref="Width"/> by <see cref="Height"/>: the theme draws it as inline SVG.
/// </summary>
public sealed record TimelineView
{
    /// <summary><c>month</c> or <c>year</c>.</summary>
    public required string Unit { get; init; }

    public required ImmutableArray<TimelineBar> Bars { get; init; }

    public required int Width { get; init; }

    public required int Height { get; init; }

    /// <summary>The most articles in one month or year.</summary>
    public required int Max { get; init; }

    /// <summary>The first bar's label (<c>Mar 2025</c>, <c>2025</c>).</summary>
    public required string From { get; init; }

    /// <summary>The last bar's label.</summary>
    public required string To { get; init; }

    /// <summary>The month or year most articles raised it in (of as many, the latest): for the words beside the chart.</summary>
    public required string Peak { get; init; }

    /// <summary>How many articles raised it then.</summary>
    public required int PeakCount { get; init; }

    /// <summary>Where the day it was won stands across the chart; -1 when it is not won.</summary>
    public required int WonX { get; init; }
}

/// <summary>One month or year of a <see cref="TimelineView"/>.</summary>
/// <param name="Label">The month or year (<c>March 2026</c>, <c>2026</c>).</param>
/// <param name="Count">How many articles raised the demand then.</param>
/// <param name="X">The bar's left edge.</param>
/// <param name="Y">The bar's top.</param>
/// <param name="Width">The bar's width.</param>
/// <param name="Height">The bar's height (0 for none).</param>
public sealed record TimelineBar(string Label, int Count, int X, int Y, int Width, int Height);

/// <summary>A demand on the index ordered by momentum, with how often it was raised lately.</summary>
/// <param name="Demand">The demand.</param>
/// <param name="Recent">How many articles raised it in the months before the newest article.</param>
public sealed record MomentumView(DemandSummaryView Demand, int Recent);

/// <summary>One wording of a demand and how many articles used it.</summary>
/// <param name="Text">The words.</param>
/// <param name="Count">How many articles.</param>
public sealed record WordingView(string Text, int Count);

/// <summary>An article on a demand's page, with the words it used (<c>entries</c>).</summary>
/// <param name="Article">The article.</param>
/// <param name="Wording">Its wording of the demand.</param>
public sealed record DemandEntryView(ArticleView Article, string Wording);

/// <summary>The demands of one topic on the index.</summary>
/// <param name="Name">The topic, or empty for demands without one.</param>
/// <param name="Demands">Its demands, most raised first.</param>
public sealed record TopicView(string Name, ImmutableArray<DemandSummaryView> Demands);

/// <summary>One ordering of the demands index, for the links between them.</summary>
/// <param name="Name">Its label.</param>
/// <param name="Url">Its page.</param>
/// <param name="Current">True for the ordering shown.</param>
public sealed record DemandOrderView(string Name, string Url, bool Current);

/// <summary>The demands index (<c>demands_index</c>).</summary>
public sealed record DemandsIndexView
{
    /// <summary><c>topic</c>, <c>most-raised</c>, <c>recent</c> or <c>momentum</c>.</summary>
    public required string Order { get; init; }

    /// <summary>The demands grouped by topic (filled when <see cref="Order"/> is <c>topic</c>).</summary>
    public required ImmutableArray<TopicView> Topics { get; init; }

    /// <summary>Every demand in this page's order (won demands too).</summary>
    public required ImmutableArray<DemandSummaryView> Demands { get; init; }

    /// <summary>The demands won, most recently won first (filled when <see cref="Order"/> is <c>topic</c>; they are in no topic).</summary>
    public required ImmutableArray<DemandSummaryView> Won { get; init; }

    /// <summary>Every demand with how often it was raised lately, most first (filled when <see cref="Order"/> is <c>momentum</c>).</summary>
    public required ImmutableArray<MomentumView> Momentum { get; init; }

    /// <summary>How many months "lately" is, for <see cref="Momentum"/>.</summary>
    public required int MomentumMonths { get; init; }

    /// <summary>The day of the newest article, which "lately" runs up to.</summary>
    public required string MomentumUntil { get; init; }

    /// <summary>How many distinct demands there are.</summary>
    public required int Total { get; init; }

    /// <summary>The orderings, for links between them.</summary>
    public required ImmutableArray<DemandOrderView> Orders { get; init; }

    /// <summary>The machine-readable data's URL.</summary>
    public required string JsonUrl { get; init; }
}
