using System.Collections.Immutable;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Broadside.Configuration;
using Broadside.Diagnostics;
using Broadside.Markdown;

namespace Broadside.Tests.Markdown;

/// <summary>
/// A link alone in its paragraph to a video on a listed host becomes a click-to-load player; one to an
/// audio or video file of <c>media/</c>, the browser's own player; every other link stays a link.
/// </summary>
public sealed class EmbedsTests
{
    private const string File = "input/articles/a.md";

    private static readonly VideoHosts WithPeerTube = new() { Hosts = [VideoHost.YouTube, VideoHost.Vimeo, new VideoHost(VideoService.PeerTube, "tube.example.org")] };

    [Theory]
    [InlineData("[The strike vote](https://www.youtube.com/watch?v=dQw4w9WgXcQ)", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "The strike vote", "YouTube")]
    [InlineData("[The strike vote](https://youtu.be/dQw4w9WgXcQ?t=90)", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90", "The strike vote", "YouTube")]
    [InlineData("[Rally](https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=1m30s)", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90", "Rally", "YouTube")]
    [InlineData("[Short](https://youtube.com/shorts/dQw4w9WgXcQ)", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "Short", "YouTube")]
    [InlineData("[Picket](https://vimeo.com/76979871 \"The picket at dawn\")", "https://player.vimeo.com/video/76979871?dnt=1", "The picket at dawn", "Vimeo")]
    [InlineData("[Unlisted](https://vimeo.com/76979871/8a9b7c6d5e)", "https://player.vimeo.com/video/76979871?dnt=1&h=8a9b7c6d5e", "Unlisted", "Vimeo")]
    [InlineData("[Assembly](https://tube.example.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d)", "https://tube.example.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d", "Assembly", "tube.example.org")]
    [InlineData("[Assembly](https://tube.example.org/videos/watch/kkGMgK9ZtnKfYAgnEtQxbv)", "https://tube.example.org/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv", "Assembly", "tube.example.org")]
    [InlineData("<https://www.youtube.com/watch?v=dQw4w9WgXcQ>", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "", "YouTube")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "", "YouTube")]
    [InlineData("  [**Strike** vote](https://youtu.be/dQw4w9WgXcQ)  ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "Strike vote", "YouTube")]
    public void A_video_link_alone_in_its_paragraph_becomes_a_player_made_of_the_videos_id(string markdown, string player, string title, string host)
    {
        var rendered = Render(markdown, WithPeerTube);

        var link = Assert.Single(Parse(rendered.Html).QuerySelectorAll("figure.player > a.player-link"));
        Assert.Equal(player, link.GetAttribute("data-player"));
        Assert.Equal(title.Length == 0 ? null : title, link.GetAttribute("data-title"));
        Assert.Equal(host, link.QuerySelector(".player-host")!.TextContent);
        Assert.Equal(title, link.QuerySelector(".player-title")?.TextContent ?? string.Empty);
        Assert.StartsWith("http", link.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(host == "YouTube" ? "strict-origin" : "no-referrer", link.GetAttribute("data-referrer"));
        Assert.Equal(1, rendered.Players);

        // Nothing the page loads comes from the host: no picture, no frame.
        Assert.Empty(Parse(rendered.Html).QuerySelectorAll("iframe, img, script"));
    }

    [Theory]
    [InlineData("Watch [the strike vote](https://youtu.be/dQw4w9WgXcQ) tonight.")]
    [InlineData("[One](https://youtu.be/dQw4w9WgXcQ) [Two](https://youtu.be/dQw4w9WgXcQ)")]
    [InlineData("- [In a list](https://youtu.be/dQw4w9WgXcQ)\n- [Another](https://vimeo.com/76979871)")]
    [InlineData("[On another host](https://www.dailymotion.com/video/x8abc12)")]
    [InlineData("[A channel, not a video](https://www.youtube.com/@SomeUnion)")]
    [InlineData("[An id of the wrong shape](https://www.youtube.com/watch?v=dQw4w9WgXcQ%22%3E%3Cscript%3E)")]
    [InlineData("[Not a video of Vimeo](https://vimeo.com/about)")]
    [InlineData("[An unlisted PeerTube](https://other.example.net/w/9c9de5e8-0a1e-484a-b099-e80766180a6d)")]
    [InlineData("[A look-alike host](https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ)")]
    [InlineData("[Another port](https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ)")]
    public void Other_links_stay_links(string markdown)
    {
        var diagnostics = new DiagnosticBag();
        var rendered = new MarkdownRenderer("/", videoHosts: WithPeerTube).Render(markdown, File, 0, diagnostics);

        Assert.Empty(Parse(rendered.Html).QuerySelectorAll("figure, .player-link"));
        Assert.NotEmpty(Parse(rendered.Html).QuerySelectorAll("a[href]"));
        Assert.Equal(0, rendered.Players);
        Assert.Empty(diagnostics.ToImmutableSorted());
    }

    [Fact]
    public void A_site_that_lists_no_host_keeps_every_video_link_a_link()
    {
        var rendered = Render("[The strike vote](https://youtu.be/dQw4w9WgXcQ)", VideoHosts.None);

        Assert.Empty(Parse(rendered.Html).QuerySelectorAll(".player-link"));
        Assert.Equal(0, rendered.Players);
    }

    [Fact]
    public void A_picture_in_the_link_is_the_local_poster_and_its_description_the_title()
    {
        var html = Render("[![Drivers at the depot gates](/media/2026/depot.jpg)](https://youtu.be/dQw4w9WgXcQ)").Html;

        var link = Assert.Single(Parse(html).QuerySelectorAll("a.player-link"));
        var poster = Assert.Single(link.QuerySelectorAll("img"));
        Assert.Equal("/media/2026/depot.jpg", poster.GetAttribute("src"));
        Assert.Equal(string.Empty, poster.GetAttribute("alt"));
        Assert.Equal("Drivers at the depot gates", link.GetAttribute("data-title"));
        Assert.Empty(link.QuerySelectorAll("span.player-poster"));
    }

    [Fact]
    public void A_poster_on_another_site_is_not_shown_and_the_still_is_drawn()
    {
        var html = Render("[![Still](https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg)](https://youtu.be/dQw4w9WgXcQ)").Html;

        Assert.Empty(Parse(html).QuerySelectorAll("img"));
        Assert.Single(Parse(html).QuerySelectorAll("a.player-link span.player-poster"));
    }

    [Fact]
    public void A_site_in_a_folder_finds_its_posters_and_media_under_it()
    {
        var diagnostics = new DiagnosticBag();
        var html = new MarkdownRenderer("/news/").Render("[![Still](/media/a.jpg)](https://youtu.be/dQw4w9WgXcQ)\n\n[Interview](/media/a.mp3)", File, 0, diagnostics).Html;

        Assert.Equal("/news/media/a.jpg", Parse(html).QuerySelector("a.player-link img")!.GetAttribute("src"));
        Assert.Equal("/news/media/a.mp3", Parse(html).QuerySelector("audio")!.GetAttribute("src"));
    }

    [Theory]
    [InlineData("[\"Strikers\" <b>&amp; 'friends'</b>](https://youtu.be/dQw4w9WgXcQ \"A \\\"title\\\" with <b> & ' marks\")", "A \"title\" with <b> & ' marks")]
    [InlineData("[<script>alert(1)</script>](https://youtu.be/dQw4w9WgXcQ)", "")]
    public void Titles_are_escaped_where_they_land(string markdown, string title)
    {
        var diagnostics = new DiagnosticBag();
        var html = new MarkdownRenderer("/", RawHtmlPolicy.Default).Render(markdown, File, 0, diagnostics).Html;

        var document = Parse(html);
        Assert.Empty(document.QuerySelectorAll("script, b"));
        if (title.Length > 0)
        {
            var link = Assert.Single(document.QuerySelectorAll("a.player-link"));
            Assert.Equal(title, link.GetAttribute("data-title"));
            Assert.Equal(title, link.QuerySelector(".player-title")!.TextContent);
            Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_player_address_is_made_of_the_id_alone()
    {
        var html = Render("[Vote](https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PL%22onmouseover%3D&autoplay=1&origin=https://evil.example)").Html;

        var link = Assert.Single(Parse(html).QuerySelectorAll("a.player-link"));
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", link.GetAttribute("data-player"));
    }

    [Theory]
    [InlineData("![The march, filmed from the bridge](/media/2026/march.mp4 \"Thousands on Lake Street.\")", "video", "/media/2026/march.mp4", "The march, filmed from the bridge", "Thousands on Lake Street.")]
    [InlineData("![The interview](/media/2026/interview.mp3)", "audio", "/media/2026/interview.mp3", "The interview", null)]
    [InlineData("[Listen to the chant](/media/2026/chant.ogg)", "audio", "/media/2026/chant.ogg", "Listen to the chant", null)]
    [InlineData("[The rally](/media/2026/rally.WEBM)", "video", "/media/2026/rally.WEBM", "The rally", null)]
    [InlineData("[Speech](/media/2026/speech.opus)", "audio", "/media/2026/speech.opus", "Speech", null)]
    [InlineData("[](/media/2026/the%20speech.m4a)", "audio", "/media/2026/the%20speech.m4a", "the speech.m4a", null)]
    public void A_media_file_alone_in_its_paragraph_plays_in_the_browsers_own_player(string markdown, string kind, string src, string description, string? caption)
    {
        var rendered = Render(markdown);

        var figure = Assert.Single(Parse(rendered.Html).QuerySelectorAll("figure.media"));
        var player = Assert.Single(figure.QuerySelectorAll(kind));
        Assert.Equal(src, player.GetAttribute("src"));
        Assert.True(player.HasAttribute("controls"));
        Assert.Equal("metadata", player.GetAttribute("preload"));
        Assert.Equal(description, player.GetAttribute("aria-label"));
        var fallback = Assert.Single(player.QuerySelectorAll("a"));
        Assert.Equal(src, fallback.GetAttribute("href"));
        Assert.Equal(description, fallback.TextContent);
        Assert.Equal(caption, figure.QuerySelector("figcaption")?.TextContent);
        Assert.Equal(0, rendered.Players);
    }

    [Theory]
    [InlineData("Listen to [the interview](/media/2026/interview.mp3) here.")]
    [InlineData("[A file elsewhere](https://example.org/interview.mp3)")]
    [InlineData("[A document](/media/2026/contract.pdf)")]
    [InlineData("[Outside media](/files/interview.mp3)")]
    public void Other_file_links_stay_links(string markdown)
    {
        var html = Render(markdown).Html;

        Assert.Empty(Parse(html).QuerySelectorAll("audio, video, figure"));
    }

    [Fact]
    public void The_hosts_are_named_in_the_pages_words()
    {
        var html = Render("[Vote](https://youtu.be/dQw4w9WgXcQ)\n\n[Picket](https://vimeo.com/76979871)").Html;

        var named = Embeds.NameHosts(html, "Ver en {host} & más");

        Assert.Equal(["Ver en YouTube &amp; más", "Ver en Vimeo &amp; más"], Parse(named).QuerySelectorAll(".player-host").Select(e => e.InnerHtml));
        Assert.Same(html, Embeds.NameHosts(html, "{host}"));
        Assert.Same("<p>x</p>", Embeds.NameHosts("<p>x</p>", "Watch on {host}"));
    }

    [Fact]
    public void Renderers_for_other_hosts_differ_for_caches()
    {
        Assert.NotEqual(new MarkdownRenderer("/").Variant, new MarkdownRenderer("/", videoHosts: WithPeerTube).Variant);
        Assert.NotEqual(new MarkdownRenderer("/").Variant, new MarkdownRenderer("/", formOrigins: ["https://lists.example.org"]).Variant);
    }

    private static RenderedMarkdown Render(string markdown, VideoHosts? hosts = null)
    {
        var diagnostics = new DiagnosticBag();
        var rendered = new MarkdownRenderer("/", videoHosts: hosts).Render(markdown, File, 0, diagnostics);
        Assert.DoesNotContain(diagnostics.ToImmutableSorted(), d => d.IsError);
        return rendered;
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
