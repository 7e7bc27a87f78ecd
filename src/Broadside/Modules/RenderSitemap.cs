using System.Collections.Immutable;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Outputs;
using Broadside.Templates;

namespace Broadside.Modules;

/// <summary>
/// Writes <c>sitemap.xml</c> with every page and its <c>lastmod</c> (a sitemap index with numbered
/// sitemaps past 50,000 URLs, the protocol's limit), and <c>robots.txt</c> pointing at it. One list, made
/// of the pages the other listings declared for the sitemap, headed by every page and its date.
/// </summary>
/// <param name="views">Makes the URLs.</param>
/// <param name="planPipeline">The pipeline of the plan.</param>
/// <param name="limit">The most URLs one sitemap lists.</param>
/// <param name="translationsPipeline">
/// In a site of several languages, the pipeline that links the versions of each article and page: each
/// page with versions in other languages lists them all as <c>xhtml:link</c> alternates, and so do the
/// languages' home pages. Null for a site in one language.
/// </param>
/// <param name="editor">True when the site has the web editor at <c>/admin/</c>, which robots.txt keeps crawlers out of.</param>
public sealed class RenderSitemap(ViewFactory views, string planPipeline, int limit = RenderSitemap.ProtocolLimit, string? translationsPipeline = null, bool editor = false) : IModule, ISiteListing
{
    /// <summary>The most URLs one sitemap may list.</summary>
    public const int ProtocolLimit = 50_000;

    /// <summary>The sitemap, or the sitemap index.</summary>
    public const string Sitemap = ReservedPaths.Sitemap;

    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    // Each page's versions in the site's languages as (language, absolute URL), by output file; empty for a site in one language.
    private sealed record Listed(List<(string Path, DateTimeOffset? LastModified)> Pages, Dictionary<string, ImmutableArray<(string Language, string Url)>> Versions);

    /// <inheritdoc />
    public IEnumerable<ListDeclaration> Declare(IReadOnlyList<ListFile> files, PipelineContext context)
    {
        var translations = TranslationsDocument.In(context, translationsPipeline);
        // The header is a sum of one hash per page, which does not depend on the order the pages were
        // declared in: they are put in order (by address) only when the sitemap is made.
        var listed = new List<(string Path, DateTimeOffset? LastModified)>(files.Count);
        Hash128 sum = default;
        Span<long> dates = stackalloc long[2];
        var hash = new XxHash128();
        foreach (var file in files)
        {
            if (file.InSitemap && file.Path.EndsWith(".html", StringComparison.Ordinal))
            {
                listed.Add((file.Path, file.LastModified));
                dates[0] = file.LastModified?.UtcTicks ?? -1;
                dates[1] = file.LastModified?.Offset.Ticks ?? 0;
                hash.Reset();
                hash.Append(MemoryMarshal.AsBytes(file.Path.AsSpan()));
                hash.Append(MemoryMarshal.AsBytes(dates));
                sum += Hash128.Of(hash);
            }
        }

        var header = new KeyBuilder().Add(views.AbsoluteUrl(string.Empty)).Add(views.NoIndex ? 1 : 0).Add(editor ? 1 : 0).Add(listed.Count).Add(sum).Add(translations.Key);
        var count = listed.Count <= limit ? 0 : (listed.Count + limit - 1) / limit;
        ImmutableArray<ListFile> made = [new ListFile(Sitemap), .. Enumerable.Range(1, count).Select(i => new ListFile(ReservedPaths.NumberedSitemap(i))), new ListFile(ReservedPaths.Robots)];
        yield return new ListDeclaration(Sitemap, [], header.Finish(), made, new Listed(listed, Versions(translations)));
    }

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var plan = OutputPlan.In(context, planPipeline);
        var list = plan.Of(this).Single();
        if (!plan.Makes(Sitemap))
        {
            return [];
        }

        // Ordered by address; no two pages have one, so the order does not depend on the sort's.
        var (listed, versions) = (Listed)list.Item!;
        var seen = new HashSet<string>(listed.Count, StringComparer.Ordinal);
        var addresses = new List<string>(listed.Count);
        var dated = new List<DateTimeOffset?>(listed.Count);
        foreach (var (path, lastModified) in listed)
        {
            if (seen.Add(path))
            {
                addresses.Add(PathOf(path));
                dated.Add(lastModified);
            }
        }

