using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace Broadside.Feeds;

/// <summary>
/// Writes RSS 2.0 and Atom 1.0. Atom is written with System.ServiceModel.Syndication's formatter. RSS
/// is streamed with an XmlWriter: every section, tag, author and demand has a feed of full articles,
/// and the formatter's handling of extension elements made that the slowest part of a large build.
/// RSS items carry the full article in <c>content:encoded</c> and one <c>dc:creator</c> naming every author,
/// with the namespaces declared once on <c>rss</c> under their usual prefixes.
/// </summary>
public static class SyndicationWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        CloseOutput = false,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        NewLineChars = "\n",
    };

    /// <summary>The feed as RSS 2.0.</summary>
    public static string Rss(FeedDefinition definition)
    {
        using var stream = new MemoryStream();
        WriteRss(definition, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Writes the feed as RSS 2.0 in UTF-8 to <paramref name="stream"/>, through one writer; bodies
    /// that are ready for a feed are copied into it byte for byte.
    /// </summary>
    public static void WriteRss(FeedDefinition definition, Stream stream) => WriteUtf8(stream, writer =>
    {
        writer.WriteStartElement("rss");
        writer.WriteAttributeString("version", "2.0");
        writer.WriteAttributeString("xmlns", "atom", null, FeedNamespaces.Atom);
        writer.WriteAttributeString("xmlns", "content", null, FeedNamespaces.Content);
        writer.WriteAttributeString("xmlns", "dc", null, FeedNamespaces.DublinCore);
        writer.WriteStartElement("channel");
        writer.WriteElementString("title", XmlText.Clean(definition.Title));
        writer.WriteElementString("link", definition.HomeUrl);
        writer.WriteElementString("description", XmlText.Clean(definition.Description));
        writer.WriteElementString("language", definition.Language);
        writer.WriteElementString("lastBuildDate", Rfc822(definition.Updated));
        writer.WriteElementString("generator", "Broadside");
        writer.WriteStartElement("atom", "link", FeedNamespaces.Atom);
        writer.WriteAttributeString("href", definition.SelfUrl);
        writer.WriteAttributeString("rel", "self");
        writer.WriteAttributeString("type", "application/rss+xml");
        writer.WriteEndElement();

        foreach (var entry in definition.Entries)
        {
            WriteItem(writer, stream, entry);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    });

    // Items are written directly: the library's item formatter buffers every extension element (the
    // whole article in content:encoded) through a binary XML reader, which cost most of a large
    // site's feed time. The output is the same RSS 2.0 item the formatter writes.
    private static void WriteItem(XmlWriter writer, Stream stream, FeedEntry entry)
    {
        writer.WriteStartElement("item");
        writer.WriteStartElement("guid");
        writer.WriteAttributeString("isPermaLink", "true");
        writer.WriteString(entry.Id);
        writer.WriteEndElement();
        writer.WriteElementString("link", entry.Url);
        foreach (var category in entry.Categories)
        {
            writer.WriteElementString("category", category);
        }

        writer.WriteElementString("title", entry.Title);
        writer.WriteElementString("description", entry.Summary);
        writer.WriteElementString("pubDate", Rfc822(entry.Published));
        // CDATA carries the HTML without escaping it: smaller, and faster to write for every feed. A
        // body known to hold no "]]>", nothing XML forbids and no relative address is copied as bytes.
        writer.WriteStartElement("content", "encoded", FeedNamespaces.Content);
        if (entry.ReadyUtf8 is not { } ready)
        {
            writer.WriteCData(entry.Content);
        }
        else
        {
            writer.WriteRaw("<![CDATA[");
            writer.Flush();
            stream.Write(ready());
            writer.WriteRaw("]]>");
        }

        writer.WriteEndElement();
        if (entry.Byline.Length > 0)
        {
            writer.WriteElementString("dc", "creator", FeedNamespaces.DublinCore, entry.Byline);
        }

        writer.WriteEndElement();
    }

    /// <summary>An RFC 822 date as RSS writes it: <c>Sat, 14 Mar 2026 18:30:00 -0500</c>.</summary>
    public static string Rfc822(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        return string.Create(CultureInfo.InvariantCulture, $"{date:ddd, dd MMM yyyy HH:mm:ss} {sign}{Math.Abs(offset.Hours):D2}{Math.Abs(offset.Minutes):D2}");
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
            item.Content = new TextSyndicationContent(entry.Content, TextSyndicationContentKind.Html);
            // Readers show one author of an entry: several are credited in one, by the byline.
            if (entry.Authors is [var (name, url)])
            {
                item.Authors.Add(new SyndicationPerson { Name = name, Uri = url.Length > 0 ? url : null });
            }
            else if (entry.Authors.Length > 1)
            {
                item.Authors.Add(new SyndicationPerson { Name = entry.Byline });
            }

            return item;
        }).ToList();

        return Write(writer => new Atom10FeedFormatter(feed).WriteTo(writer));
    }

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

    private static void WriteUtf8(Stream stream, Action<XmlWriter> write)
    {
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            write(writer);
        }

        stream.Write("\n"u8);
    }

    private static string Write(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
