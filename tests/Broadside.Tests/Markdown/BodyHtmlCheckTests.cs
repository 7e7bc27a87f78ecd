using System.Collections.Immutable;
using AngleSharp.Html.Parser;
using Broadside.Configuration;
using Broadside.Diagnostics;
using Broadside.Markdown;

namespace Broadside.Tests.Markdown;

/// <summary>The raw HTML of whole bodies, as <see cref="MarkdownRenderer"/> checks it with <see cref="BodyHtmlCheck"/>.</summary>
public sealed class BodyHtmlCheckTests
{
    private const string File = "input/articles/a.md";

    // Bodies start on line 7 of their files: each line below is the line of the culprit in the file.
    public static TheoryData<string, int, int, string> Unclosed => new()
    {
        { "Intro.\n\n<textarea>\nx\n\nMore.\n", 9, 1, "a <textarea> that is never closed takes everything after it, the page's share links and footer too, into its text: close it with </textarea>" },
        { "Intro.\n\n<title>x\n\nMore.\n", 9, 1, "a <title> that is never closed" },
        { "Intro.\n\n<xmp>\n\nMore.\n", 9, 1, "a <xmp> that is never closed" },
        { "Intro.\n\n<style>\np { color: red }\n\nMore.\n", 9, 1, "a <style> that is never closed" },
        { "Intro.\n\n<noscript>\n\nMore.\n", 9, 1, "a <noscript> that is never closed" },
        { "Intro.\n\n<noembed>\n\nMore.\n", 9, 1, "a <noembed> that is never closed" },
        { "Intro.\n\n<noframes>\n\nMore.\n", 9, 1, "a <noframes> that is never closed" },
        { "Intro.\n\n<iframe src=\"https://www.youtube-nocookie.com/embed/x\">\n\nMore.\n", 9, 1, "an <iframe> that is never closed" },
        { "Intro.\n\n<plaintext>\n\nMore.\n", 9, 1, "a <plaintext> turns everything after it" },
        { "Intro.\n\n<!-- a note\n\nMore.\n", 9, 1, "an HTML comment ('<!--') that is never closed hides everything after it" },
        { "Intro.\n\n> <!-- a note in a quote\n>\n> quoted\n\nAfter.\n", 9, 3, "an HTML comment ('<!--') that is never closed" },
        { "Intro.\n\n<?php echo 1\n\nMore.\n", 9, 1, "the markup '<?php echo 1' is never ended with '>'" },
        { "Intro.\n\n<!DOCTYPE x\n\nMore.\n", 9, 1, "the markup '<!DOCTYPE x' is never ended with '>'" },
        { "Intro.\n\n<svg>\n<![CDATA[ x\n\nMore.\n", 10, 1, "a '<![CDATA[' section that is never closed" },
        { "Intro.\n\n<div title=\"x\n\nMore.\n", 9, 1, "a <div> that is never closed" },
        { "Intro.\n\n<div><span title='it\n\nMore.\n", 9, 6, "a quote in the tag <span> is never closed, so the tag and everything after it" },
        { "Intro.\n\n<select><option>a\n\nMore.\n", 9, 1, "a <select> that is never closed" },
        { "Intro.\n\n<template>\n\nMore.\n", 9, 1, "a <template> that is never closed hides everything after it" },
        { "Intro.\n\n<details><summary>More</summary>\n\nMore.\n", 9, 1, "a <details> that is never closed takes what follows it" },
        { "Intro.\n\n<dialog>\n\nMore.\n", 9, 1, "a <dialog> that is never closed" },
        { "Intro.\n\n<div class=\"box\">\nMore.\n", 9, 1, "a <div> that is never closed" },
        { "Intro.\n\n<table><tr><td>x\n\nMore.\n", 9, 1, "a <table> that is never closed" },
        { "Intro.\n\n<table>\n<tr><td>x</td></tr>\n\nMarkdown after it.\n", 9, 1, "a <table> that is never closed moves what follows it" },
        { "Intro.\n\n<math><mi>x\n\nMore.\n", 9, 1, "a <math> that is never closed" },
        { "Intro.\n\n<marquee>\n\nMore.\n", 9, 1, "a <marquee> that is never closed" },
        { "Intro.\n\n<button>\n\nMore.\n", 9, 1, "a <button> that is never closed" },
        { "Intro.\n\nRead <a href=\"https://example.org/\">this link\n\nMore text.\n", 9, 6, "an <a> that is never closed carries on into what follows it, the page's share links and footer too (an <a> makes them all a link): close it with </a>" },
        { "Intro.\n\nSome <b>bold\n\nMore.\n", 9, 6, "a <b> that is never closed carries on" },
        { "Intro.\n\n<div>\n<em>text\n</div>\n\nAfter.\n", 10, 1, "an <em> that is never closed carries on" },
        { "Intro.\n\n</div></article></main>\n\n<p>Fake footer.</p>\n", 9, 1, "the end tag </div> closes the page's own elements around the article" },
        { "Intro.\n\nText.</div>\n", 9, 6, "the end tag </div> closes the page's own elements" },
        { "Intro.\n\n<html dir=\"rtl\">\n\nMore.\n", 9, 1, "a <html> tag in the article gives its attributes to the page's own <html> element: remove it" },
        { "Intro.\n\n<body class=\"x\">\n\nMore.\n", 9, 1, "a <body> tag in the article gives its attributes to the page's own <body> element" },
        { "Intro.\n\n<div><form action=\"/join\">\n</div>\n\nMore.\n", 9, 6, "a <form> that is never closed with </form> takes the page's own forms into it" },
        { "- item <textarea>\n\n  more\n- next\n", 7, 8, "a <textarea> that is never closed" },
    };

