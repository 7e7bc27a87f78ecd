namespace Broadside.Feeds;

/// <summary>The XML namespaces feeds use, with the prefixes readers expect.</summary>
public static class FeedNamespaces
{
    public const string Atom = "http://www.w3.org/2005/Atom";
    public const string Content = "http://purl.org/rss/1.0/modules/content/";
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";
    public const string Xmlns = "http://www.w3.org/2000/xmlns/";
}
