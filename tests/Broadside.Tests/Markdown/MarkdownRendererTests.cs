using System.Collections.Immutable;
using System.Globalization;
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
    public void Lists_the_bodys_own_sub_headings_with_their_ids_and_words_for_a_table_of_contents()
    {
        const string markdown = "Intro.\n\n## The *contract*\n\nText.\n\n### Who signed &amp; when\n\n- item\n\n  ## In a list\n\n> ## In a quote\n\n#### Too deep\n\n## «Después» — 罢工\n";

        var headings = Render(markdown).Headings;

        Assert.Equal(
            [(2, "the-contract", "The contract"), (3, "who-signed--when", "Who signed & when"), (2, "después--罢工", "«Después» — 罢工")],
            headings.Select(h => (h.Level, h.Id, h.Text)));
        var html = Parse(Render(markdown).Html);
        Assert.All(headings, h => Assert.NotNull(html.GetElementById(h.Id)));
    }

    [Fact]
    public void A_level_one_heading_is_listed_as_the_level_two_it_is_made()
    {
        var diagnostics = new DiagnosticBag();
        var heading = Assert.Single(new MarkdownRenderer().Render("# Top\n\nText.\n", File, 0, diagnostics).Headings);

        Assert.Equal((2, "top", "Top"), (heading.Level, heading.Id, heading.Text));
        Assert.Equal(DiagnosticCodes.HeadingLevelOne, Assert.Single(diagnostics.ToImmutableSorted()).Code);
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

    // Chinese and Japanese are written without spaces: each character is 23/50 of a word (500 characters
    // a minute against 230 words), so a page of them reads in the time it takes.
    [Theory]
    [InlineData("公交司机罢工", 3)]
    [InlineData("公交司机在三个车场同时罢工，要求增加人手。", 10)]
    [InlineData("運転手がストライキ", 5)]
    [InlineData("ICE 滚出我们的城市", 5)]
    [InlineData("Забастовка водителей", 2)]
    [InlineData("إضراب السائقين", 2)]
    public void Counts_chinese_and_japanese_by_characters_and_other_scripts_by_spaces(string markdown, int words)
    {
        Assert.Equal(words, Render(markdown).WordCount);
    }

    [Fact]
    public void A_thousand_characters_of_chinese_read_in_about_two_minutes()
    {
        var words = Render(new string('字', 1000)).WordCount;

        Assert.Equal(460, words);
        Assert.Equal(2, (words + 229) / 230);
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
    [InlineData("Intro.\n\nA bell\u0007 rings.\n", 9, 7, "U+0007 (a control character) cannot be shown in a page: it was left out; delete it from the file")]
    [InlineData("Intro.\n\nEsc\u001Bape.\n", 9, 4, "U+001B (a control character) cannot be shown in a page: it was left out, with U+FFFD put where one sat between two words; delete it from the file")]
    [InlineData("Intro.\n\nA C1\u0085 control, a noncharacter \uFFFE and DEL\u007F.\n", 9, 5, "U+0085 (a control character), U+FFFE (a noncharacter), U+007F (a control character) cannot be shown in a page: they were left out")]
    [InlineData("Intro.\n\n`code \u0001 span`\n", 9, 7, "U+0001")]
    [InlineData("Intro.\n\n```\ncode \u0002 block\n```\n", 10, 6, "U+0002")]
    [InlineData("Intro.\n\n[link \u0003 text](/a/)\n", 9, 7, "U+0003")]
    [InlineData("Intro.\n\n<p title=\"x\u0004\">raw</p>\n", 9, 12, "U+0004")]
    [InlineData("Intro.\n\nA &#x1B; reference.\n", 9, 3, "'&#x1B;' (U+001B, a control character) cannot be shown in a page: it was left out")]
    [InlineData("Intro.\n\n&#0; &#xD800; &#x110000; &#x80; &#x9F; &#xFFFF; &#13; &#x7F;\n", 9, 1, "'&#0;' (U+0000, a control character), '&#xD800;' (U+D800, half of a surrogate pair), '&#x110000;' (a number past U+10FFFF), '&#x80;' (U+0080, a control character)")]
    [InlineData("Intro.\n\n[a](/x&#x1B;y \"t&#7;\")\n", 9, 1, "a reference to U+0007 (a control character), a reference to U+001B (a control character)")]
    [InlineData("Intro.\n\n```js&#x1B;\ncode\n```\n", 9, 1, "a reference to U+001B")]
    [InlineData("Intro.\n\n![alt &#x1B; text](/a.png)\n", 9, 7, "'&#x1B;'")]
    [InlineData("Intro.\n\n<div>\n<p title=\"&#x1b\">&#0000027;</p>\n</div>\n", 10, 11, "'&#x1b' (U+001B, a control character), '&#0000027;' (U+001B, a control character)")]
    [InlineData("Intro.\n\nSome <span title=\"&#27;\">raw</span>.\n", 9, 19, "'&#27;'")]
    public void Characters_a_page_cannot_show_are_left_out_with_a_BS0116_warning_for_each_line(string markdown, int line, int column, string words)
    {
        var diagnostics = new DiagnosticBag();

        var rendered = new MarkdownRenderer().Render(markdown, File, 6, diagnostics);

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.ControlCharacter, DiagnosticSeverity.Warning), (diagnostic.Code, diagnostic.Severity));
        Assert.Equal((File, line, column), (diagnostic.File, diagnostic.Line, diagnostic.Column));
        Assert.Contains(words, diagnostic.Message, StringComparison.Ordinal);
        Assert.False(ForbiddenIn(rendered.Html), rendered.Html);
        Assert.NotEmpty(rendered.Html);
    }

    [Fact]
    public void Nothing_a_body_writes_reaches_the_page_or_its_summary_as_a_character_a_page_cannot_show()
    {
        var forbidden = new[] { "\u0000", "\u0001", "\u0008", "\u000B", "\u000C", "\u001B", "\u007F", "\u0080", "\u009F", "\uFDD0", "\uFFFE", "\uFFFF", "\uD83F\uDFFE" };
        var references = new[] { "&#0;", "&#x1B;", "&#27;", "&#x7F;", "&#x80;", "&#x9F;", "&#xD800;", "&#xDFFF;", "&#x110000;", "&#xFFFE;", "&#x1FFFF;", "&#13;", "&#x0D;" };
        var contexts = new[]
        {
            "Text {0} here and a{0}b.", "*emph {0}*", "`code {0}`", "[link {0}](/a/ \"title {0}\")", "[ref][r]\n\n[r]: /r/{0} \"t{0}\"",
            "![alt {0}](/i{0}.png)", "## Heading {0}", "| a{0} | b |\n| --- | --- |\n| c{0} | d |", "> quote {0}", "- item {0}",
            "```lang{0}\nblock {0}\n```", "    indented {0}", "<p title=\"{0}\">raw {0}</p>", "Inline <span data-x=\"{0}\">{0}</span>.",
            "<!-- comment {0} -->", "Footnote[^1].\n\n[^1]: note {0}", "<https://example.org/{0}>", "www.example.org/{0}",
        };
        var body = string.Join("\n\n", contexts.SelectMany(c => forbidden.Concat(references).Select(f => string.Format(CultureInfo.InvariantCulture, c, f))));
        var diagnostics = new DiagnosticBag();

        var rendered = new MarkdownRenderer().Render(body, File, 0, diagnostics);

        Assert.All(diagnostics.ToImmutableSorted(), d => Assert.Equal(DiagnosticCodes.ControlCharacter, d.Code));
        Assert.False(ForbiddenIn(rendered.Html), "the page");
        Assert.False(ForbiddenIn(rendered.FirstParagraph), "the summary");
    }

    public static TheoryData<string, int> Adversarial => new()
    {
        { "list items indented two more on each of 2,000 lines", 33 },
        { "quote marks, one more on each of 2,000 lines", 33 },
        { "quotes and list items in turn on 2,000 lines", 33 },
        { "ordered items indented three more on each of 2,000 lines", 33 },
        { "32 levels of list, then a million blank lines", 0 },
        { "emphasis opened on 10,000 lines and closed on 10,000 more", 0 },
        { "links opened on 10,000 lines and closed on 10,000 more", 0 },
        { "20,000 bold words in one paragraph", 1 },
        { "spans nested 10,000 deep", 1 },
    };

    [Theory]
    [MemberData(nameof(Adversarial))]
    public void Markdown_nested_past_what_a_page_can_hold_is_BS0505_wherever_it_is_built(string shape, int line)
    {
        var diagnostics = new DiagnosticBag();

        var rendered = new MarkdownRenderer().Render(AdversarialBody(shape), File, 6, diagnostics);

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(DiagnosticCodes.MarkdownTooDeep, diagnostic.Code);
        if (line > 0)
        {
            Assert.Equal(6 + line, diagnostic.Line);
        }

        Assert.Empty(rendered.Html);
    }

    [Fact]
    public void Bodies_nested_to_break_the_build_are_refused_in_time_that_grows_with_them()
    {
        // Each of these took Markdig (or the HTML parser) from seconds to minutes to read.
        var bodies = Adversarial.Select(row => AdversarialBody((string)row[0])).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        foreach (var body in bodies)
        {
            new MarkdownRenderer().Render(body, File, 0, new DiagnosticBag());
        }

        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 5);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(NestingScan.MaxDepth)]
    public void Nesting_a_page_can_hold_renders(int levels)
    {
        var lists = string.Concat(Enumerable.Range(0, levels).Select(i => new string(' ', 2 * i) + "- level " + i + "\n"));
        var quotes = string.Concat(Enumerable.Range(0, levels).Select(i => string.Concat(Enumerable.Repeat("> ", i + 1)) + "level " + i + "\n"));
        var emphasis = string.Concat(Enumerable.Repeat("*a ", levels)) + "x" + string.Concat(Enumerable.Repeat(" a*", levels)) + "\n";
        var deepest = new string(' ', 2 * (levels - 1)) + "  " + emphasis;
        var html = string.Concat(Enumerable.Repeat("<div>", levels)) + "x" + string.Concat(Enumerable.Repeat("</div>", levels)) + "\n";

        var rendered = Render($"{lists}{deepest}\n{quotes}\n{emphasis}\n{html}");

        var document = Parse(rendered.Html);
        Assert.Equal(levels, document.QuerySelectorAll("li").Max(li => li.GetAncestors().OfType<IElement>().Count(e => e.LocalName == "li") + 1));
        Assert.Equal(levels, document.QuerySelectorAll("blockquote").Max(q => q.GetAncestors().OfType<IElement>().Count(e => e.LocalName == "blockquote") + 1));
        Assert.Equal(levels * 2, document.QuerySelectorAll("em").Length);
        Assert.Equal(levels, document.Body!.Children.Last().QuerySelectorAll("div").Length + 1);
    }

    [Fact]
    public void Marks_nested_past_Markdigs_own_limit_in_a_paragraph_long_enough_to_hold_them_are_BS0505()
    {
        // Few enough marks for their paragraph's length to be read in time, more than Markdig holds.
        var diagnostics = new DiagnosticBag();
        var markdown = "Intro.\n\n" + string.Concat(Enumerable.Repeat("*" + new string('a', 170) + " ", 10_300)) + "\n";

        var rendered = new MarkdownRenderer().Render(markdown, File, 6, diagnostics);

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.MarkdownTooDeep, 9), (diagnostic.Code, diagnostic.Line));
        Assert.StartsWith("the Markdown nests brackets, quotes, emphasis or lists inside each other", diagnostic.Message, StringComparison.Ordinal);
        Assert.Empty(rendered.Html);
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

    // Whether the HTML has a character a page cannot show, written as itself or as a reference.
    private static bool ForbiddenIn(string html)
    {
        for (var i = 0; i < html.Length; i++)
        {
            var codePoint = char.IsSurrogatePair(html, i) ? char.ConvertToUtf32(html[i], html[++i]) : html[i];
            if (ControlCharacters.IsForbidden(codePoint))
            {
                return true;
            }
        }

        return System.Text.RegularExpressions.Regex.Matches(html, "&#([xX][0-9a-fA-F]+|[0-9]+);?")
            .Any(m => ControlCharacters.IsForbiddenReference((int)Math.Min(m.Value[2] is 'x' or 'X'
                ? long.Parse(m.Groups[1].Value[1..][..Math.Min(m.Groups[1].Value.Length - 1, 8)], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                : long.Parse(m.Groups[1].Value[..Math.Min(m.Groups[1].Value.Length, 10)], CultureInfo.InvariantCulture), 0x110000)));
    }

    private static string AdversarialBody(string shape) => shape switch
    {
        "list items indented two more on each of 2,000 lines" => Lines(2_000, i => new string(' ', 2 * i) + "- x"),
        "quote marks, one more on each of 2,000 lines" => Lines(2_000, i => string.Concat(Enumerable.Repeat("> ", i + 1)) + "x"),
        "quotes and list items in turn on 2,000 lines" => Lines(2_000, i => string.Concat(Enumerable.Range(0, i).Select(j => j % 2 == 0 ? "> " : "  ")) + (i % 2 == 0 ? "> x" : "- x")),
        "ordered items indented three more on each of 2,000 lines" => Lines(2_000, i => new string(' ', 3 * i) + "1. x"),
        "32 levels of list, then a million blank lines" => Lines(32, i => new string(' ', 2 * i) + "- x") + new string('\n', 1_000_000) + "end\n",
        "emphasis opened on 10,000 lines and closed on 10,000 more" => Lines(10_000, _ => "*a") + Lines(10_000, _ => "a*"),
        "links opened on 10,000 lines and closed on 10,000 more" => Lines(10_000, _ => "[a") + Lines(10_000, _ => "](b)"),
        "20,000 bold words in one paragraph" => string.Concat(Enumerable.Repeat("**a** ", 20_000)) + "\n",
        _ => "a " + string.Concat(Enumerable.Repeat("<span>", 10_000)) + "x" + string.Concat(Enumerable.Repeat("</span>", 10_000)) + "\n",
    };

    private static string Lines(int count, Func<int, string> line) =>
        string.Concat(Enumerable.Range(0, count).Select(i => line(i) + "\n"));

    private static RenderedMarkdown Render(string markdown)
    {
        var diagnostics = new DiagnosticBag();
        var rendered = new MarkdownRenderer().Render(markdown, File, 0, diagnostics);
        Assert.Empty(diagnostics.ToImmutableSorted());
        return rendered;
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
