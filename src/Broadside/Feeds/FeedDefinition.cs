using System.Collections.Immutable;

namespace Broadside.Feeds;

/// <summary>One feed: what it is about, where it lives, and its entries, newest first.</summary>
public sealed record FeedDefinition
{
    /// <summary>The feed's title, as readers list it.</summary>
    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>The absolute URL of the page the feed follows (the site, an archive, a demand).</summary>
    public required string HomeUrl { get; init; }

    /// <summary>The feed's own absolute URL, on the production site.</summary>
    public required string SelfUrl { get; init; }

    public required string Language { get; init; }

    /// <summary>The absolute URL of the publication's large square icon (JSON Feed's <c>icon</c>); empty for none.</summary>
    public string Icon { get; init; } = string.Empty;

    /// <summary>The absolute URL of its small icon (JSON Feed's <c>favicon</c>); empty for none.</summary>
    public string Favicon { get; init; } = string.Empty;

    /// <summary>Newest first, at most the feed size.</summary>
    public required ImmutableArray<FeedEntry> Entries { get; init; }

    /// <summary>When the feed last changed: its newest entry's time, so that unchanged content gives an unchanged file.</summary>
    public DateTimeOffset Updated => Entries.IsEmpty ? DateTimeOffset.UnixEpoch : Entries.Max(e => e.Updated);
}
