namespace Broadside.Content;

/// <summary>
/// The longest each kind of value may be, in characters, far above what real values use. A value shown on
/// other pages than its own file's (a title in lists and related links, a section in every card, a demand's
/// wording on every article that raises it, the site's name and the pages' titles on every page) is what can
/// make a site grow faster than what editors wrote; these lengths keep each repetition small. Past one, the
/// value is an error at its line (BS0115).
/// </summary>
public static class TextLengths
{
    /// <summary>An article's headline.</summary>
    public const int Title = 300;

    /// <summary>
    /// A name: of a section, tag, author or topic, or a demand's id; and the site's name and a standalone
    /// page's title, which every page shows.
    /// </summary>
    public const int Name = 100;

    /// <summary>A demand's wording.</summary>
    public const int Demand = 300;

    /// <summary>The site's description, which every page shows.</summary>
    public const int Tagline = 300;

    /// <summary>A summary.</summary>
    public const int Summary = 1_000;

    /// <summary>A description: of a picture (<c>image_alt</c>) or of a section.</summary>
    public const int Description = 1_000;

    /// <summary>An author's bio.</summary>
    public const int Bio = 2_000;

    /// <summary>An address: <c>image</c>, <c>canonical</c>, an author's <c>link</c> or <c>picture</c>, <c>base_url</c>.</summary>
    public const int Address = 2_000;
}
