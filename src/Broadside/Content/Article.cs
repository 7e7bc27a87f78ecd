namespace Broadside.Content;

/// <summary>An article: its typed front matter, its place in the site and, once rendered, its HTML.</summary>
public sealed record Article : ContentDocument
{
    /// <summary>The checked front matter.</summary>
    public required ArticleFrontMatter FrontMatter { get; init; }

    /// <summary>The article's URL name.</summary>
    public required string Slug { get; init; }

    /// <inheritdoc />
    public override string Title => FrontMatter.Title;

    /// <inheritdoc />
    public override bool IsDraft => FrontMatter.Draft;

    /// <summary>The standfirst: the summary the editor wrote, or the first paragraph.</summary>
    public string Summary => FrontMatter.Summary ?? FirstParagraph;

    /// <summary>When the article last changed: its <c>updated</c> date, or its publication date.</summary>
    public DateTimeOffset LastModified => FrontMatter.Updated ?? FrontMatter.Date;
}
