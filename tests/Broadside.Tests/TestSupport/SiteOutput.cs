using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Broadside.Tests.TestSupport;

/// <summary>
/// A built site on disk, read as a browser would see it from a server that serves <c>/path/</c> from
/// <c>path/index.html</c>, with the site under <paramref name="rootPath"/> (<c>/</c> or <c>/news/</c>).
/// </summary>
/// <param name="folder">The output folder.</param>
/// <param name="rootPath">The root-relative path the site is served under, ending in <c>/</c>.</param>
public sealed class SiteOutput(string folder, string rootPath = "/")
{
    // A link element with one of these relations names a page; browsers do not fetch it.
    private static readonly HashSet<string> NavigationalRelations = new(StringComparer.OrdinalIgnoreCase)
    {
        "canonical", "alternate", "author", "help", "license", "me", "next", "prev", "search", "bookmark",
    };

    private readonly HtmlParser _parser = new();

    /// <summary>The output folder.</summary>
    public string Folder { get; } = folder;

    /// <summary>Every file of the output, relative to it with <c>/</c> separators, in ordinal order.</summary>
    public IReadOnlyList<string> Files =>
        [.. Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Folder, path).Replace('\\', '/'))
            .Where(path => path != Broadside.Output.OutputManifest.FileName)
            .Order(StringComparer.Ordinal)];

    /// <summary>The HTML files of the output, relative to it.</summary>
    public IReadOnlyList<string> HtmlFiles => [.. Files.Where(f => f.EndsWith(".html", StringComparison.Ordinal))];

    /// <summary>
    /// The file a root-relative URL is served from, or null when there is none. The query and fragment
    /// are ignored; a URL ending in <c>/</c> is served from its <c>index.html</c>.
    /// </summary>
    public string? FileFor(string url)
    {
        var path = url.Split('#', 2)[0].Split('?', 2)[0];
        if (!path.StartsWith(rootPath, StringComparison.Ordinal))
        {
            return null;
        }

        var relative = Uri.UnescapeDataString(path[rootPath.Length..]);
        if (relative.Length == 0 || relative.EndsWith('/'))
        {
            relative += "index.html";
        }

        if (relative.Split('/').Any(part => part is ".." or "." || part.Length == 0))
        {
            return null;
        }

        var file = Path.Combine(Folder, relative);
        return File.Exists(file) ? file : null;
    }

    /// <summary>The page served at a root-relative URL, parsed; fails the test when there is none.</summary>
    public IHtmlDocument Page(string url)
    {
        var file = FileFor(url);
        Assert.True(file is not null, $"No page is served at {url}: {Folder} has no file for it.");
        return Parse(file);
    }

    /// <summary>True when a file is served at <paramref name="url"/>.</summary>
    public bool Has(string url) => FileFor(url) is not null;

    /// <summary>True when an HTML file of the output only sends the reader elsewhere (an alias's old URL).</summary>
    public bool IsRedirect(string file) =>
        Parse(file).QuerySelector("meta[http-equiv=refresh]") is not null;

    /// <summary>Parses an HTML file of the output.</summary>
    public IHtmlDocument Parse(string file) => _parser.ParseDocument(File.ReadAllText(Path.Combine(Folder, file)));

    /// <summary>
    /// Every <c>href</c> and <c>src</c> in every page that starts with <c>/</c> (and not <c>//</c>) and is
    /// served by no file, and every <c>#fragment</c> link to an id the page does not have, as
    /// <c>page: &lt;tag attribute="value"&gt;</c>.
    /// </summary>
    public IReadOnlyList<string> BrokenLinks()
    {
        var broken = new List<string>();
        foreach (var page in HtmlFiles)
        {
            var document = Parse(page);
            foreach (var element in document.QuerySelectorAll("[href], [src]"))
            {
                foreach (var attribute in new[] { "href", "src" })
                {
                    var value = element.GetAttribute(attribute);
                    if (value is null)
                    {
                        continue;
                    }

                    var ok = value switch
                    {
                        _ when value.StartsWith("//", StringComparison.Ordinal) => true,
                        _ when value.StartsWith('/') => FileFor(value) is not null,
                        _ when value.StartsWith('#') && value.Length > 1 => document.GetElementById(Uri.UnescapeDataString(value[1..])) is not null,
                        _ => true,
                    };
                    if (!ok)
                    {
                        broken.Add($"{page}: <{element.LocalName} {attribute}=\"{value}\">");
                    }
                }
            }
        }

        return broken;
    }

    /// <summary>
    /// Every <c>&lt;link&gt;</c> that browsers fetch (stylesheets, icons, preloads), <c>&lt;script&gt;</c>,
    /// <c>&lt;img&gt;</c> and other embedded resource whose address is on a host other than
    /// <paramref name="siteHost"/>, as <c>page: &lt;tag attribute="value"&gt;</c>.
    /// </summary>
    public IReadOnlyList<string> ThirdPartyRequests(string siteHost)
    {
        var found = new List<string>();
        foreach (var page in HtmlFiles)
        {
            var document = Parse(page);
            var resources = document.QuerySelectorAll("link[href]")
                .Where(link => !(link.GetAttribute("rel") ?? string.Empty)
                    .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .All(NavigationalRelations.Contains))
                .Select(link => (Element: link, Attribute: "href"))
                .Concat(document.QuerySelectorAll("script[src], img[src], iframe[src], video[src], audio[src], source[src], embed[src]")
                    .Select(element => (Element: element, Attribute: "src")))
                .Concat(document.QuerySelectorAll("img[srcset], source[srcset]").Select(element => (Element: element, Attribute: "srcset")));

            foreach (var (element, attribute) in resources)
            {
                var value = element.GetAttribute(attribute)!;
                var addresses = attribute == "srcset"
                    ? value.Split(',').Select(candidate => candidate.Trim().Split(' ')[0])
                    : [value.Trim()];
                if (addresses.Any(address => IsOtherHost(address, siteHost)))
                {
                    found.Add($"{page}: <{element.LocalName} {attribute}=\"{value}\">");
                }
            }
        }

        return found;
    }

    /// <summary>Every file's bytes, by relative path.</summary>
    public IReadOnlyDictionary<string, byte[]> Snapshot() =>
        Files.ToDictionary(file => file, file => File.ReadAllBytes(Path.Combine(Folder, file)), StringComparer.Ordinal);

    private static bool IsOtherHost(string address, string siteHost)
    {
        var absolute = address.StartsWith("//", StringComparison.Ordinal) ? "https:" + address : address;
        return Uri.TryCreate(absolute, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && !uri.Host.Equals(siteHost, StringComparison.OrdinalIgnoreCase);
    }
}
