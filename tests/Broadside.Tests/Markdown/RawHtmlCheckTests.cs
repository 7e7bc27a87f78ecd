using System.Collections.Immutable;
using Broadside.Configuration;
using Broadside.Diagnostics;
using Broadside.Markdown;

namespace Broadside.Tests.Markdown;

public sealed class RawHtmlCheckTests
{
    private static readonly RawHtmlPolicy Videos = new() { IframeHosts = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "www.youtube-nocookie.com") };

    [Theory]
    [InlineData("<figure class=\"wide\" id=\"f1\" data-credit=\"Ana\"><img src=\"/media/a.jpg\" alt=\"A\" srcset=\"/media/a.jpg 1x, /media/a@2x.jpg 2x\"><figcaption>Picket</figcaption></figure>")]
    [InlineData("<details><summary>More</summary><p style=\"color: red\">Hidden <abbr title=\"x\">x</abbr></p></details>")]
    [InlineData("<svg viewBox=\"0 0 10 10\" aria-label=\"dot\"><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>")]
    [InlineData("<video controls src=\"/media/strike.mp4\" poster=\"/media/strike.jpg\"><track kind=\"captions\" src=\"/media/strike.vtt\"></video>")]
    [InlineData("<a href=\"https://example.org/\" rel=\"noopener\">out</a> <a href=\"mailto:e@example.org\">mail</a> <a href=\"page?time=10:30\">t</a> <a href=\"#fn1\">1</a>")]
    [InlineData("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\">")]
    [InlineData("<!-- an editor's note --><style>.x { color: red }</style><meta itemprop=\"name\" content=\"x\">")]
    [InlineData("<iframe src=\"https://www.youtube-nocookie.com/embed/x\" title=\"Video\"></iframe>")]
    [InlineData("<iframe src=\"//WWW.YOUTUBE-NOCOOKIE.COM/embed/x\"></iframe> <iframe src=\"/2026/03/chart/\"></iframe>")]
    public void Ordinary_html_passes(string html)
    {
        var problems = new RawHtmlCheck(Videos).Find(html);

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", DiagnosticCodes.ActiveContent, "a <script> element")]
    [InlineData("<SCRIPT SRC=//evil.example/x.js></SCRIPT>", DiagnosticCodes.ActiveContent, "a <script> element")]
    [InlineData("<p onclick=\"alert(1)\">x</p>", DiagnosticCodes.ActiveContent, "the event handler 'onclick' on <p>")]
    [InlineData("<img src=x OnError=alert(1)>", DiagnosticCodes.ActiveContent, "the event handler 'onerror' on <img>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", DiagnosticCodes.ActiveContent, "the address 'javascript:alert(1)' on <a>")]
    [InlineData("<a href=\"jav&#x09;ascript:alert(1)\">x</a>", DiagnosticCodes.ActiveContent, "on <a>, which runs code")]
    [InlineData("<a href=\" &#14; javascript:alert(1)\">x</a>", DiagnosticCodes.ActiveContent, "on <a>, which runs code")]
    [InlineData("<form action=\"javascript:alert(1)\"><button formaction=\"vbscript:x\">go</button></form>", DiagnosticCodes.ActiveContent, "on <form>")]
    [InlineData("<a href=\"data:text/html,<script>alert(1)</script>\">x</a>", DiagnosticCodes.ActiveContent, "on <a>, which runs code")]
    [InlineData("<img srcset=\"/a.png 1x, javascript:alert(1) 2x\">", DiagnosticCodes.ActiveContent, "'javascript:alert(1)' on <img>")]
    [InlineData("<svg><script>alert(1)</script></svg>", DiagnosticCodes.ActiveContent, "a <script> element")]
    [InlineData("<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>", DiagnosticCodes.ActiveContent, "on <a>, which runs code")]
    [InlineData("<svg><animate attributeName=\"href\" values=\"javascript:alert(1)\"/></svg>", DiagnosticCodes.ActiveContent, "on <animate>, which runs code")]
    [InlineData("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>", DiagnosticCodes.ActiveContent, "the event handler 'onerror' on <img>")]
    [InlineData("<template><a href=\"javascript:alert(1)\">x</a></template>", DiagnosticCodes.ActiveContent, "on <a>, which runs code")]
    [InlineData("<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>", DiagnosticCodes.ActiveContent, "a <script> element")]
    [InlineData("<object data=\"/media/x.swf\"></object>", DiagnosticCodes.ActiveContent, "a <object> element")]
    [InlineData("<embed src=\"/media/x.swf\">", DiagnosticCodes.ActiveContent, "a <embed> element")]
    [InlineData("<base href=\"https://evil.example/\">", DiagnosticCodes.ActiveContent, "a <base> element")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0; url=https://evil.example/\">", DiagnosticCodes.ActiveContent, "<meta http-equiv>")]
    [InlineData("<iframe src=\"https://evil.example/x\"></iframe>", DiagnosticCodes.IframeHost, "an <iframe> that embeds a page from 'evil.example'")]
    [InlineData("<iframe src=\"https://www.youtube.com/embed/x\"></iframe>", DiagnosticCodes.IframeHost, "from 'www.youtube.com'")]
    [InlineData("<iframe src=\"//evil.example/x\"></iframe>", DiagnosticCodes.IframeHost, "from 'evil.example'")]
    public void Code_and_unlisted_embeds_are_problems(string html, string code, string what)
    {
        var problems = new RawHtmlCheck(Videos).Find(html);

        var problem = Assert.Single(problems, p => p.What.Contains(what, StringComparison.Ordinal));
        Assert.Equal(code, problem.Code);
        Assert.Equal(1, problem.Line);
    }

    [Fact]
    public void Each_problem_is_found_at_its_line()
    {
        var problems = new RawHtmlCheck(RawHtmlPolicy.Default).Find("<div>\n<p>fine</p>\n<p onclick=\"x()\">\n<a href=\"javascript:y()\">a</a></p>\n<script>z()</script>\n</div>");

        Assert.Equal([3, 4, 5], problems.Select(p => p.Line).Order().ToArray());
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<p onclick=\"alert(1)\">x</p><a href=\"javascript:alert(1)\">x</a><object data=\"x\"></object>")]
    public void Allowing_scripts_allows_them(string html)
    {
        Assert.Empty(new RawHtmlCheck(RawHtmlPolicy.Default with { AllowScripts = true }).Find(html));
    }

    [Fact]
    public void Allowing_scripts_does_not_allow_pages_from_unlisted_hosts()
    {
        var problem = Assert.Single(new RawHtmlCheck(RawHtmlPolicy.Default with { AllowScripts = true }).Find("<iframe src=\"https://evil.example/\"></iframe>"));

        Assert.Equal(DiagnosticCodes.IframeHost, problem.Code);
    }

    [Fact]
    public void The_message_says_what_and_how_to_fix_it()
    {
        var problem = Assert.Single(new RawHtmlCheck(RawHtmlPolicy.Default).Find("<script>alert(1)</script>"));

        Assert.Equal("raw HTML with a <script> element: remove it, or set 'raw_html: {allow_scripts: true}' in site.yml if the publication means it", problem.Message);
    }

    [Theory]
    [InlineData("<video controls src=\"https://cdn.example.net/strike.mp4\"></video>", DiagnosticCodes.RemoteMedia, "a <video> that plays 'https://cdn.example.net/strike.mp4' from another site (cdn.example.net)")]
    [InlineData("<audio controls><source src=\"//cdn.example.net/chant.mp3\" type=\"audio/mpeg\"></audio>", DiagnosticCodes.RemoteMedia, "a <source> that plays '//cdn.example.net/chant.mp3'")]
    [InlineData("<video controls src=\"/media/a.mp4\"><track kind=\"captions\" src=\"http://subs.example.net/a.vtt\"></video>", DiagnosticCodes.RemoteMedia, "a <track> that plays")]
    [InlineData("<img src=\"https://i.ytimg.com/vi/x/hqdefault.jpg\" alt=\"x\">", DiagnosticCodes.PictureRemote, "an <img> that shows 'https://i.ytimg.com/vi/x/hqdefault.jpg' from another site (i.ytimg.com)")]
    [InlineData("<picture><source srcset=\"https://cdn.example.net/a.avif\"><img src=\"/media/a.jpg\" alt=\"a\"></picture>", DiagnosticCodes.PictureRemote, "a <source> that shows")]
    [InlineData("<form action=\"https://lists.example.org/subscribe\" method=\"post\"><input name=\"email\"></form>", DiagnosticCodes.RemoteMedia, "a <form> that sends what readers enter to https://lists.example.org")]
    public void What_the_content_security_policy_would_block_is_a_warning(string html, string code, string what)
    {
        var problem = Assert.Single(new RawHtmlCheck(RawHtmlPolicy.Default).Find(html));

        Assert.Equal(code, problem.Code);
        Assert.True(problem.Warning);
        Assert.Contains(what, problem.What, StringComparison.Ordinal);
        Assert.Equal(1, problem.Line);
    }

    [Theory]
    [InlineData("<video controls src=\"/media/strike.mp4\" poster=\"/media/strike.jpg\"></video><audio src=\"media/a.mp3\"></audio>")]
    [InlineData("<form action=\"/search/\"><input name=\"q\"></form><form><input></form>")]
    [InlineData("<a href=\"https://cdn.example.net/strike.mp4\">the film</a>")]
    public void Media_and_forms_of_the_site_pass(string html)
    {
        Assert.Empty(new RawHtmlCheck(RawHtmlPolicy.Default).Find(html));
    }

    [Fact]
    public void A_form_may_post_to_an_origin_the_settings_name()
    {
        var check = new RawHtmlCheck(RawHtmlPolicy.Default, formOrigins: ["https://lists.example.org"]);

        Assert.Empty(check.Find("<form action=\"https://LISTS.example.org/subscribe\"></form>"));
        Assert.Single(check.Find("<form action=\"https://other.example.org/subscribe\"></form>"));
    }

    [Fact]
    public void An_embedded_video_of_a_listed_host_is_told_to_become_a_link()
    {
        var problem = Assert.Single(new RawHtmlCheck(RawHtmlPolicy.Default, VideoHosts.Default).Find("<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe>"));

        Assert.Equal(DiagnosticCodes.IframeHost, problem.Code);
        Assert.False(problem.Warning);
        Assert.Contains("write a link to the video alone in its paragraph instead, such as [What the video shows](https://www.youtube.com/watch?v=dQw4w9WgXcQ): it becomes a player that loads from YouTube only when the reader clicks it", problem.Message, StringComparison.Ordinal);
    }
}
