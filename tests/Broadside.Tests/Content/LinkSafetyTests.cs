using Broadside.Content;

namespace Broadside.Tests.Content;

public sealed class LinkSafetyTests
{
    [Theory]
    [InlineData("https://example.org/", "https")]
    [InlineData("HTTP://example.org/", "http")]
    [InlineData("mailto:editor@example.org", "mailto")]
    [InlineData("javascript:alert(1)", "javascript")]
    [InlineData(" \u0001\u001F JaVaScRiPt:alert(1)", "javascript")]
    [InlineData("java\tscr\nipt\r:alert(1)", "javascript")]
    [InlineData("web+app:x", "web+app")]
    [InlineData("/2026/03/x/", null)]
    [InlineData("2026/03/x/", null)]
    [InlineData("page?time=10:30", null)]
    [InlineData("#note:1", null)]
    [InlineData("./a:b", null)]
    [InlineData("1http:x", null)]
    [InlineData(":x", null)]
    [InlineData("", null)]
    [InlineData("java%0ascript:alert(1)", null)]
    public void Reads_the_scheme_as_a_browser_does(string url, string? scheme)
    {
        Assert.Equal(scheme, LinkSafety.Scheme(url));
    }

    [Theory]
    [InlineData("javascript:alert(1)", false, true)]
    [InlineData("vbscript:msgbox(1)", false, true)]
    [InlineData(" java\tscript:alert(1)", false, true)]
    [InlineData("data:text/html,<script>alert(1)</script>", false, true)]
    [InlineData("data:text/html,<script>alert(1)</script>", true, true)]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", false, true)]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", true, false)]
    [InlineData("da\nta:image/svg+xml,<svg/>", true, false)]
    [InlineData("https://example.org/", false, false)]
    [InlineData("/media/a.png", true, false)]
    [InlineData("page?time=10:30", false, false)]
    public void Knows_which_addresses_run_code(string url, bool image, bool runs)
    {
        Assert.Equal(runs, LinkSafety.RunsCode(url, image));
    }
}
