using System.Collections.Immutable;

namespace Broadside.Templates.Views;

/// <summary>The series an article is a part of, as its page shows it (<c>article.series</c>).</summary>
public sealed record SeriesView
{
    /// <summary>The series' name.</summary>
    public required string Name { get; init; }

    /// <summary>Root-relative URL of the series' page.</summary>
    public required string Url { get; init; }

    /// <summary>The article's place in the series, from 1 (the oldest part).</summary>
    public required int Part { get; init; }

    /// <summary>How many parts the series has.</summary>
    public required int Count { get; init; }

    /// <summary>Every part, oldest first, the article's own among them (<see cref="SeriesPartView.Current"/>).</summary>
    public required ImmutableArray<SeriesPartView> Parts { get; init; }

    /// <summary>The part before the article's, or null for the first.</summary>
    public SeriesPartView? Previous { get; init; }

    /// <summary>The part after the article's, or null for the last.</summary>
    public SeriesPartView? Next { get; init; }
}

/// <summary>One part of a series.</summary>
/// <param name="Title">Its headline.</param>
/// <param name="Url">Root-relative URL.</param>
/// <param name="Part">Its place in the series, from 1.</param>
/// <param name="Current">True for the article whose page shows the series.</param>
public sealed record SeriesPartView(string Title, string Url, int Part, bool Current);
