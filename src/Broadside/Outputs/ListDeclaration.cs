using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Output;

namespace Broadside.Outputs;

/// <summary>
/// One list of a listing: the articles it shows in order, a key of everything else its files show, and
/// its files. All its files are made again when its articles, their order or its header change; one
/// file alone when an article it shows reads otherwise (its view changed).
/// </summary>
/// <param name="Id">The list's name, unique in the build: its path, or its file's.</param>
/// <param name="Articles">The articles its files show, in their order.</param>
/// <param name="Header">A hash of everything else its files show (a term's name, a feed's title, a count).</param>
/// <param name="Files">Its files, each with the articles it shows.</param>
/// <param name="Item">What the listing makes the list from (a term, a demand), for its own use.</param>
public sealed record ListDeclaration(string Id, ImmutableArray<Article> Articles, Hash128 Header, ImmutableArray<ListFile> Files, object? Item = null)
{
    /// <summary>A list of one file that shows no article: made again when <paramref name="header"/> changes.</summary>
    public static ListDeclaration Single(string file, Hash128 header, bool inSitemap = false, DateTimeOffset? lastModified = null) =>
        new(file, [], header, [new ListFile(file, InSitemap: inSitemap, LastModified: lastModified)]);
}

/// <summary>A file of a list.</summary>
/// <param name="Path">The output file.</param>
/// <param name="Start">The first of the list's articles it shows.</param>
/// <param name="Count">How many of them it shows.</param>
/// <param name="LastModified">When what it shows last changed, for the sitemap; null when unknown.</param>
/// <param name="InSitemap">True for pages search engines should find through the sitemap.</param>
public readonly record struct ListFile(string Path, int Start = 0, int Count = 0, DateTimeOffset? LastModified = null, bool InSitemap = false);
