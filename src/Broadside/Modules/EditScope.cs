using Broadside.Content;

namespace Broadside.Modules;

/// <summary>
/// What an edit in <c>broadside serve</c> makes again of the pages and feeds that list articles
/// (<see cref="Site.EditBuild"/>): the pages that show an article whose view changed, and every page and
/// feed of a list whose articles, order or header changed. A page made again that comes out as the last
/// build made it is not written.
/// </summary>
/// <param name="Showing">The articles, of the new index, by reference, whose views changed.</param>
/// <param name="Lists">
/// The lists, by path (<c>""</c> for the home page, a term's or a demand's path), that changed as a whole:
/// every page of each is made again, and compared with the last build's by its key.
/// </param>
public sealed record EditScope(IReadOnlySet<Article> Showing, IReadOnlySet<string> Lists)
{
    /// <summary>
    /// True when some list changed: the overviews of sections, tags and authors and the demands index,
    /// which give names and counts, are made again too.
    /// </summary>
    public bool ListsChanged => Lists.Count > 0;

    /// <summary>True when a page or feed of the list at <paramref name="list"/> that holds <paramref name="articles"/> is made again.</summary>
    public bool Makes(string list, IEnumerable<Article> articles) => Lists.Contains(list) || articles.Any(Showing.Contains);
}
