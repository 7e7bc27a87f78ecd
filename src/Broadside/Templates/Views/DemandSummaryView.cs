using System.Collections.Immutable;

namespace Broadside.Templates.Views;

/// <summary>A demand as the demands index and its own page show it.</summary>
public sealed record DemandSummaryView
{
    /// <summary>The canonical text, or the wording most articles used.</summary>
    public required string Text { get; init; }

    public required string Url { get; init; }

    /// <summary>The id in demands.yml; empty when it is not there.</summary>
    public required string Id { get; init; }

    public required string Slug { get; init; }

    /// <summary>The topic from demands.yml; empty when none.</summary>
    public required string Topic { get; init; }

    /// <summary>How many articles raised it.</summary>
    public required int Count { get; init; }

    public required string FirstIso { get; init; }

    public required string FirstDisplay { get; init; }

    public required string LastIso { get; init; }

    public required string LastDisplay { get; init; }

    /// <summary>The sections it came up in, most often first.</summary>
    public required ImmutableArray<LinkView> Sections { get; init; }

    /// <summary>The wordings used, most often first.</summary>
    public required ImmutableArray<WordingView> Wordings { get; init; }
}

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
    /// <summary><c>topic</c>, <c>most-raised</c> or <c>recent</c>.</summary>
    public required string Order { get; init; }

    /// <summary>The demands grouped by topic (filled when <see cref="Order"/> is <c>topic</c>).</summary>
    public required ImmutableArray<TopicView> Topics { get; init; }

    /// <summary>Every demand in this page's order.</summary>
    public required ImmutableArray<DemandSummaryView> Demands { get; init; }

    /// <summary>How many distinct demands there are.</summary>
    public required int Total { get; init; }

    /// <summary>The orderings, for links between them.</summary>
    public required ImmutableArray<DemandOrderView> Orders { get; init; }

    /// <summary>The machine-readable data's URL.</summary>
    public required string JsonUrl { get; init; }
}
