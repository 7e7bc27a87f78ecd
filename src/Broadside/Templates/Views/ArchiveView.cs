namespace Broadside.Templates.Views;

/// <summary>The section, tag, author or year an archive page lists (<c>archive</c>).</summary>
public sealed record ArchiveView
{
    /// <summary><c>section</c>, <c>tag</c>, <c>author</c> or <c>year</c>.</summary>
    public required string Kind { get; init; }

    public required string Name { get; init; }

    public required string Url { get; init; }

    /// <summary>Articles in the whole archive.</summary>
    public required int Count { get; init; }

    /// <summary>A section's description; empty otherwise.</summary>
    public required string Description { get; init; }

    /// <summary>An author's bio from authors.yml; empty otherwise.</summary>
    public required string Bio { get; init; }

    /// <summary>An author's own page; empty otherwise.</summary>
    public required string Link { get; init; }

    /// <summary>An author's picture URL; empty otherwise.</summary>
    public required string Picture { get; init; }
}
