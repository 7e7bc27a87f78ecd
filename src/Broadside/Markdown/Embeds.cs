using System.Collections.Frozen;
using Broadside.Configuration;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Broadside.Markdown;

/// <summary>
/// What a paragraph that holds one link, and nothing else, becomes: a click-to-load player for a video on
/// a listed host (<see cref="VideoHosts"/>), or the browser's own player for an audio or video file of
/// <c>media/</c>. Everything written into the markup is escaped where it lands, and a player's address is
/// made of the video's id alone (<see cref="VideoLink.PlayerUrl"/>).
/// </summary>
internal static class Embeds
{
    /// <summary>The class of a video player's link, by which the player's script finds it.</summary>
    public const string PlayerClass = "player-link";

    /// <summary>The class of the element that names the host, whose words the page's language gives.</summary>
    public const string HostClass = "player-host";

    private static readonly FrozenSet<string> VideoFiles = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, ".mp4", ".webm", ".ogv", ".m4v", ".mov");

    private static readonly FrozenSet<string> AudioFiles = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, ".mp3", ".ogg", ".oga", ".m4a", ".opus", ".wav", ".flac");

    /// <summary>
    /// <paramref name="html"/> with each player's host named in the page's words: "YouTube" made
    /// "Watch on YouTube" by <paramref name="words"/>, whose <c>{host}</c> stands for the name.
    /// </summary>
    /// <param name="html">A rendered body.</param>
    /// <param name="words">The words, as text, such as <c>Watch on {host}</c>.</param>
    public static string NameHosts(string html, string words)
    {
        const string Open = "<span class=\"" + HostClass + "\">";
        var at = words.IndexOf("{host}", StringComparison.Ordinal);
        var (before, after) = at < 0 ? (string.Empty, string.Empty) : (System.Net.WebUtility.HtmlEncode(words[..at]), System.Net.WebUtility.HtmlEncode(words[(at + 6)..]));
        if (before.Length + after.Length == 0)
        {
            return html;
        }

        var output = new System.Text.StringBuilder(html.Length + 256);
        var from = 0;
        for (var start = html.IndexOf(Open, StringComparison.Ordinal); start >= 0; start = html.IndexOf(Open, from, StringComparison.Ordinal))
        {
            var name = start + Open.Length;
            var end = html.IndexOf("</span>", name, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            output.Append(html, from, name - from).Append(before).Append(html, name, end - name).Append(after);
            from = end;
        }

        return from == 0 ? html : output.Append(html, from, html.Length - from).ToString();
    }

    /// <summary>Whether <paramref name="path"/> names an audio or a video file by its extension: "audio", "video", or null.</summary>
    public static string? MediaKind(string path)
    {
        var end = path.AsSpan().IndexOfAny('?', '#');
        var extension = Path.GetExtension(end < 0 ? path : path[..end]);
        return VideoFiles.Contains(extension) ? "video" : AudioFiles.Contains(extension) ? "audio" : null;
    }

    /// <summary>The link or autolink a paragraph holds alone, but for white space; null for any other paragraph.</summary>
    public static Inline? Alone(ParagraphBlock paragraph)
    {
        Inline? alone = null;
        for (var inline = paragraph.Inline?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LinkInline or AutolinkInline when alone is null:
                    alone = inline;
                    break;
                case LiteralInline literal when literal.Content.IsEmptyOrWhitespace():
                case LineBreakInline:
                    break;
                default:
                    return null;
            }
        }

        return alone;
    }

    /// <summary>
    /// Writes <paramref name="alone"/> as a player when it is one: true when it did. A picture alone is left
    /// to the caller unless it names an audio or video file.
    /// </summary>
    /// <param name="renderer">Where to write.</param>
    /// <param name="alone">The paragraph's only link (<see cref="Alone"/>).</param>
    /// <param name="hosts">The listed video hosts.</param>
    /// <param name="mediaRoot">The root-relative path of the site's <c>media/</c> (<c>/media/</c>, <c>/news/media/</c>).</param>
    /// <param name="players">Incremented for each click-to-load player written, which the page's script serves.</param>
    public static bool TryWrite(HtmlRenderer renderer, Inline alone, VideoHosts hosts, string mediaRoot, ref int players)
    {
        switch (alone)
        {
            case AutolinkInline { IsEmail: false, Url: { } url } when hosts.Find(url) is { } video:
                WritePlayer(renderer, url, video, title: string.Empty, poster: null);
                players++;
                return true;
            case LinkInline { IsImage: false, Url: { } url } link when hosts.Find(url) is { } video:
                {
                    var image = link.FirstChild is LinkInline { IsImage: true } only && only.NextSibling is null ? only : null;
                    var poster = image?.Url is { } source && source.StartsWith(mediaRoot, StringComparison.Ordinal) ? image : null;
                    var title = !string.IsNullOrWhiteSpace(link.Title) ? link.Title
                        : image is not null ? PlainText(image)
                        : link.IsAutoLink ? string.Empty
                        : PlainText(link);
                    WritePlayer(renderer, url, video, title.Trim(), poster);
                    players++;
                    return true;
                }

            case LinkInline { Url: { } url } link when url.StartsWith(mediaRoot, StringComparison.Ordinal) && MediaKind(url) is { } kind:
                {
                    var text = PlainText(link).Trim();
                    var description = text.Length > 0 ? text : Uri.UnescapeDataString(url[(url.LastIndexOf('/') + 1)..]);
                    WriteMedia(renderer, kind, url, description, link.IsImage ? link.Title : null);
                    return true;
                }

            default:
                return false;
        }
    }

    // <figure class="player"><a class="player-link" href="page" data-player="player" …><span class="player-still">poster,
    // play mark</span><span class="player-caption">title, host</span></a></figure>
    private static void WritePlayer(HtmlRenderer renderer, string url, VideoLink video, string title, LinkInline? poster)
    {
        renderer.EnsureLine();
        renderer.Write("<figure class=\"player\"><a class=\"").Write(PlayerClass).Write("\" href=\"").WriteEscapeUrl(url)
            .Write("\" data-player=\"").WriteEscape(video.PlayerUrl)
            .Write("\" data-referrer=\"").Write(video.Host.Referrer).Write('"');
        if (title.Length > 0)
        {
            renderer.Write(" data-title=\"").WriteEscape(title).Write('"');
        }

        renderer.Write("><span class=\"player-still\" aria-hidden=\"true\">");
        if (poster is not null)
        {
            // The title is the link's words: the poster says nothing more.
            renderer.Write("<img class=\"player-poster\" src=\"").WriteEscapeUrl(poster.Url).Write("\" alt=\"\">");
        }
        else
        {
            renderer.Write("<span class=\"player-poster\"></span>");
        }

        renderer.Write("<span class=\"player-play\"></span></span><span class=\"player-caption\">");
        if (title.Length > 0)
        {
            renderer.Write("<span class=\"player-title\">").WriteEscape(title).Write("</span> ");
        }

        renderer.Write("<span class=\"").Write(HostClass).Write("\">").WriteEscape(video.Host.Name).Write("</span></span></a></figure>");
        renderer.WriteLine();
    }

    // <figure class="media"><video controls preload="metadata" src="…" aria-label="…"><a href="…">…</a></video><figcaption>…</figcaption></figure>
    private static void WriteMedia(HtmlRenderer renderer, string kind, string url, string description, string? caption)
    {
        renderer.EnsureLine();
        renderer.Write("<figure class=\"media media-").Write(kind).Write("\"><").Write(kind)
            .Write(" controls preload=\"metadata\" src=\"").WriteEscapeUrl(url)
            .Write("\" aria-label=\"").WriteEscape(description).Write("\">")
            .Write("<a href=\"").WriteEscapeUrl(url).Write("\">").WriteEscape(description).Write("</a></").Write(kind).Write('>');
        if (!string.IsNullOrWhiteSpace(caption))
        {
            renderer.Write("<figcaption>").WriteEscape(caption).Write("</figcaption>");
        }

        renderer.Write("</figure>");
        renderer.WriteLine();
    }

    // The words of a link or a picture's description, as plain text.
    private static string PlainText(ContainerInline container)
    {
        var text = new System.Text.StringBuilder();
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case Markdig.Extensions.SmartyPants.SmartyPant pant:
                    text.Append(BodyWalk.Typographic(pant.Type));
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case ContainerInline inner:
                    text.Append(PlainText(inner));
                    break;
            }
        }

        return text.ToString();
    }
}
