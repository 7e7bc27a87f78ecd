using System.Collections.Immutable;
using Broadside.Content;

namespace Broadside.Taxonomy;

/// <summary>A section, tag, author or year, with its articles newest first.</summary>
/// <param name="Kind">What kind of term it is.</param>
/// <param name="Name">The name shown: for tags and authors the spelling most articles use.</param>
/// <param name="Slug">Its URL name.</param>
/// <param name="Path">Its archive's path below the site root (<c>tags/strikes/</c>).</param>
/// <param name="Articles">Its articles, newest first.</param>
public sealed record Term(TermKind Kind, string Name, string Slug, string Path, ImmutableArray<Article> Articles)
{
    /// <summary>A section's description from site.yml; empty otherwise.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>An author's profile from authors.yml, when there is one.</summary>
    public AuthorProfile? Profile { get; init; }
}