        var order = addresses.ToArray();
        var dates = dated.ToArray();
        Array.Sort(order, dates, StringComparer.Ordinal);
        var pages = order.Select((address, i) => (Url: views.AbsoluteUrl(address), LastModified: dates[i], Versions: versions.GetValueOrDefault(address, []))).ToList();
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
                Render = Index([.. chunks.Select((chunk, i) => (views.AbsoluteUrl(ReservedPaths.NumberedSitemap(i + 1)), chunk.Max(p => p.LastModified), ImmutableArray<(string, string)>.Empty))]),
                InSitemap = false,
            });
        }

        files.Add(new OutputFile
        {
            Destination = ReservedPaths.Robots,
            Content = views.NoIndex
                ? "User-agent: *\nDisallow: /\n"
                : editor
                    ? $"User-agent: *\nAllow: /\nDisallow: {views.Url(ReservedPaths.Admin + "/")}\n\nSitemap: {views.AbsoluteUrl(Sitemap)}\n"
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

    // Each page's versions, by its path (a/b/), from the linked articles and pages and the languages' home pages.
    private Dictionary<string, ImmutableArray<(string Language, string Url)>> Versions(TranslationsDocument translations)
    {
        var versions = new Dictionary<string, ImmutableArray<(string Language, string Url)>>(StringComparer.Ordinal);
        if (!views.Config.Multilingual)
        {
            return versions;
        }

        void Add(ImmutableArray<TranslationLink> links)
        {
            var urls = links.Select(l => (l.Language, views.AbsoluteUrl(l.Path))).ToImmutableArray();
            foreach (var link in links)
            {
                versions[link.Path] = urls;
            }
        }

        Add([.. views.Config.AllLanguages.Select(l => new TranslationLink(l.Code, l.Prefix))]);
        foreach (var links in translations.Articles.Values.Concat(translations.Pages.Values))
        {
            Add(links);
        }

        return versions;
    }

    private static Func<PooledBuffer, DiagnosticBag, bool> UrlSet(IReadOnlyList<(string Url, DateTimeOffset? LastModified, ImmutableArray<(string Language, string Url)> Versions)> pages) => List("urlset", "url", pages);

    private static Func<PooledBuffer, DiagnosticBag, bool> Index(IReadOnlyList<(string Url, DateTimeOffset? LastModified, ImmutableArray<(string Language, string Url)> Versions)> sitemaps) => List("sitemapindex", "sitemap", sitemaps);

    /// <summary>
    /// Writes a sitemap (<c>urlset</c> of <c>url</c>) or a sitemap index (<c>sitemapindex</c> of <c>sitemap</c>)
    /// when the file is written, as UTF-8 straight into its buffer: a large site's sitemap is megabytes. The
    /// layout is an XML writer's, indented by two spaces; URLs are escaped as element text.
    /// </summary>
    private static Func<PooledBuffer, DiagnosticBag, bool> List(string root, string item, IReadOnlyList<(string Url, DateTimeOffset? LastModified, ImmutableArray<(string Language, string Url)> Versions)> entries) => (buffer, _) =>
    {
        using var xml = new Utf8Writer(buffer);
        xml.Write($"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<{root} xmlns=\"{Namespace}\"");
        if (entries.Any(e => !e.Versions.IsDefaultOrEmpty))
        {
            xml.Write($" xmlns:xhtml=\"{XhtmlNamespace}\"");
        }

        if (entries.Count == 0)
        {
            xml.Write(" />\n");
            return true;
        }

        xml.Write(">\n");
        Span<char> date = stackalloc char[32];
        foreach (var (url, lastModified, versions) in entries)
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

            foreach (var (language, href) in versions.IsDefault ? [] : versions)
            {
                xml.Write("    <xhtml:link rel=\"alternate\" hreflang=\"");
                WriteEscaped(xml, language);
                xml.Write("\" href=\"");
                WriteEscaped(xml, href);
                xml.Write("\"/>\n");
            }

            xml.Write("  </");
            xml.Write(item);
            xml.Write(">\n");
        }

        xml.Write($"</{root}>\n");
        return true;
    };

    /// <summary>Writes <paramref name="text"/> as element text or a quoted attribute's value: <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> and <c>"</c> escaped.</summary>
    private static void WriteEscaped(Utf8Writer xml, string text)
    {
        var rest = text.AsSpan();
        while (rest.IndexOfAny("&<>\"") is var at and >= 0)
        {
            xml.Write(rest[..at]);
            xml.Write(rest[at] switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", _ => "&quot;" });
            rest = rest[(at + 1)..];
        }

        xml.Write(rest);
    }
}