    [Theory]
    [MemberData(nameof(Unclosed))]
    public void Raw_HTML_that_changes_how_the_page_after_it_is_read_is_BS0506_at_its_line(string markdown, int line, int column, string words)
    {
        var (diagnostics, rendered) = Render(markdown);

        var diagnostic = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.RawHtmlUnclosed);
        Assert.True(diagnostic.IsError);
        Assert.Equal((File, line, column), (diagnostic.File, diagnostic.Line, diagnostic.Column));
        Assert.Contains(words, diagnostic.Message, StringComparison.Ordinal);
        Assert.Empty(rendered.Html);
    }

    public static TheoryData<string> Sound => new()
    {
        "<figure><img src=\"/media/a.jpg\" alt=\"A\"><figcaption>Picket</figcaption></figure>",
        "<details><summary>More</summary>\n\nHidden *text*.\n\n</details>",
        "<svg viewBox=\"0 0 10 10\" aria-label=\"dot\"><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>",
        "<svg><![CDATA[ a ]]></svg>",
        "<table>\n<tr><th>City</th><th>Drivers</th></tr>\n<tr><td>Lyon</td><td>1200</td></tr>\n</table>",
        "<table><tr><td>cells<td>left<tr><td>open</table>",
        "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" title=\"Video\"></iframe>",
        "Line<br>break, <img src=\"/a.png\" alt=\"x\"> and <hr> <wbr> <input type=\"checkbox\"> void elements.",
        "Text <!-- an editor's note --> and\n\n<!--\nA note\n\nover lines\n-->\n\nafter.",
        "<p>A paragraph left open, as HTML allows\n\n<p>and another</p>",
        "<ul>\n<li>an item left open\n<li>another\n</ul>",
        "<dl><dt>term<dd>definition<dt>term<dd>definition</dl>",
        "Some <span>text left open in a paragraph\n\nMore.",
        "<div class=\"box\">\n\nMarkdown *inside* a box.\n\n</div>",
        "<textarea>\n\n</textarea>",
        "<title>x</title> and <style>p { color: red }</style>",
        "<select><option>a<option>b</select>",
        "<template><p>x</p></template>",
        "<a href=\"/a/\">a link</a> and <b>bold</b>, <em>emphasis <strong>nested</strong></em>.",
        "<svg><foreignObject><div>x</div></foreignObject></svg>",
        "<math><mi>x</mi><mo>=</mo><mn>1</mn></math>",
        "<video controls src=\"/media/strike.mp4\"><track kind=\"captions\" src=\"/media/strike.vtt\"></video>",
    };

    [Theory]
    [MemberData(nameof(Sound))]
    public void Raw_HTML_that_closes_what_it_opens_passes(string markdown)
    {
        var (diagnostics, rendered) = Render("Intro.\n\n" + markdown + "\n\nAfter.\n");

        Assert.Empty(diagnostics);
        Assert.NotEmpty(rendered.Html);
    }

    [Fact]
    public void Each_culprit_is_reported_once()
    {
        var (diagnostics, _) = Render("Intro.\n\n<div>\n\n<textarea>\n\n<!--\n\nMore.\n");

        // The div is still open where the textarea swallows the rest: one error, at the textarea.
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.RawHtmlUnclosed, 11), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void A_quote_that_takes_Markdown_into_a_tag_that_is_closed_later_is_BS0503_from_where_it_starts()
    {
        // Each piece is harmless alone; the page a browser reads has onmouseover on the div.
        var (diagnostics, _) = Render("Intro.\n\n<div title='\n\n' onmouseover='alert(1)'>x</div>\n\n</div>\n");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.ActiveContent, 9, 1), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Equal("raw HTML from here on leaves a tag or a quote open, and the page ends up with the event handler 'onmouseover' on <div>: close every tag and quote", diagnostic.Message);
    }

    [Fact]
    public void A_quote_that_takes_Markdown_into_a_tag_left_open_is_reported_once_as_unclosed()
    {
        var (diagnostics, _) = Render("Intro.\n\n<div title='\n\n' onmouseover='alert(1)'>x\n");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.RawHtmlUnclosed, 9), (diagnostic.Code, diagnostic.Line));
    }

    [Theory]
    [InlineData("Intro.\n\n<p onclick=\"alert(1)\">x</p>\n", 9, 1, "the event handler 'onclick' on <p>")]
    [InlineData("Intro.\n\n<div>\n<p>fine</p>\n<p>x <img src=x onerror=\"alert(1)\"></p>\n</div>\n", 11, 6, "the event handler 'onerror' on <img>")]
    [InlineData("Intro.\n\nSee <svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>.\n", 9, 10, "on <a>, which runs code")]
    [InlineData("Intro.\n\n<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>\n", 9, 1, "a <script> element")]
    public void Code_in_raw_HTML_is_found_where_the_whole_body_puts_it(string markdown, int line, int column, string words)
    {
        var (diagnostics, _) = Render(markdown);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.ActiveContent, line, column), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Contains(words, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_that_is_only_text_is_not_code()
    {
        var (diagnostics, _) = Render("Intro.\n\n<textarea><script>alert(1)</script></textarea>\n");

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void A_Markdown_link_that_runs_code_next_to_raw_HTML_is_reported_once()
    {
        var (diagnostics, _) = Render("A [link](javascript:alert(1)) and <b>bold</b>.\n");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.ActiveContent, 7, 3), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
    }

    [Theory]
    [InlineData("divs opened in an HTML block", 200)]
    [InlineData("spans opened inline", 200)]
    [InlineData("bold elements of distinct classes never closed, then paragraphs", 200)]
    public void Raw_HTML_nested_deeper_than_a_page_holds_is_BS0505(string shape, int count)
    {
        var markdown = "Intro.\n\n" + shape switch
        {
            "divs opened in an HTML block" => string.Concat(Enumerable.Repeat("<div>", count)) + "x" + string.Concat(Enumerable.Repeat("</div>", count)) + "\n",
            "spans opened inline" => "a " + string.Concat(Enumerable.Repeat("<span>", count)) + "x" + string.Concat(Enumerable.Repeat("</span>", count)) + "\n",
            _ => string.Concat(Enumerable.Range(0, count).Select(i => $"<b class=\"c{i}\">")) + "\n\n" + string.Concat(Enumerable.Repeat("para\n\n", count)),
        };

        var (diagnostics, rendered) = Render(markdown);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.MarkdownTooDeep, 9), (diagnostic.Code, diagnostic.Line));
        Assert.Contains($"more than {BodyHtmlCheck.MaxElementDepth} deep", diagnostic.Message, StringComparison.Ordinal);
        Assert.Empty(rendered.Html);
    }

    [Fact]
    public void Raw_HTML_nested_as_deep_as_a_page_holds_passes()
    {
        var depth = BodyHtmlCheck.MaxElementDepth - 1;
        var (diagnostics, rendered) = Render(string.Concat(Enumerable.Repeat("<div>", depth)) + "x" + string.Concat(Enumerable.Repeat("</div>", depth)) + "\n");

        Assert.Empty(diagnostics);
        Assert.Equal(depth, new HtmlParser().ParseDocument(rendered.Html).Body!.QuerySelectorAll("div").Length);
    }

    private static (IReadOnlyList<Diagnostic> Diagnostics, RenderedMarkdown Rendered) Render(string markdown)
    {
        var policy = new RawHtmlPolicy { IframeHosts = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "www.youtube-nocookie.com") };
        var diagnostics = new DiagnosticBag();
        var rendered = new MarkdownRenderer("/", policy).Render(markdown, File, 6, diagnostics);
        return (diagnostics.ToImmutableSorted(), rendered);
    }
}
