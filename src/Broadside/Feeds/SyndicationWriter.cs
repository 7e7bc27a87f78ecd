using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Broadside.Feeds;

/// <summary>
/// Writes RSS 2.0 and Atom 1.0 with System.ServiceModel.Syndication. RSS gets the full article in
/// <c>content:encoded</c> and one <c>dc:creator</c> per author; the Atom namespace is declared with
/// the <c>atom</c> prefix so the self link is not written with the formatter's <c>a10</c>.
/// </summary>
public static class SyndicationWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        NewLineChars = "\n",
    };

    /// <summary>The feed as RSS 2.0.</summary>
    public static string Rss(FeedDefinition definition)
    {
        var feed = Feed(definition);
        feed.AttributeExtensions.Add(new XmlQualifiedName("atom", FeedNamespaces.Xmlns), FeedNamespaces.Atom);
        feed.AttributeExtensions.Add(new XmlQualifiedName("content", FeedNamespaces.Xmlns), FeedNamespaces.Content);
        feed.AttributeExtensions.Add(new XmlQualifiedName("dc", FeedNamespaces.Xmlns), FeedNamespaces.DublinCore);
        feed.ElementExtensions.Add(new XElement(
            XName.Get("link", FeedNamespaces.Atom),
            Prefix("atom", FeedNamespaces.Atom),
            new XAttribute("href", definition.SelfUrl),
            new XAttribute("rel", "self"),
            new XAttribute("type", "application/rss+xml")).CreateReader());

        feed.Items = definition.Entries.Select(entry =>
        {
            var item = Item(entry);
            item.ElementExtensions.Add(new XElement(XName.Get("encoded", FeedNamespaces.Content), Prefix("content", FeedNamespaces.Content), entry.ContentHtml).CreateReader());
            foreach (var (name, _) in entry.Authors)
            {
                item.ElementExtensions.Add(new XElement(XName.Get("creator", FeedNamespaces.DublinCore), Prefix("dc", FeedNamespaces.DublinCore), name).CreateReader());
            }

            return item;
        }).ToList();

        return Write(writer => new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false).WriteTo(writer));
    }

    /// <summary>The feed as Atom 1.0.</summary>
    public static string Atom(FeedDefinition definition)
    {
        var feed = Feed(definition);
        feed.Id = definition.SelfUrl;
        feed.Links.Add(new SyndicationLink(new Uri(definition.SelfUrl), "self", null, "application/atom+xml", 0));
        feed.Items = definition.Entries.Select(entry =>
        {
            var item = Item(entry);
            item.Content = new TextSyndicationContent(entry.ContentHtml, TextSyndicationContentKind.Html);
            foreach (var (name, url) in entry.Authors)
            {
                item.Authors.Add(new SyndicationPerson { Name = name, Uri = url.Length > 0 ? url : null });
            }

            return item;
        }).ToList();

        return Write(writer => new Atom10FeedFormatter(feed).WriteTo(writer));
    }

    // Names the prefix an extension element is written with; the declaration itself is already in
    // scope on the channel, so the writer does not repeat it.
    private static XAttribute Prefix(string prefix, string ns) => new(XNamespace.Xmlns + prefix, ns);

    private static SyndicationFeed Feed(FeedDefinition definition) => new(
        XmlText.Clean(definition.Title),
        XmlText.Clean(definition.Description),
        new Uri(definition.HomeUrl))
    {
        Language = definition.Language,
        LastUpdatedTime = definition.Updated,
        Generator = "Broadside",
    };

    private static SyndicationItem Item(FeedEntry entry)
    {
        var item = new SyndicationItem
        {
            Id = entry.Id,
            Title = new TextSyndicationContent(entry.Title),
            Summary = new TextSyndicationContent(entry.Summary),
            PublishDate = entry.Published,
            LastUpdatedTime = entry.Updated,
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(entry.Url), "text/html"));
        foreach (var category in entry.Categories)
        {
            item.Categories.Add(new SyndicationCategory(category));
        }

        return item;
    }

    private static string Write(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
