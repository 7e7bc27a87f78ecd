using Broadside.Content;
using Broadside.Engine;
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
        var rendered = cache is null
            ? renderer.Render(input.Markdown, input.Source!, input.BodyLineOffset, context.Diagnostics)
            : cache.Markdown(input.Markdown, input.Source!, input.BodyLineOffset, context.Diagnostics, bag => renderer.Render(input.Markdown, input.Source!, input.BodyLineOffset, bag));
        return input with
        {
            Html = rendered.Html,
            FirstParagraph = rendered.FirstParagraph,
            WordCount = rendered.WordCount,
        };
    }
}
