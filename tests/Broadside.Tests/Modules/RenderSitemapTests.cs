using System.Collections.Immutable;
using System.Xml.Linq;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Modules;
using Broadside.Output;
using Broadside.Outputs;
using Broadside.Templates;

namespace Broadside.Tests.Modules;

public sealed class RenderSitemapTests
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static readonly ViewFactory Views = new(SiteConfig.Fallback with { BaseUrl = new Uri("https://example.org/news/") });

    // The sitemap of pages the other listings declared as these files are.
    private static ImmutableArray<Document> Run(int limit, params OutputFile[] files)
    {
        var module = new RenderSitemap(Views, "Plan", limit);
        var declared = files.Select(f => new ListFile(f.Destination!, LastModified: f.LastModified, InSitemap: f.InSitemap)).ToList();

        // A site in one language: the sitemap reads no other pipeline as it declares.
        var plan = new OutputPlan
        {
            All = true,
            Declared = declared.Select(f => f.Path).ToHashSet(StringComparer.Ordinal),
            Declarations = new Dictionary<object, ImmutableArray<ListDeclaration>> { [module] = [.. module.Declare(declared, context: null!)] },
        };
        var planning = new Pipeline("Plan") { Process = [new Emit([plan])] };
        var sitemap = new Pipeline("Sitemap") { PostProcess = [module] };
        var result = new PipelineEngine([planning, sitemap]).Run(new DiagnosticBag());
        return result.Outputs["Sitemap"];
    }

    private static OutputFile Page(string destination, DateTimeOffset? lastModified = null, bool inSitemap = true) =>
        new() { Destination = destination, Content = string.Empty, LastModified = lastModified, InSitemap = inSitemap };

    private static string Text(ImmutableArray<Document> outputs, string destination)
    {
        var file = outputs.OfType<OutputFile>().Single(f => f.Destination == destination);
        if (file.Render is not { } render)
        {
            return file.Content!;
        }

        using var buffer = new PooledBuffer();
        Assert.True(render(buffer, new DiagnosticBag()));
        return System.Text.Encoding.UTF8.GetString(buffer.Written);
    }

    [Fact]
    public void Lists_pages_with_lastmod_and_leaves_out_the_rest()
    {
        var outputs = Run(
            50_000,
            Page("index.html", new DateTimeOffset(2026, 3, 14, 0, 0, 0, TimeSpan.FromHours(-5))),
            Page("2026/03/strike/index.html"),
            Page("old/index.html", inSitemap: false),
            Page("feed.xml"));

        var urls = XDocument.Parse(Text(outputs, "sitemap.xml")).Root!.Elements(Ns + "url").ToList();
        Assert.Equal(["https://example.org/news/", "https://example.org/news/2026/03/strike/"], urls.Select(u => u.Element(Ns + "loc")!.Value));
        Assert.Equal("2026-03-14T00:00:00-05:00", urls[0].Element(Ns + "lastmod")!.Value);
        Assert.Null(urls[1].Element(Ns + "lastmod"));
        Assert.Contains("Sitemap: https://example.org/news/sitemap.xml", Text(outputs, "robots.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void Past_the_limit_it_writes_numbered_sitemaps_and_an_index()
    {
        var outputs = Run(2, Page("a/index.html"), Page("b/index.html"), Page("c/index.html", DateTimeOffset.UnixEpoch));

        var index = XDocument.Parse(Text(outputs, "sitemap.xml")).Root!;
        Assert.Equal(Ns + "sitemapindex", index.Name);
        Assert.Equal(["https://example.org/news/sitemap-1.xml", "https://example.org/news/sitemap-2.xml"], index.Elements(Ns + "sitemap").Select(s => s.Element(Ns + "loc")!.Value));
        Assert.Equal(2, XDocument.Parse(Text(outputs, "sitemap-1.xml")).Root!.Elements(Ns + "url").Count());
        Assert.Single(XDocument.Parse(Text(outputs, "sitemap-2.xml")).Root!.Elements(Ns + "url"));
    }

    private sealed class Emit(Document[] files) : IModule
    {
        public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context) => [.. files];
    }

    [Fact]
    public void Is_written_as_an_xml_writer_writes_it()
    {
        var when = new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.FromHours(1));
        var outputs = Run(
            50_000,
            Page("index.html", when),
            Page("a&b/<c>/index.html"),
            Page("gr\u00E8ve/index.html", when));

        // What System.Xml writes for the same list, indented.
        var expected = new System.Text.StringBuilder();
        using (var writer = System.Xml.XmlWriter.Create(expected, new System.Xml.XmlWriterSettings { Indent = true, NewLineChars = "\n" }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("urlset", Ns.NamespaceName);
            foreach (var (path, lastModified) in new (string, DateTimeOffset?)[] { (string.Empty, when), ("a&b/<c>/", null), ("gr\u00E8ve/", when) })
            {
                writer.WriteStartElement("url");
                writer.WriteElementString("loc", "https://example.org/news/" + UrlScheme.Escaped(path));
                if (lastModified is { } date)
                {
                    writer.WriteElementString("lastmod", ViewFactory.Iso(date));
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        Assert.Equal(expected.ToString().Replace("utf-16", "utf-8", StringComparison.Ordinal) + "\n", Text(outputs, "sitemap.xml"));
    }
}
