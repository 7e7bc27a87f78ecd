using System.Collections.Immutable;

namespace Broadside.Templates.Views;

/// <summary>Where a page of a paginated list stands (<c>pagination</c>).</summary>
public sealed record PaginationView
{
    /// <summary>This page's number, from 1.</summary>
    public required int Number { get; init; }

    /// <summary>How many pages the list has (at least 1).</summary>
    public required int Count { get; init; }

    /// <summary>How many items the whole list has.</summary>
    public required int Total { get; init; }

    /// <summary>The previous page's URL, or empty on the first.</summary>
    public required string PrevUrl { get; init; }

    /// <summary>The next page's URL, or empty on the last.</summary>
    public required string NextUrl { get; init; }

    /// <summary>
    /// The pages worth a numbered link: the first, the last, and two either side of this one, with a
    /// gap entry where pages are left out. A list of any length gives at most nine entries.
    /// </summary>
    public required ImmutableArray<PageNumberView> Pages { get; init; }
}

/// <summary>One page of a paginated list, or a gap standing for pages left out.</summary>
/// <param name="Number">Its number, from 1; 0 for a gap.</param>
/// <param name="Url">Its URL; empty for a gap.</param>
/// <param name="Current">True for the page being shown.</param>
/// <param name="Gap">True for a gap.</param>
public sealed record PageNumberView(int Number, string Url, bool Current, bool Gap = false);
