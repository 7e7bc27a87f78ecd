using Broadside.Cli.Serve;
using Broadside.Diagnostics;

namespace Broadside.Tests.Cli.Serve;

/// <summary>The live-reload script and the error overlay added to HTML pages.</summary>
public sealed class PageInjectionTests
{
    private static readonly Diagnostic Error = new(DiagnosticSeverity.Error, "BS0102", "the front matter is never closed: add a line '---' after <its> last key & save", "input/articles/a.md", 1, 1);

    [Fact]
    public void The_script_goes_before_the_closing_body_tag()
    {
        var html = PageInjection.Inject("<html><body class=\"home\"><p>Hi</p></BODY></html>", []);

        Assert.Equal("<html><body class=\"home\"><p>Hi</p><script src=\"/__broadside/live.js\"></script></BODY></html>", html);
    }

    [Fact]
    public void Without_a_closing_body_tag_the_script_goes_at_the_end()
    {
        Assert.Equal("<p>Hi</p><script src=\"/__broadside/live.js\"></script>", PageInjection.Inject("<p>Hi</p>", []));
    }

    [Fact]
    public void The_overlay_goes_at_the_top_of_the_body_and_lists_the_diagnostics_escaped()
    {
        var html = PageInjection.Inject("<html><head><title>x</title></head><body class=\"home\">\n<p>Hi</p></body></html>", [Error]);

        Assert.StartsWith("<html><head><title>x</title></head><body class=\"home\"><div id=\"broadside-errors\"", html, StringComparison.Ordinal);
        Assert.Contains("The site has errors", html, StringComparison.Ordinal);
        Assert.Contains("last version that built", html, StringComparison.Ordinal);
        Assert.Contains("<li>input/articles/a.md(1,1): error BS0102: the front matter is never closed: add a line &#39;---&#39; after &lt;its&gt; last key &amp; save</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<its>", html, StringComparison.Ordinal);
        Assert.EndsWith("<p>Hi</p><script src=\"/__broadside/live.js\"></script></body></html>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tag_that_only_starts_like_body_is_not_the_body()
    {
        var html = PageInjection.Inject("<bodyguard></bodyguard><body>x</body>", [Error]);

        Assert.StartsWith("<bodyguard></bodyguard><body><div id=\"broadside-errors\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_diagnostic_that_is_markup_cannot_inject_markup()
    {
        var hostile = new Diagnostic(DiagnosticSeverity.Error, "BS0100", "</li></ul><script>alert(1)</script>", "input/<b>.md");

        var overlay = PageInjection.Overlay([hostile]);

        Assert.DoesNotContain("<script>", overlay, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", overlay, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", overlay, StringComparison.Ordinal);
    }

    [Fact]
    public void The_overlay_has_no_inline_style_that_the_sites_policy_would_block()
    {
        var overlay = PageInjection.Overlay([Error]);

        Assert.DoesNotContain("style=", overlay, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", overlay, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"<link rel=\"stylesheet\" href=\"{PageInjection.StylesheetPath}\">", overlay, StringComparison.Ordinal);
    }
}
