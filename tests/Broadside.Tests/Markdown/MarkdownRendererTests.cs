using System.Collections.Immutable;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Broadside.Configuration;
using Broadside.Diagnostics;
using Broadside.Markdown;

namespace Broadside.Tests.Markdown;

public sealed class MarkdownRendererTests
{
    private const string File = "input/articles/a.md";

    [Fact]
    public void Renders_pipe_tables()
    {
        var html = Render("| City | Drivers |\n| --- | ---: |\n| Lyon | 1200 |\n| Nantes | 800 |\n").Html;

        var document = Parse(html);
        Assert.Equal(["City", "Drivers"], document.QuerySelectorAll("table thead th").Select(th => th.TextContent));
        Assert.Equal(["Lyon", "1200", "Nantes", "800"], document.QuerySelectorAll("table tbody td").Select(td => td.TextContent));
    }

    [Fact]
    public void Renders_footnotes()
    {
        var html = Render("Drivers walked out[^1].\n\n[^1]: According to the union.\n").Html;

        var document = Parse(html);
        var reference = Assert.Single(document.QuerySelectorAll("a.footnote-ref"));
        Assert.Equal("#fn:1", reference.GetAttribute("href"));
        var footnotes = Assert.Single(document.QuerySelectorAll(".footnotes li"));
        Assert.Equal("fn:1", footnotes.Id);
        Assert.Contains("According to the union.", footnotes.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("## Bus drivers walk out", "h2", "bus-drivers-walk-out")]
    [InlineData("### What's next?", "h3", "whats-next")]
    [InlineData("## Grève générale", "h2", "grève-générale")]
    public void Gives_headings_GitHub_style_ids(string markdown, string tag, string id)
    {
        var heading = Assert.Single(Parse(Render(markdown).Html).QuerySelectorAll(tag));

        Assert.Equal(id, heading.Id);
    }

    [Fact]
    public void Uses_typographic_quotes_and_dashes()
    {
        var html = Render("\"Enough,\" she said -- 'over'... for now --- maybe.").Html;

        Assert.Equal(
            "\u201CEnough,\u201D she said \u2013 \u2018over\u2019\u2026 for now \u2014 maybe.",
            Parse(html).QuerySelector("p")?.TextContent);
    }

    [Fact]
    public void A_top_level_heading_in_the_body_is_a_BS0501_warning_at_its_file_line_and_becomes_h2()
    {
        var diagnostics = new DiagnosticBag();

        var rendered = new MarkdownRenderer().Render("Intro paragraph.\n\n# Big news\n\nMore.\n", File, 6, diagnostics);

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(DiagnosticCodes.HeadingLevelOne, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal((File, 9, 1), (diagnostic.File, diagnostic.Line, diagnostic.Column));
        Assert.DoesNotContain("<h1", rendered.Html, StringComparison.Ordinal);
        var heading = Assert.Single(Parse(rendered.Html).QuerySelectorAll("h2"));
        Assert.Equal("Big news", heading.TextContent);
        Assert.Equal("big-news", heading.Id);
    }

    [Fact]
    public void Headings_from_level_two_are_not_reported()
    {
        var diagnostics = new DiagnosticBag();

        new MarkdownRenderer().Render("## Two\n\n### Three\n\nText.\n", File, 4, diagnostics);

        Assert.Empty(diagnostics.ToImmutableSorted());
    }

    [Fact]
    public void The_first_paragraph_is_plain_text()
    {
        const string markdown = """
            ## A heading first

            > A quotation is not the first paragraph.

            Say "hello" to **bold**, *emphasis*, [a link](/x/) and `code` &amp; 'so'
            on -- two lines...

            Second paragraph.
            """;

        var rendered = Render(markdown);

        Assert.Equal(
            "Say \u201Chello\u201D to bold, emphasis, a link and code & \u2018so\u2019 on \u2013 two lines\u2026",
            rendered.FirstParagraph);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("## Only a heading\n", "")]
    [InlineData("- a list item\n", "")]
    public void The_first_paragraph_is_empty_without_a_top_level_paragraph(string markdown, string expected)
    {
        Assert.Equal(expected, Render(markdown).FirstParagraph);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("One two three.", 3)]
    [InlineData("One two three.\n\nFour *five* six.", 6)]
    [InlineData("## Two words\n\n- three\n- four five\n", 5)]
    [InlineData("A [linked phrase](https://example.org/) here.", 4)]
    [InlineData("Bus   drivers\nwalk\tout", 4)]
    public void Counts_the_words_of_the_text(string markdown, int words)
    {
        Assert.Equal(words, Render(markdown).WordCount);
    }

    [Theory]
    [InlineData("He said \"no\".", 3)]
    [InlineData("A well--known union", 3)]
    [InlineData("The 'Fight for 15'.", 4)]
    public void Counts_words_around_typographic_quotes_and_dashes_once(string markdown, int words)
    {
        Assert.Equal(words, Render(markdown).WordCount);
    }

    [Theory]
    [InlineData("[About](/about/)", "a", "href", "/news/about/")]
    [InlineData("![Picket](/media/2026/picket.jpg)", "img", "src", "/news/media/2026/picket.jpg")]
    [InlineData("[Ref][about]\n\n[about]: /about/", "a", "href", "/news/about/")]
    [InlineData("[Other site](https://example.org/about/)", "a", "href", "https://example.org/about/")]
    [InlineData("[CDN](//cdn.example.org/x.js)", "a", "href", "//cdn.example.org/x.js")]
    [InlineData("[Relative](2026/x/)", "a", "href", "2026/x/")]
    [InlineData("[Anchor](#top)", "a", "href", "#top")]
    public void Prefixes_root_relative_links_with_the_site_root(string markdown, string tag, string attribute, string expected)
    {
        var html = new MarkdownRenderer("/news/").Render(markdown, File, 0, new DiagnosticBag()).Html;

        Assert.Equal(expected, Parse(html).QuerySelector(tag)?.GetAttribute(attribute));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/news")]
    public void Keeps_root_relative_links_for_a_site_at_the_root_and_adds_the_missing_slash(string root)
    {
        var html = new MarkdownRenderer(root).Render("[About](/about/)", File, 0, new DiagnosticBag()).Html;

        Assert.Equal(root == "/" ? "/about/" : "/news/about/", Parse(html).QuerySelector("a")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("Intro.\n\n<script>alert(1)</script>\n", 9, 1, DiagnosticCodes.ActiveContent, "raw HTML with a <script> element")]
    [InlineData("Intro.\n\n<div class=\"box\">\n<p>fine</p>\n<p onclick=\"alert(1)\">x</p>\n</div>\n", 11, 1, DiagnosticCodes.ActiveContent, "the event handler 'onclick' on <p>")]
    [InlineData("Read <a href=\"javascript:alert(1)\">this</a> now.", 7, 6, DiagnosticCodes.ActiveContent, "the address 'javascript:alert(1)' on <a>")]
    [InlineData("Intro.\n\n<iframe src=\"https://evil.example/\"></iframe>\n", 9, 1, DiagnosticCodes.IframeHost, "from 'evil.example'")]
    [InlineData("A [link](javascript:alert(1)).", 7, 3, DiagnosticCodes.ActiveContent, "the address 'javascript:alert(1)' runs code")]
    [InlineData("A [link](jav&#x61;script:alert(1)).", 7, 3, DiagnosticCodes.ActiveContent, "the address 'javascript:alert(1)' runs code")]
    [InlineData("An ![image](javascript:alert(1)).", 7, 4, DiagnosticCodes.ActiveContent, "runs code")]
    [InlineData("A [reference][r].\n\n[r]: vbscript:msgbox(1)", 7, 3, DiagnosticCodes.ActiveContent, "'vbscript:msgbox(1)' runs code")]
    [InlineData("An autolink <javascript:alert(1)>.", 7, 13, DiagnosticCodes.ActiveContent, "runs code")]
    [InlineData("A [page](data:text/html,<b>x</b>).", 7, 3, DiagnosticCodes.ActiveContent, "runs code")]
    public void Code_in_raw_HTML_or_links_is_an_error_at_its_line(string markdown, int line, int column, string code, string words)
    {
        var diagnostics = new DiagnosticBag();

        new MarkdownRenderer().Render(markdown, File, 6, diagnostics);

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((code, File, line, column), (diagnostic.Code, diagnostic.File, diagnostic.Line, diagnostic.Column));
        Assert.True(diagnostic.IsError);
        Assert.Contains(words, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[", 3)]
    [InlineData("*a ", 3)]
    [InlineData("> ", 3)]
    [InlineData("* ", 3)]
    [InlineData("- ", 3)]
    [InlineData("1. ", 3)]
    public void Markdown_nested_past_what_a_page_can_hold_is_BS0505_at_its_line(string opener, int line)
    {
        var diagnostics = new DiagnosticBag();
        var markdown = "Intro.\n\n" + string.Concat(Enumerable.Repeat(opener, 20_000)) + "x\n\nMore.\n";

        var rendered = new MarkdownRenderer().Render(markdown, File, 6, diagnostics);

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.MarkdownTooDeep, 6 + line, 1), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Empty(rendered.Html);
    }

    [Fact]
    public void A_quote_left_open_that_takes_the_markdown_after_it_into_a_tag_is_found_in_the_page()
    {
        var diagnostics = new DiagnosticBag();

        // Each piece is harmless alone; the page a browser reads has onmouseover on the div.
        new MarkdownRenderer().Render("Intro.\n\n<div title='\n\n' onmouseover='alert(1)'>x\n", File, 6, diagnostics);

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.ActiveContent, 9), (diagnostic.Code, diagnostic.Line));
        Assert.Equal("raw HTML from here on leaves a tag or a quote open, and the page ends up with the event handler 'onmouseover' on <div>: close every tag and quote", diagnostic.Message);
    }

    [Theory]
    [InlineData("<figure><img src=\"/media/a.jpg\" alt=\"A\"><figcaption>Picket</figcaption></figure>")]
    [InlineData("An ![image](data:image/png;base64,iVBORw0KGgo=) and a [mail](mailto:e@example.org) and <https://example.org>.")]
    [InlineData("<iframe src=\"https://www.youtube-nocookie.com/embed/x\" title=\"Video\"></iframe>")]
    public void Ordinary_raw_HTML_and_links_pass(string markdown)
    {
        var policy = new RawHtmlPolicy { IframeHosts = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "www.youtube-nocookie.com") };
        var diagnostics = new DiagnosticBag();

        var rendered = new MarkdownRenderer("/", policy).Render(markdown, File, 0, diagnostics);

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.NotEmpty(rendered.Html);
    }

    [Fact]
    public void A_site_that_allows_scripts_publishes_them_as_written()
    {
        var diagnostics = new DiagnosticBag();

        var rendered = new MarkdownRenderer("/", new RawHtmlPolicy { AllowScripts = true })
            .Render("<script src=\"/media/chart.js\"></script>\n\nA [link](javascript:void(0)).", File, 0, diagnostics);

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.Contains("<script src=\"/media/chart.js\"></script>", rendered.Html, StringComparison.Ordinal);
    }

    private static RenderedMarkdown Render(string markdown)
    {
        var diagnostics = new DiagnosticBag();
        var rendered = new MarkdownRenderer().Render(markdown, File, 0, diagnostics);
        Assert.Empty(diagnostics.ToImmutableSorted());
        return rendered;
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
