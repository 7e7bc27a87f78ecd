using System.Text;
using Broadside.Content;
using Broadside.Engine;
using Broadside.Feeds;
using Broadside.Markdown;
using Broadside.Site;

namespace Broadside.Modules;

/// <summary>Renders the Markdown body of each article and page to HTML.</summary>
/// <param name="renderer">The Markdig pipeline, built once.</param>
/// <param name="cache">Bodies rendered by earlier builds of this process, or null.</param>
public sealed class RenderMarkdown(MarkdownRenderer renderer, BuildCache? cache = null) : ParallelModule<ContentDocument>
{
    /// <inheritdoc />
    protected override Document? Transform(ContentDocument input, PipelineContext context)
    {
        var markdown = Encoding.UTF8.GetString(input.Markdown.Span);
        var rendered = cache is null
            ? renderer.Render(markdown, input.Source!, input.BodyLineOffset, context.Diagnostics)
            : cache.Markdown(markdown, input.Source!, input.BodyLineOffset, renderer.Variant, context.Diagnostics, bag => renderer.Render(markdown, input.Source!, input.BodyLineOffset, bag));
        return input with
        {
            Markdown = ReadOnlyMemory<byte>.Empty,
            Links = rendered.Links,
            HtmlUtf8 = Encoding.UTF8.GetBytes(rendered.Html),
            FeedReady = IsFeedReady(rendered.Html),
            FirstParagraph = rendered.FirstParagraph,
            WordCount = rendered.WordCount,
        };
    }

    private static readonly Uri AnyPage = new("https://site.invalid/");

    private static bool IsFeedReady(string html) =>
        !html.Contains("]]>", StringComparison.Ordinal)
        && ReferenceEquals(XmlText.Clean(html), html)
        && !AbsoluteHtml.NeedsResolving(html, AnyPage);
}
