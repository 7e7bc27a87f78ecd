using Broadside.Feeds;

namespace Broadside.Tests.Feeds;

public sealed class AbsoluteHtmlTests
{
    private static readonly Uri Page = new("https://example.org/news/2026/03/strike/");

    [Theory]
    [InlineData("<a href=\"/news/tags/x/\">x</a>", "<a href=\"https://example.org/news/tags/x/\">x</a>")]
    [InlineData("<img src='/news/media/a.jpg' alt=''>", "<img src='https://example.org/news/media/a.jpg' alt=''>")]
    [InlineData("<a href=\"#fn1\">1</a>", "<a href=\"https://example.org/news/2026/03/strike/#fn1\">1</a>")]
    [InlineData("<a href=\"photo.jpg\">p</a>", "<a href=\"https://example.org/news/2026/03/strike/photo.jpg\">p</a>")]
    [InlineData("<a href=\"https://other.org/x\">o</a>", "<a href=\"https://other.org/x\">o</a>")]
    [InlineData("<a href=\"mailto:desk@example.org\">m</a>", "<a href=\"mailto:desk@example.org\">m</a>")]
    [InlineData("<video poster=\"/news/p.jpg\"></video>", "<video poster=\"https://example.org/news/p.jpg\"></video>")]
    [InlineData("<a href=\"/q?a=1&amp;b=2\">q</a>", "<a href=\"https://example.org/q?a=1&amp;b=2\">q</a>")]
    [InlineData("<p>href=\"/not-an-attribute\" in text</p>", "<p>href=\"/not-an-attribute\" in text</p>")]
    [InlineData("<a class=\"x\" HREF = '/news/y/'>y</a>", "<a class=\"x\" HREF = 'https://example.org/news/y/'>y</a>")]
    [InlineData("<img data-src=\"/a.jpg\" src=\"/b.jpg\">", "<img data-src=\"/a.jpg\" src=\"https://example.org/b.jpg\">")]
    public void Resolves_links_and_images_against_the_page(string html, string expected) =>
        Assert.Equal(expected, AbsoluteHtml.Resolve(html, Page));
}
