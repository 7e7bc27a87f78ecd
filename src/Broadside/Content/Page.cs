namespace Broadside.Content;

/// <summary>A standalone page from <c>input/pages/</c>.</summary>
public sealed record Page : ContentDocument
{
    /// <summary>The checked front matter.</summary>
    public required PageFrontMatter FrontMatter { get; init; }

    /// <inheritdoc />
    public override string Title => FrontMatter.Title;

    /// <inheritdoc />
    public override bool IsDraft => FrontMatter.Draft;

    /// <summary>The page's summary, or its first paragraph.</summary>
    public string Summary => FrontMatter.Summary ?? FirstParagraph;
}
