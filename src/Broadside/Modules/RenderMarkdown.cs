using System.Text;
using Broadside.Caching;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Feeds;
using Broadside.Markdown;
using Broadside.Output;

namespace Broadside.Modules;

/// <summary>Renders the Markdown body of each article and page to HTML.</summary>
/// <param name="renderer">The Markdig pipeline, built once.</param>
/// <param name="cache">Bodies rendered by earlier builds of this process, or null.</param>
/// <param name="fingerprint">The build's fingerprint of its code, theme and settings, part of the cache's key.</param>
/// <param name="articles">
/// Articles kept by earlier builds, or null: an article taken from there is already rendered
/// (its diagnostics are reported again), and an article rendered here is recorded there.
/// </param>
public sealed class RenderMarkdown(MarkdownRenderer renderer, IStepCache? cache = null, Hash128 fingerprint = default, ArticleCache? articles = null) : ParallelModule<ContentDocument>
{
    /// <inheritdoc />
    protected override Document? Transform(ContentDocument input, PipelineContext context)
    {
        if (articles is not null && input is Article article)
        {
            if (article.Rendered)
            {
                articles.ReportRendering(article, context.Diagnostics);
                return article;
            }

            var (rendered, reported) = context.Diagnostics.Capture(bag => (Article)Render(article, bag));
            articles.Rendered(rendered, reported);
            return rendered;
        }

        return cache is null
            ? Render(input, context.Diagnostics)
            : cache.Reuse(nameof(RenderMarkdown), input.Source!, new KeyBuilder().Add(fingerprint).Add(renderer.Variant).Add(input.SourceHash).Finish(), context.Diagnostics, bag => Render(input, bag));
    }

    private ContentDocument Render(ContentDocument input, DiagnosticBag diagnostics)
    {
        var rendered = renderer.Render(Encoding.UTF8.GetString(input.Markdown.Span), input.Source!, input.BodyLineOffset, diagnostics);
        return input with
        {
            Markdown = ReadOnlyMemory<byte>.Empty,
            Links = rendered.Links,
            HtmlUtf8 = Encoding.UTF8.GetBytes(rendered.Html),
            FeedReady = IsFeedReady(rendered.Html),
            Rendered = true,
            FirstParagraph = rendered.FirstParagraph,
            WordCount = rendered.WordCount,
            Headings = rendered.Headings,
            Players = rendered.Players,
        };
    }

    private static readonly Uri AnyPage = new("https://site.invalid/");

    private static bool IsFeedReady(string html) =>
        !html.Contains("]]>", StringComparison.Ordinal)
        && ReferenceEquals(XmlText.CleanHtml(html), html)
        && !AbsoluteHtml.NeedsResolving(html, AnyPage);
}
