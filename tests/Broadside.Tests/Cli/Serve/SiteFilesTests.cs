using Broadside.Cli.Serve;

namespace Broadside.Tests.Cli.Serve;

/// <summary>How request paths map to the built site's files, and their content types.</summary>
public sealed class SiteFilesTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "site");

    [Theory]
    [InlineData("/", "index.html")]
    [InlineData("/about/", "about/index.html")]
    [InlineData("/2026/03/cap-rents/", "2026/03/cap-rents/index.html")]
    [InlineData("/feed.xml", "feed.xml")]
    [InlineData("/about", "about")]
    [InlineData("//assets//site.css", "assets/site.css")]
    public void A_path_names_a_file_below_the_root(string requestPath, string file)
    {
        Assert.Equal(Path.Combine(Root, file.Replace('/', Path.DirectorySeparatorChar)), SiteFiles.Locate(Root, requestPath));
    }

    [Theory]
    [InlineData("/../site.yml")]
    [InlineData("/a/../../site.yml")]
    [InlineData("/..")]
    [InlineData("/a/..")]
    [InlineData("/./index.html")]
    [InlineData("/..\\site.yml")]
    [InlineData("/.broadside-manifest")]
    [InlineData("/.git/config")]
    [InlineData("/assets/.hidden/x.css")]
    [InlineData("/a\0b")]
    public void Traversal_and_hidden_names_are_refused(string requestPath)
    {
        Assert.Null(SiteFiles.Locate(Root, requestPath));
    }

    [Theory]
    [InlineData("index.html", "text/html; charset=utf-8")]
    [InlineData("site.css", "text/css; charset=utf-8")]
    [InlineData("app.js", "text/javascript; charset=utf-8")]
    [InlineData("logo.svg", "image/svg+xml; charset=utf-8")]
    [InlineData("sitemap.xml", "application/xml; charset=utf-8")]
    [InlineData("feed.xml", "application/rss+xml; charset=utf-8")]
    [InlineData("atom.xml", "application/atom+xml; charset=utf-8")]
    [InlineData("feed.json", "application/feed+json; charset=utf-8")]
    [InlineData("demands.json", "application/json; charset=utf-8")]
    [InlineData("photo.jpg", "image/jpeg")]
    [InlineData("photo.png", "image/png")]
    [InlineData("photo.webp", "image/webp")]
    [InlineData("font.woff2", "font/woff2")]
    [InlineData("font.woff", "font/woff")]
    [InlineData("_redirects", "text/plain; charset=utf-8")]
    [InlineData("archive.xyz", "application/octet-stream")]
    public void Files_have_content_types(string name, string contentType)
    {
        Assert.Equal(contentType, SiteFiles.ContentType(Path.Combine(Root, name)));
    }
}
