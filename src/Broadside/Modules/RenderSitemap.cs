using System.Collections.Immutable;
using System.Globalization;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Templates;

namespace Broadside.Modules;

/// <summary>
/// Writes <c>sitemap.xml</c> with every page and its <c>lastmod</c> (a sitemap index with numbered
/// sitemaps past 50,000 URLs, the protocol's limit), and <c>robots.txt</c> pointing at it.
/// </summary>
/// <param name="views">Makes the URLs.</param>
/// <param name="limit">The most URLs one sitemap lists.</param>
/// <param name="previous">
/// The <see cref="Pages"/> of an earlier run, for an edit that makes only some pages
/// (<see cref="Site.EditBuild"/>): the pages this run sees take their places, the others stay listed.
/// </param>
/// <param name="previousOrder">The <see cref="Order"/> of that run, which this one's is merged from rather than sorted again.</param>
public sealed class RenderSitemap(ViewFactory views, int limit = RenderSitemap.ProtocolLimit, IReadOnlyDictionary<string, DateTimeOffset?>? previous = null, IReadOnlyList<string>? previousOrder = null) : IModule
{
    /// <summary>The most URLs one sitemap may list.</summary>
    public const int ProtocolLimit = 50_000;

    /// <summary>The sitemap, or the sitemap index.</summary>
    public const string Sitemap = ReservedPaths.Sitemap;

    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>Every page the sitemap lists, by output file, with its <c>lastmod</c>; empty until it has run.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset?> Pages { get; private set; } = ImmutableDictionary<string, DateTimeOffset?>.Empty;

    /// <summary>The output files of <see cref="Pages"/> in the order the sitemap lists them, by URL; empty until it has run.</summary>
    public IReadOnlyList<string> Order { get; private set; } = [];

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        // Articles and pages are rendered in PostProcess, alongside this module, so they are listed
        // from their Process documents; generated pages are listed from their output files.
        var content = context.AllOutputs.OfType<ContentDocument>().Select(d => (d.Destination!, d switch
        {
            Article article => article.LastModified,
            Page page => page.FrontMatter.Updated,
            _ => null,
        }));
        var generated = context.AllOutputs
            .OfType<OutputFile>()
            .Where(f => f.InSitemap && f.Destination!.EndsWith(".html", StringComparison.Ordinal))
            .Select(f => (f.Destination!, f.LastModified));
        var listed = previous is null ? new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal) : new Dictionary<string, DateTimeOffset?>(previous, StringComparer.Ordinal);
        foreach (var (destination, lastModified) in content.Concat(generated))
        {
            listed[destination] = lastModified;
        }

        Pages = listed;
        Order = previous is not null && previousOrder is not null
            ? OrdinalOrder.Merge(previousOrder, listed.Keys.Where(page => !previous.ContainsKey(page)), listed.ContainsKey, PathOf)
            : OrdinalOrder.Merge([], listed.Keys, by: PathOf);
        var pages = Order.Select(page => (Url: views.AbsoluteUrl(PathOf(page)), LastModified: listed[page])).ToList();

        var files = ImmutableArray.CreateBuilder<Document>();
        if (pages.Count <= limit)
        {
            files.Add(new OutputFile { Destination = Sitemap, Render = UrlSet(pages), InSitemap = false });
        }
        else
        {
            var chunks = pages.Chunk(limit).ToList();
            for (var i = 0; i < chunks.Count; i++)
            {
                files.Add(new OutputFile { Destination = ReservedPaths.NumberedSitemap(i + 1), Render = UrlSet(chunks[i]), InSitemap = false });
            }

            files.Add(new OutputFile
            {
                Destination = Sitemap,
                Render = Index([.. chunks.Select((chunk, i) => (views.AbsoluteUrl(ReservedPaths.NumberedSitemap(i + 1)), chunk.Max(p => p.LastModified)))]),
                InSitemap = false,
            });
        }

        files.Add(new OutputFile
        {
            Destination = ReservedPaths.Robots,
            Content = views.NoIndex
                ? "User-agent: *\nDisallow: /\n"
                : $"User-agent: *\nAllow: /\n\nSitemap: {views.AbsoluteUrl(Sitemap)}\n",
            InSitemap = false,
        });
        return files.ToImmutable();
    }

    /// <summary>The URL path of an output file: <c>a/b/index.html</c> is <c>a/b/</c>.</summary>
    private static string PathOf(string destination) =>
        destination == "index.html" ? string.Empty
        : destination.EndsWith("/index.html", StringComparison.Ordinal) ? destination[..^"index.html".Length]
        : destination;

    private static Func<PooledBuffer, DiagnosticBag, bool> UrlSet(IReadOnlyList<(string Url, DateTimeOffset? LastModified)> pages) => List("urlset", "url", pages);

    private static Func<PooledBuffer, DiagnosticBag, bool> Index(IReadOnlyList<(string Url, DateTimeOffset? LastModified)> sitemaps) => List("sitemapindex", "sitemap", sitemaps);

    /// <summary>
    /// Writes a sitemap (<c>urlset</c> of <c>url</c>) or a sitemap index (<c>sitemapindex</c> of <c>sitemap</c>)
    /// when the file is written, as UTF-8 straight into its buffer: a large site's sitemap is megabytes. The
    /// layout is an XML writer's, indented by two spaces; URLs are escaped as element text.
    /// </summary>
    private static Func<PooledBuffer, DiagnosticBag, bool> List(string root, string item, IReadOnlyList<(string Url, DateTimeOffset? LastModified)> entries) => (buffer, _) =>
    {
        using var xml = new Utf8Writer(buffer);
        xml.Write($"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<{root} xmlns=\"{Namespace}\"");
        if (entries.Count == 0)
        {
            xml.Write(" />\n");
            return true;
        }

        xml.Write(">\n");
        Span<char> date = stackalloc char[32];
        foreach (var (url, lastModified) in entries)
        {
            xml.Write("  <");
            xml.Write(item);
            xml.Write(">\n    <loc>");
            WriteEscaped(xml, url);
            xml.Write("</loc>\n");
            if (lastModified is { } when && when.TryFormat(date, out var length, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture))
            {
                xml.Write("    <lastmod>");
                xml.Write(date[..length]);
                xml.Write("</lastmod>\n");
            }

            xml.Write("  </");
            xml.Write(item);
            xml.Write(">\n");
        }

        xml.Write($"</{root}>\n");
        return true;
    };

    /// <summary>Writes <paramref name="text"/> as element text: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped, as an XML writer does.</summary>
    private static void WriteEscaped(Utf8Writer xml, string text)
    {
        var rest = text.AsSpan();
        while (rest.IndexOfAny('&', '<', '>') is var at and >= 0)
        {
            xml.Write(rest[..at]);
            xml.Write(rest[at] switch { '&' => "&amp;", '<' => "&lt;", _ => "&gt;" });
            rest = rest[(at + 1)..];
        }

        xml.Write(rest);
    }
}
