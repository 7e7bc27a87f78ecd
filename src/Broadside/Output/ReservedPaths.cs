using System.Globalization;

namespace Broadside.Output;

/// <summary>
/// The names at the root of the published site that belong to the build, whatever the content says:
/// the files it generates (feeds, sitemaps, <c>robots.txt</c>, <c>404.html</c>, <c>demands.json</c>, the icons,
/// <c>_redirects</c>, the manifest), the folders it fills (<c>assets/</c>, <c>media/</c>,
/// <c>search/</c>, Pagefind's <c>pagefind/</c>, the web editor's <c>admin/</c>, the preview server's <c>__broadside/</c>) and the files
/// a host reads as its own settings (Netlify's <c>_headers</c>). The modules that write these files
/// take their names from here, so that a path written by an editor (an alias) is checked against
/// every one of them.
/// </summary>
public static class ReservedPaths
{
    /// <summary>The site's RSS feed.</summary>
    public const string Rss = "feed.xml";

    /// <summary>The site's Atom feed.</summary>
    public const string Atom = "atom.xml";

    /// <summary>The site's JSON feed.</summary>
    public const string JsonFeed = "feed.json";

    /// <summary>The sitemap, or the sitemap index of <see cref="NumberedSitemap"/> files.</summary>
    public const string Sitemap = "sitemap.xml";

    /// <summary>The rules for crawlers.</summary>
    public const string Robots = "robots.txt";

    /// <summary>The page hosts serve for a path with no file.</summary>
    public const string NotFound = "404.html";

    /// <summary>The demands index as data.</summary>
    public const string DemandsJson = "demands.json";

    /// <summary>The icon a phone puts on its home screen, at the path phones ask for without a link.</summary>
    public const string TouchIcon = "apple-touch-icon.png";

    /// <summary>The publication's large icon (JSON Feed's <c>icon</c>).</summary>
    public const string LargeIcon = "icon-512.png";

    /// <summary>The publication's small icon (JSON Feed's <c>favicon</c>).</summary>
    public const string SmallIcon = "favicon-64.png";

    /// <summary>Netlify's redirect rules.</summary>
    public const string Redirects = "_redirects";

    /// <summary>Netlify's response headers, which Netlify reads from the published folder.</summary>
    public const string Headers = "_headers";

    /// <summary>The theme's assets.</summary>
    public const string Assets = "assets";

    /// <summary>The files of the input's <c>media/</c>.</summary>
    public const string Media = "media";

    /// <summary>The search page.</summary>
    public const string Search = "search";

    /// <summary>What the site published: how many articles and the date of the newest, for the schedule (<c>broadside due</c>).</summary>
    public const string Published = "published.json";

    /// <summary>The web editor (Decap CMS), when site.yml turns it on; kept for it either way, so no page can take its address.</summary>
    public const string Admin = "admin";

    /// <summary>What the preview server (<c>serve</c>) answers itself, never from the site.</summary>
    public const string Preview = "__broadside";

    private const string SitemapPrefix = "sitemap-";

    private static readonly string[] Files =
        [Rss, Atom, JsonFeed, Sitemap, Robots, NotFound, DemandsJson, TouchIcon, LargeIcon, SmallIcon, Redirects, Headers, Published, OutputManifest.FileName];

    private static readonly string[] Folders = [Assets, Media, Search, OutputPath.SearchFolder, Preview, Admin];

    /// <summary>Sitemap <paramref name="number"/> of a sitemap index: <c>sitemap-1.xml</c>.</summary>
    public static string NumberedSitemap(int number) => string.Create(CultureInfo.InvariantCulture, $"{SitemapPrefix}{number}.xml");

    /// <summary>
    /// Why content may not publish a file at <paramref name="relative"/>, or null when it may. The
    /// message completes "the path … ". Names are compared without regard to case, as some file systems do.
    /// </summary>
    /// <param name="relative">The file's path in the site, with <c>/</c> between segments.</param>
    public static string? Problem(string relative)
    {
        // A file and a folder cannot share a name, so robots.txt/x is as much the build's as robots.txt.
        var slash = relative.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? relative : relative[..slash];
        if (Array.Find(Folders, f => f.Equals(first, StringComparison.OrdinalIgnoreCase)) is { } folder)
        {
            return $"is in '/{folder}/', which the build fills itself";
        }

        if (Array.Find(Files, f => f.Equals(first, StringComparison.OrdinalIgnoreCase)) is { } file)
        {
            return $"uses the name '/{file}', a file the build writes itself";
        }

        return IsNumberedSitemap(first) ? $"uses the name '/{first}', which the build gives to sitemaps" : null;
    }

    private static bool IsNumberedSitemap(string name) =>
        name.StartsWith(SitemapPrefix, StringComparison.OrdinalIgnoreCase)
        && name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
        && name.Length > SitemapPrefix.Length + 4
        && name.AsSpan(SitemapPrefix.Length, name.Length - SitemapPrefix.Length - 4).ContainsAnyExceptInRange('0', '9') is false;
}
