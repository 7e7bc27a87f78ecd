namespace Broadside.Site;

/// <summary>What to build, from where, to where.</summary>
public sealed record BuildOptions
{
    /// <summary>The publication folder (site.yml, articles/, pages/, media/).</summary>
    public required string InputFolder { get; init; }

    /// <summary>The theme folder (layouts/, templates/, partials/, assets/).</summary>
    public required string ThemeFolder { get; init; }

    /// <summary>Where the site is written.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Overrides site.yml's <c>base_url</c> (deploy previews).</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>Publishes drafts too.</summary>
    public bool IncludeDrafts { get; init; }

    /// <summary>Publishes articles dated in the future too.</summary>
    public bool IncludeFuture { get; init; }

    /// <summary>The build's notion of now: articles dated later are scheduled, not published.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Paths in messages are shown relative to this folder (the working folder).</summary>
    public string DisplayRoot { get; init; } = Environment.CurrentDirectory;
}
