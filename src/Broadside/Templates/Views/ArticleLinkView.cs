namespace Broadside.Templates.Views;

/// <summary>A short reference to an article (related articles).</summary>
public sealed record ArticleLinkView
{
    public required string Title { get; init; }

    public required string Url { get; init; }

    public required string Summary { get; init; }

    public required string DateIso { get; init; }

    public required string DateDisplay { get; init; }

    public required LinkView Section { get; init; }
}
